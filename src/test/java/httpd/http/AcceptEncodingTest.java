package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {
    @ParameterizedTest(name = "Accept-Encoding: {0} → gzip {1}, identity {2}, gzip preferred {3}")
    @CsvSource(delimiter = '|', value = {
        "gzip|1.0|1.0|true",
        "GZIP;Q=0.5|0.5|1.0|true",
        "gzip;q=0.5, identity|0.5|1.0|false",
        "gzip;q=0.5, identity;q=0.4|0.5|0.4|true",
        "x-gzip|1.0|1.0|true",
        "*|1.0|1.0|true",
        "*;q=0|0.0|0.0|false",
        "*;q=0, identity|0.0|1.0|false",
        "identity;q=0|0.0|0.0|false",
        "identity;q=0, *|1.0|0.0|true",
        "gzip;q=0, *|0.0|1.0|false",
        "br, deflate|0.0|1.0|false",
        "gzip;q=2|0.0|1.0|false",
        "gzip;q=0.8, gzip;q=0.3|0.8|1.0|true",
        "''|0.0|1.0|false",
        " , gzip ,|1.0|1.0|true",
    })
    void weighsEachCodingAsRfc9110Says(String header, double gzip, double identity, boolean prefersGzip) {
        assertThat(AcceptEncoding.weightOf(header, "gzip")).isEqualTo(gzip);
        assertThat(AcceptEncoding.weightOf(header, "identity")).isEqualTo(identity);
        assertThat(AcceptEncoding.prefers(header, "gzip")).isEqualTo(prefersGzip);
    }
}
