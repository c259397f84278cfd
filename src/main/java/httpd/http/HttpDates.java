package httpd.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Optional;

/** HTTP dates (RFC 9110 §5.6.7): IMF-fixdate out, and the three historic formats in. */
public final class HttpDates {
    private static final String[] DAY_NAMES = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTH_NAMES =
            {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    private HttpDates() {
    }

    /**
     * IMF-fixdate, written by hand: the names are English whatever the locale, and a DateTimeFormatter with
     * month names would load the JDK's locale data while the first request waits (~20 ms of start-up).
     */
    public static String format(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder text = new StringBuilder(29);
        text.append(DAY_NAMES[utc.getDayOfWeek().ordinal()]).append(", ");
        appendTwoDigits(text, utc.getDayOfMonth());
        text.append(' ').append(monthName(utc.getMonthValue())).append(' ');
        appendYear(text, utc.getYear());
        text.append(' ');
        appendTime(text, utc);
        return text.append(" GMT").toString();
    }

    /** {@code Jan} for 1 to {@code Dec} for 12: dates in HTTP and in access logs are English. */
    public static String monthName(int month) {
        return MONTH_NAMES[month - 1];
    }

    /** {@code HH:mm:ss}. */
    public static void appendTime(StringBuilder text, LocalDateTime time) {
        appendTwoDigits(text, time.getHour());
        text.append(':');
        appendTwoDigits(text, time.getMinute());
        text.append(':');
        appendTwoDigits(text, time.getSecond());
    }

    /** Four digits at least, as {@code yyyy} writes years from 1 to 9999. */
    public static void appendYear(StringBuilder text, int year) {
        if (year >= 0 && year < 1000) {
            text.append(year < 10 ? "000" : year < 100 ? "00" : "0");
        }
        text.append(year);
    }

    public static void appendTwoDigits(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** Parses a date a client sent; anything malformed is empty, never an error (RFC 9110 §13.1.3). */
    public static Optional<Instant> parse(String text) {
        for (DateTimeFormatter format : ClientFormats.ALL) {
            try {
                return Optional.of(ZonedDateTime.parse(text.trim(), format).toInstant());
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }

    /** The formats a client may send, made only when a client first sends a date. */
    private static final class ClientFormats {
        /** IMF-fixdate, e.g. {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
        private static final DateTimeFormatter IMF_FIXDATE =
                DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
        /** obsolete RFC 850 form, e.g. {@code Sunday, 06-Nov-94 08:49:37 GMT}. */
        private static final DateTimeFormatter RFC_850 = new DateTimeFormatterBuilder()
                .appendPattern("EEEE, dd-MMM-")
                // two-digit years read as 1970-2069, close to RFC 9110's "not more than 50 years ahead"
                .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.US)
                .withZone(ZoneOffset.UTC);
        /** ANSI C asctime() form, e.g. {@code Sun Nov  6 08:49:37 1994}. */
        private static final DateTimeFormatter ASCTIME =
                DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US).withZone(ZoneOffset.UTC);

        static final DateTimeFormatter[] ALL = {IMF_FIXDATE, RFC_850, ASCTIME};
    }
}
