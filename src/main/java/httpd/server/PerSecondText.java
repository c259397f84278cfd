package httpd.server;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/**
 * A text derived from the current time that only changes once a second, such as the Date header:
 * formatting it once per second instead of once per response.
 */
final class PerSecondText {
    private record Cached(long epochSecond, String text) {
    }

    private final Clock clock;
    private final Function<Instant, String> format;
    private volatile Cached cached = new Cached(Long.MIN_VALUE, "");

    PerSecondText(Clock clock, Function<Instant, String> format) {
        this.clock = clock;
        this.format = format;
    }

    String now() {
        long second = clock.millis() / 1000;
        Cached current = cached;
        if (current.epochSecond() != second) {
            current = new Cached(second, format.apply(Instant.ofEpochSecond(second)));
            cached = current;
        }
        return current.text();
    }
}
