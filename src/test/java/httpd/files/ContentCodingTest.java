package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentCodingTest {
    @ParameterizedTest(name = "''{0}'' br={1} gzip={2}")
    @CsvSource(delimiter = '|', value = {
        "gzip, deflate, br|true|true",
        "gzip|false|true",
        "br;q=0, gzip|false|true",
        "br;q=0.5|true|false",
        "*|true|true",
        "*;q=0, gzip|false|true",
        "br, *;q=0|true|false",
        "gzip;q=0|false|false",
        "identity|false|false",
        "x-gzip|false|true",
        "BR|true|false",
        "br;q=abc|false|false",
    })
    void readsAcceptEncodingWithQualityValues(String header, boolean brotli, boolean gzip) {
        assertThat(ContentCoding.BROTLI.isAcceptedBy(header)).isEqualTo(brotli);
        assertThat(ContentCoding.GZIP.isAcceptedBy(header)).isEqualTo(gzip);
    }
}
