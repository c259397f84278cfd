package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** The hand-written IMF-fixdate writes what the JDK's formatter with English names writes, for any second. */
class HttpDatesFormatPropertiesTest {
    private static final DateTimeFormatter JDK_IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** Seconds from 0001-01-01 to 9999-12-31, every year IMF-fixdate's four digits can hold. */
    @Property(tries = 2000)
    void formatsEverySecondAsTheJdkDoes(@ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long second) {
        Instant instant = Instant.ofEpochSecond(second);
        assertThat(HttpDates.format(instant)).isEqualTo(JDK_IMF_FIXDATE.format(instant));
    }

    @Property(tries = 500)
    void formatsRecentSecondsAsTheJdkDoes(@ForAll @LongRange(min = 0, max = 4_102_444_800L) long second) {
        Instant instant = Instant.ofEpochSecond(second);
        assertThat(HttpDates.format(instant)).isEqualTo(JDK_IMF_FIXDATE.format(instant));
    }
}
