package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnTheFlyTest {
    @ParameterizedTest(name = "{0}, {1} bytes → {2}")
    @CsvSource(delimiter = '|', value = {
        "text/html; charset=utf-8|2000|true",
        "text/css; charset=utf-8|1024|true",
        "text/css|1023|false",
        "text/javascript; charset=utf-8|5000|true",
        "application/javascript|5000|true",
        "application/json|5000|true",
        "application/manifest+json|5000|true",
        "application/ld+json|5000|true",
        "image/svg+xml|5000|true",
        "application/xml|5000|true",
        "text/event-stream|5000|false",
        "image/png|5000|false",
        "image/jpeg|5000|false",
        "font/woff2|5000|false",
        "video/mp4|5000|false",
        "application/zip|5000|false",
        "application/gzip|5000|false",
        "application/octet-stream|5000|false",
    })
    void compressesTextOfAKibibyteAndMore(String contentType, long size, boolean worthIt) {
        assertThat(OnTheFly.worthIt(contentType, size)).isEqualTo(worthIt);
    }

    @Test
    void leavesAnSvgzAloneThoughItsTypeIsSvg() {
        assertThat(OnTheFly.worthIt("logo.svgz", "image/svg+xml", 5000)).isFalse();
        assertThat(OnTheFly.worthIt("logo.svg", "image/svg+xml", 5000)).isTrue();
    }

    @Test
    void encodesBytesThatDecodeToTheOriginal() throws IOException {
        byte[] original = "<p>hello, gzip</p>\n".repeat(200).getBytes(StandardCharsets.UTF_8);

        ByteBuffer encoded = OnTheFly.gzip(ByteBuffer.wrap(original));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.duplicate().get(bytes);

        assertThat(encoded.isDirect()).isTrue();
        assertThat(bytes.length).isLessThan(original.length / 10);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes()).isEqualTo(original);
    }
}
