package httpd.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import httpd.http.HttpStatus;
import httpd.http.RequestBodyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CappedInputTest {
    @ParameterizedTest(name = "{0} bytes under a cap of {1}")
    @CsvSource({"0,1", "100,100", "100,101", "100000,9223372036854775807", "100000,2147483648", "100000,2147483647"})
    void passesABodyUpToItsCap(int size, long cap) throws IOException {
        byte[] body = new byte[size];

        assertThat(new CappedInput(new ByteArrayInputStream(body), cap).readAllBytes()).hasSize(size);
    }

    @ParameterizedTest(name = "{0} bytes over a cap of {1}")
    @CsvSource({"101,100", "2,1", "70000,65536"})
    void stopsABodyThatPassesItsCap(int size, long cap) {
        assertThatThrownBy(() -> new CappedInput(new ByteArrayInputStream(new byte[size]), cap).readAllBytes())
                .isInstanceOfSatisfying(RequestBodyException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    }
}
