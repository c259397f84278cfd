package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A response's bytes over the last window, from samples at watchdog ticks (times given, no clock). */
class SendMeterTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long START = 1_000 * SECOND;

    private final SendMeter meter = new SendMeter(Duration.ofSeconds(5));

    @Test
    void countsFromTheStartWhileTheResponseIsYoungerThanTheWindow() {
        meter.sample(START, START + SECOND, 4_000_000);
        meter.sample(START, START + 2 * SECOND, 4_100_000);

        assertThat(meter.spanNanos()).isEqualTo(2 * SECOND);
        assertThat(meter.bytesInSpan()).isEqualTo(4_100_000);
    }

    @Test
    void forgetsTheFirstBurstOnceItIsAWindowOld() {
        // a client that took 4 MB into its buffers at once, then stopped reading
        for (int tick = 1; tick <= 7; tick++) {
            meter.sample(START, START + tick * SECOND, 4_000_000);
        }

        assertThat(meter.spanNanos()).isEqualTo(5 * SECOND);
        assertThat(meter.bytesInSpan()).isZero();
    }

    @Test
    void measuresASteadyReaderOverTheLastWindow() {
        for (int tick = 1; tick <= 30; tick++) {
            meter.sample(START, START + tick * SECOND, tick * 512_000L);
        }

        assertThat(meter.spanNanos()).isEqualTo(5 * SECOND);
        assertThat(meter.bytesInSpan()).isEqualTo(5 * 512_000L);
    }

    @Test
    void spansAtLeastTheWindowWhenTicksAreLate() {
        long[] ticks = {1, 2, 3, 4, 6, 9, 10};
        for (long tick : ticks) {
            meter.sample(START, START + tick * SECOND + tick * SECOND / 10, tick * 1000);
        }

        // the newest sample at least 5 s before the last (at 10 s) is the one at 4 s
        assertThat(meter.spanNanos()).isEqualTo(6 * SECOND + 6 * SECOND / 10);
        assertThat(meter.bytesInSpan()).isEqualTo(6000);
    }

    @Test
    void startsAfreshForTheNextResponse() {
        for (int tick = 1; tick <= 10; tick++) {
            meter.sample(START, START + tick * SECOND, 4_000_000);
        }
        long next = START + 10 * SECOND;

        meter.sample(next, next + SECOND, 300_000);

        assertThat(meter.spanNanos()).isEqualTo(SECOND);
        assertThat(meter.bytesInSpan()).isEqualTo(300_000);
    }

    @Test
    void keepsItsSpanWhenSampledMoreOftenThanItHasRoomFor() {
        for (int i = 1; i <= 100; i++) {
            meter.sample(START, START + i * SECOND / 10, i * 100L);
        }

        assertThat(meter.spanNanos()).isPositive().isLessThanOrEqualTo(5 * SECOND);
        assertThat(meter.bytesInSpan()).isEqualTo(meter.spanNanos() / (SECOND / 10) * 100);
    }
}
