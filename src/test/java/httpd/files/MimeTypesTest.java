package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MimeTypesTest {
    private final MimeTypes types = MimeTypes.load();

    static Stream<Arguments> webTypes() {
        return Stream.of(
                Arguments.of("index.html", "text/html; charset=utf-8"),
                Arguments.of("INDEX.HTM", "text/html; charset=utf-8"),
                Arguments.of("style.css", "text/css; charset=utf-8"),
                Arguments.of("app.js", "text/javascript; charset=utf-8"),
                Arguments.of("module.mjs", "text/javascript; charset=utf-8"),
                Arguments.of("data.json", "application/json; charset=utf-8"),
                Arguments.of("app.js.map", "application/json; charset=utf-8"),
                Arguments.of("site.webmanifest", "application/manifest+json; charset=utf-8"),
                Arguments.of("logo.svg", "image/svg+xml; charset=utf-8"),
                Arguments.of("a.png", "image/png"),
                Arguments.of("a.jpg", "image/jpeg"),
                Arguments.of("a.gif", "image/gif"),
                Arguments.of("a.webp", "image/webp"),
                Arguments.of("a.avif", "image/avif"),
                Arguments.of("favicon.ico", "image/x-icon"),
                Arguments.of("f.woff", "font/woff"),
                Arguments.of("f.woff2", "font/woff2"),
                Arguments.of("f.ttf", "font/ttf"),
                Arguments.of("f.otf", "font/otf"),
                Arguments.of("m.wasm", "application/wasm"),
                Arguments.of("v.mp4", "video/mp4"),
                Arguments.of("v.webm", "video/webm"),
                Arguments.of("a.mp3", "audio/mpeg"),
                Arguments.of("a.ogg", "audio/ogg"),
                Arguments.of("a.wav", "audio/wav"),
                Arguments.of("c.vtt", "text/vtt; charset=utf-8"),
                Arguments.of("d.pdf", "application/pdf"),
                Arguments.of("r.txt", "text/plain; charset=utf-8"),
                Arguments.of("README.md", "text/markdown; charset=utf-8"),
                Arguments.of("f.xml", "application/xml; charset=utf-8"),
                Arguments.of("t.csv", "text/csv; charset=utf-8"),
                Arguments.of("c.yaml", "application/yaml; charset=utf-8"),
                Arguments.of("c.yml", "application/yaml; charset=utf-8"),
                Arguments.of("z.zip", "application/zip"),
                Arguments.of("a.tar.gz", "application/gzip"),
                Arguments.of("LICENSE", "application/octet-stream"),
                Arguments.of("x.unknownext", "application/octet-stream"),
                Arguments.of("trailingdot.", "application/octet-stream"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("webTypes")
    void knowsTheTypesOfTheWeb(String fileName, String type) {
        assertThat(types.typeOf(fileName)).isEqualTo(type);
    }

    @Test
    void hasAtLeastEightyExtensions() {
        assertThat(types.size()).isGreaterThanOrEqualTo(80);
    }
}
