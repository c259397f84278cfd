package httpd.server;

import java.time.Duration;

/**
 * When a transfer gives way to others: only while every transfer thread is busy and transfers are waiting,
 * and then only one that has been sending for the grace period and sent less than the minimum rate over the
 * last window. A client that stopped reading sends at 0; one that reads a trickle falls under the floor; a
 * steady download, however long, and any download in a server with threads to spare, is never cut.
 *
 * @param grace                  how long a transfer may send before its rate is judged
 * @param window                 the span its rate is measured over
 * @param minimumBytesPerSecond  the rate below which it gives way
 */
record SendRateFloor(Duration grace, Duration window, long minimumBytesPerSecond) {
    /**
     * Long enough for a transfer to get through TCP slow start and a reader's first stall (a browser asking
     * "open or save?"); short enough that a download waiting behind stalled readers starts within seconds.
     */
    static final Duration GRACE = Duration.ofSeconds(5);
    /** Several watchdog ticks, so that one slow second (a reader's pause, a busy disk) is not a verdict. */
    static final Duration WINDOW = Duration.ofSeconds(5);
    /**
     * Under a slow mobile link (about 1 Mbit/s, 128 KiB/s) by a factor of 8, and far above what slow-read
     * attacks take (tens of bytes a second): only a client that has nearly stopped falls under it.
     */
    static final long MINIMUM_BYTES_PER_SECOND = 16 * 1024;

    static final SendRateFloor DEFAULT = new SendRateFloor(GRACE, WINDOW, MINIMUM_BYTES_PER_SECOND);

    SendRateFloor {
        if (grace.isNegative() || window.isNegative() || window.isZero() || minimumBytesPerSecond < 0) {
            throw new IllegalArgumentException("grace and window must be positive, the rate not negative");
        }
    }

    /**
     * @param transfersWaiting  whether transfers are queued for a thread, every one being busy
     * @param sendingNanos      how long this transfer has been sending
     * @param spanNanos         the span its bytes were counted over: the last window, or since it started
     * @param bytesInSpan       the bytes it sent in that span
     * @return whether it is cut, so that its thread goes to a waiting transfer
     */
    boolean givesWay(boolean transfersWaiting, long sendingNanos, long spanNanos, long bytesInSpan) {
        if (!transfersWaiting || sendingNanos < grace.toNanos() || spanNanos <= 0) {
            return false;
        }
        // bytes / span < minimum, without dividing: both sides stay far from overflow for any real transfer
        return bytesInSpan * 1_000_000_000.0 < (double) minimumBytesPerSecond * spanNanos;
    }
}
