package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryKindTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "image/png, IMAGE", "image/svg+xml, IMAGE", "video/mp4, VIDEO", "audio/mpeg, AUDIO",
            "application/zip, ARCHIVE", "application/gzip, ARCHIVE", "application/x-tar, ARCHIVE",
            "text/html; charset=utf-8, TEXT", "application/json; charset=utf-8, TEXT", "application/pdf, TEXT",
            "application/octet-stream, FILE", "font/woff2, FILE", "application/wasm, FILE"})
    void picksTheIconFromTheMediaTypeTheFileIsServedWith(String mediaType, EntryKind kind) {
        assertThat(EntryKind.of(false, mediaType)).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource({"''", "text/html"})
    void showsEveryDirectoryAsAFolder(String mediaType) {
        assertThat(EntryKind.of(true, mediaType)).isEqualTo(EntryKind.FOLDER);
    }
}
