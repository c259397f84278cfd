package httpd.server;

import httpd.http.HttpDates;
import httpd.http.RequestHead;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request in the Combined Log Format, plus the time taken, on the logger {@code httpd.access}
 * so that logback can route it on its own. Whatever the client sent is escaped: a request must never be
 * able to write control bytes into a log or a terminal.
 */
final class AccessLog {
    private static final Logger log = LoggerFactory.getLogger("httpd.access");

    private final boolean enabled;
    private final PerSecondText time;
    /** Each thread builds its lines in the same builder: a log line per request makes no garbage of its own. */
    private final ThreadLocal<StringBuilder> lines = ThreadLocal.withInitial(() -> new StringBuilder(256));

    AccessLog(boolean enabled, Clock clock) {
        this.enabled = enabled && log.isInfoEnabled();
        ZoneId zone = clock.getZone();
        this.time = new PerSecondText(clock, instant -> clfTime(instant, zone));
    }

    /** {@code 24/Nov/2026:16:18:29 +0100}, as the Common Log Format writes time: English, with the offset. */
    static String clfTime(Instant instant, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(instant);
        LocalDateTime local = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, offset);
        StringBuilder text = new StringBuilder(26);
        HttpDates.appendTwoDigits(text, local.getDayOfMonth());
        text.append('/').append(HttpDates.monthName(local.getMonthValue())).append('/');
        HttpDates.appendYear(text, local.getYear());
        text.append(':');
        HttpDates.appendTime(text, local);
        int offsetMinutes = offset.getTotalSeconds() / 60;
        text.append(' ').append(offsetMinutes < 0 ? '-' : '+');
        HttpDates.appendTwoDigits(text, Math.abs(offsetMinutes) / 60);
        HttpDates.appendTwoDigits(text, Math.abs(offsetMinutes) % 60);
        return text.toString();
    }

    /**
     * @param request the parsed request, or null when it could not be parsed
     * @param scheme  {@code https} or {@code http} on a TLS port, at the end of the line; null on a plain port
     */
    void log(String client, RequestHead request, int status, long bytes, long nanos, String scheme) {
        if (!enabled) {
            return;
        }
        StringBuilder line = lines.get();
        line.setLength(0);
        line.append(client).append(" - - [").append(time.now()).append("] \"");
        if (request == null) {
            line.append('-');
        } else {
            PrintableText.append(line, request.method(), true);
            line.append(' ');
            PrintableText.append(line, request.target(), true);
            line.append(' ').append(request.version().text());
        }
        line.append("\" ").append(status).append(' ');
        if (bytes > 0) {
            line.append(bytes);
        } else {
            line.append('-');
        }
        line.append(" \"");
        PrintableText.append(line, request == null ? "-" : request.headers().first("Referer").orElse("-"), true);
        line.append("\" \"");
        PrintableText.append(line, request == null ? "-" : request.headers().first("User-Agent").orElse("-"), true);
        line.append("\" ").append(nanos / 1_000_000).append("ms");
        if (scheme != null) {
            line.append(' ').append(scheme);
        }
        log.info(line.toString());
    }
}
