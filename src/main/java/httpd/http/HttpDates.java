package httpd.http;

import java.time.Instant;
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

    private HttpDates() {
    }

    public static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }

    /** Parses a date a client sent; anything malformed is empty, never an error (RFC 9110 §13.1.3). */
    public static Optional<Instant> parse(String text) {
        for (DateTimeFormatter format : new DateTimeFormatter[] {IMF_FIXDATE, RFC_850, ASCTIME}) {
            try {
                return Optional.of(ZonedDateTime.parse(text.trim(), format).toInstant());
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
