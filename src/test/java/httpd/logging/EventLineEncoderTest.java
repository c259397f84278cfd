package httpd.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class EventLineEncoderTest {
    private static final Instant WHEN = Instant.parse("2026-11-24T13:51:02.250Z");

    private final EventLineEncoder encoder = new EventLineEncoder();
    private final LoggerContext context = new LoggerContext();

    private String encode(Level level, String message, Throwable throwable) {
        LoggingEvent event = new LoggingEvent("fqcn", context.getLogger("httpd.files.StaticFileHandler"), level,
                message, throwable, null);
        event.setInstant(WHEN);
        return new String(encoder.encode(event));
    }

    private static String time() {
        LocalTime local = LocalTime.ofInstant(WHEN, ZoneId.systemDefault());
        return String.format("%02d:%02d:%02d.250", local.getHour(), local.getMinute(), local.getSecond());
    }

    @Test
    void writesTimeLevelPaddedToFiveShortLoggerNameAndMessage() {
        assertThat(encode(Level.WARN, "cannot read /x", null))
                .isEqualTo(time() + " WARN  StaticFileHandler - cannot read /x" + System.lineSeparator());
        assertThat(encode(Level.ERROR, "failed", null))
                .isEqualTo(time() + " ERROR StaticFileHandler - failed" + System.lineSeparator());
    }

    @Test
    void followsTheLineWithTheStackTrace() {
        String lines = encode(Level.ERROR, "handler failed", new IllegalStateException("boom"));

        assertThat(lines).startsWith(time() + " ERROR StaticFileHandler - handler failed" + System.lineSeparator()
                + "java.lang.IllegalStateException: boom");
        assertThat(lines).contains("\tat httpd.logging.EventLineEncoderTest");
    }
}
