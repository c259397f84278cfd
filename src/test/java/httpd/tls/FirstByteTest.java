package httpd.tls;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FirstByteTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"22, TLS_HANDSHAKE", "71, PLAIN_HTTP", "103, PLAIN_HTTP", "72, PLAIN_HTTP", "80, PLAIN_HTTP",
        "21, OTHER", "0, OTHER", "13, OTHER", "32, OTHER", "-1, OTHER", "48, OTHER"})
    void tellsAHandshakeFromARequestLine(byte first, FirstByte expected) {
        assertThat(FirstByte.of(first)).isEqualTo(expected);
    }
}
