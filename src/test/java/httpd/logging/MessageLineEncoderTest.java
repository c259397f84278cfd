package httpd.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessageLineEncoderTest {
    private final MessageLineEncoder encoder = new MessageLineEncoder();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "127.0.0.1 - - [24/Nov/2026:13:51:02 +0000] \"GET / HTTP/1.1\" 200 14 \"-\" \"curl\" 0ms",
        "''",
        "café: not ASCII, sent as UTF-8",
    })
    void writesTheMessageAndALineFeedAsUtf8(String message) {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("httpd.access"), Level.INFO, message, null,
                null);

        assertThat(encoder.encode(event)).isEqualTo((message + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(encoder.headerBytes()).isEmpty();
        assertThat(encoder.footerBytes()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET / 200  | 16 | 10",
        "''         | 1  | 1",
        "GET / 200  | 9  | -1",
        "café       | 16 | -1",
    })
    void writesAnAsciiLineIntoAGivenArrayWhenItFits(String message, int arrayLength, int written) {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("httpd.access"), Level.INFO, message, null,
                null);
        byte[] target = new byte[arrayLength];

        assertThat(encoder.encodeInto(event, target)).isEqualTo(written);
        if (written > 0) {
            assertThat(Arrays.copyOf(target, written)).isEqualTo((message + "\n").getBytes(StandardCharsets.US_ASCII));
        }
    }
}
