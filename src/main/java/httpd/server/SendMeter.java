package httpd.server;

import java.time.Duration;

/**
 * The body bytes one connection's responses have sent, sampled on each watchdog tick, so that a response's rate
 * over the last window can be told ({@link SendRateFloor}). A blocked write reports nothing while it is
 * blocked, so the rate is read from outside, by the watchdog, never by the writer. Used by one thread only.
 */
final class SendMeter {
    /** Room for a window's worth of one-second ticks and then some; when full, the oldest sample goes. */
    private static final int SAMPLES = 16;

    private final long windowNanos;
    private final long[] times = new long[SAMPLES];
    private final long[] bytes = new long[SAMPLES];
    private int oldest;
    private int count;
    private long responseStart;

    SendMeter(Duration window) {
        this.windowNanos = window.toNanos();
    }

    /**
     * Records that the response which started at {@code responseStart} had sent {@code bytesSent} at
     * {@code now}. A response not seen before starts a fresh count, from 0 bytes at its start.
     */
    void sample(long responseStart, long now, long bytesSent) {
        if (count == 0 || responseStart != this.responseStart) {
            this.responseStart = responseStart;
            count = 0;
            add(responseStart, 0);
        }
        add(now, bytesSent);
        // Keep as the oldest sample the newest one that is at least a window old: the span is then the window.
        while (count > 2 && now - times[index(1)] >= windowNanos) {
            drop();
        }
    }

    /** The span the bytes were counted over: a little over the window, or less while the response is young. */
    long spanNanos() {
        return count < 2 ? 0 : times[index(count - 1)] - times[oldest];
    }

    long bytesInSpan() {
        return count < 2 ? 0 : bytes[index(count - 1)] - bytes[oldest];
    }

    private void add(long time, long sent) {
        if (count == SAMPLES) {
            drop();
        }
        int next = index(count);
        times[next] = time;
        bytes[next] = sent;
        count++;
    }

    private void drop() {
        oldest = index(1);
        count--;
    }

    private int index(int offset) {
        return (oldest + offset) % SAMPLES;
    }
}
