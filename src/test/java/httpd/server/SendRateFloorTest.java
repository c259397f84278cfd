package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which transfers give way to waiting ones: only under pressure, only after the grace, only under the floor. */
class SendRateFloorTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long KIB = 1024;
    private static final SendRateFloor FLOOR = new SendRateFloor(Duration.ofSeconds(5), Duration.ofSeconds(5), 16 * KIB);

    static Stream<Arguments> cases() {
        return Stream.of(
                // waiting, sending for, span, bytes in span, cut?
                Arguments.of("stalled, others waiting", true, 60 * SECOND, 5 * SECOND, 0L, true),
                Arguments.of("stalled, nobody waiting (a paused video)", false, 60 * SECOND, 5 * SECOND, 0L, false),
                Arguments.of("stalled within the grace", true, 4 * SECOND, 4 * SECOND, 0L, false),
                Arguments.of("stalled just at the grace", true, 5 * SECOND, 5 * SECOND, 0L, true),
                Arguments.of("trickling (slow read)", true, 30 * SECOND, 5 * SECOND, 160L, true),
                Arguments.of("just under the floor", true, 30 * SECOND, 5 * SECOND, 80 * KIB - 1, true),
                Arguments.of("at the floor", true, 30 * SECOND, 5 * SECOND, 80 * KIB, false),
                Arguments.of("steady at 512 KB/s", true, 300 * SECOND, 5 * SECOND, 2_560_000L, false),
                Arguments.of("fast", true, 30 * SECOND, 6 * SECOND, 600 * 1024 * KIB, false),
                Arguments.of("the rate over a longer span", true, 30 * SECOND, 6 * SECOND, 90 * KIB, true),
                Arguments.of("nothing measured yet", true, 30 * SECOND, 0L, 0L, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void cutsOnlySlowTransfersPastTheGraceWhileOthersWait(String name, boolean waiting, long sendingNanos,
            long spanNanos, long bytes, boolean cut) {
        assertThat(FLOOR.givesWay(waiting, sendingNanos, spanNanos, bytes)).isEqualTo(cut);
    }
}
