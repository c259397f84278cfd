package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FolderDownloadTest {
    @ParameterizedTest(name = "?{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "download=zip|true", "a=1&download=zip|true", "download=zip&a=1|true", "x&download=zip&y|true",
        "''|false", "download=ZIP|false", "download=zipx|false", "xdownload=zip|false", "download=tar|false",
        "download%3Dzip|false", "download|false",
    })
    void readsTheZipQueryAsOneOfTheQuerysParts(String query, boolean asked) {
        assertThat(FolderDownload.isAskedFor(query)).isEqualTo(asked);
    }
}
