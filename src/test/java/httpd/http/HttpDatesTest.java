package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {
    private static final Instant EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");

    @Test
    void formatsImfFixdate() {
        assertThat(HttpDates.format(EXAMPLE)).isEqualTo("Sun, 06 Nov 1994 08:49:37 GMT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"})
    void parsesAllThreeFormatsOfRfc9110(String text) {
        assertThat(HttpDates.parse(text)).contains(EXAMPLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "Sun, 06 Nov 1994", "Sun, 32 Nov 1994 08:49:37 GMT", "\u0000"})
    void treatsGarbageAsNoDateRatherThanAnError(String text) {
        assertThat(HttpDates.parse(text)).isEmpty();
    }
}
