package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The access log's time is the Common Log Format's: English month, local time, numeric offset. */
class AccessLogTimeTest {
    private static final DateTimeFormatter JDK_CLF_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.US);
    private static final String[] ZONES = {"UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata",
        "America/St_Johns", "Pacific/Chatham", "Australia/Lord_Howe"};

    @ParameterizedTest
    @CsvSource({
        "UTC, 06/Nov/1994:08:49:37 +0000",
        "Europe/Berlin, 06/Nov/1994:09:49:37 +0100",
        "America/St_Johns, 06/Nov/1994:05:19:37 -0330",
        "Asia/Kolkata, 06/Nov/1994:14:19:37 +0530"})
    void writesLocalTimeWithItsOffset(String zone, String expected) {
        assertThat(AccessLog.clfTime(Instant.parse("1994-11-06T08:49:37Z"), ZoneId.of(zone))).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void writesWhatTheJdkFormatterWrites(@ForAll @LongRange(min = 0, max = 4_102_444_800L) long second,
            @ForAll @LongRange(min = 0, max = 6) long zoneIndex) {
        Instant instant = Instant.ofEpochSecond(second);
        ZoneId zone = ZoneId.of(ZONES[(int) zoneIndex]);
        assertThat(AccessLog.clfTime(instant, zone)).isEqualTo(JDK_CLF_TIME.format(instant.atZone(zone)));
    }
}
