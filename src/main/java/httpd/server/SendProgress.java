package httpd.server;

/**
 * How far the response a connection is sending has got, for the watchdog: the writer reports each step, and
 * the watchdog reads them from its own thread. A write blocked on a client that stopped reading reports
 * nothing, which is how the watchdog tells it ({@link #isStalled}); a transfer whose client reads too slowly
 * while others wait for its thread is told by its rate ({@link #givesWay}).
 */
final class SendProgress {
    /** Whether a write may be blocked right now (an event stream waiting for its next event is not). */
    private volatile boolean writing;
    /** Whether the response is sent on a transfer thread: only such a send gives way to waiting transfers. */
    private volatile boolean onTransferThread;
    private volatile long startNanos;
    private volatile long lastProgressNanos;
    /** Written only by the thread sending the response; read by the watchdog and for the access log. */
    private volatile long bodyBytesSent;
    /** The watchdog's record of what the transfers sent; only the watchdog's thread touches it. */
    private SendMeter meter;

    /** A response starts going out, on a transfer thread or not. */
    void started(long now, boolean transfer) {
        bodyBytesSent = 0;
        startNanos = now;
        lastProgressNanos = now;
        onTransferThread = transfer;
        writing = true;
    }

    /** Some bytes went out: {@code bodyBytes} of the body (0 for bytes of the head). */
    void progressed(long bodyBytes) {
        bodyBytesSent += bodyBytes; // only the sending thread writes it
        lastProgressNanos = System.nanoTime();
    }

    /** A stream waits for events between its writes: that is not a stall. */
    void waitsForEvents() {
        writing = false;
    }

    /** The stream's bytes, counted by the stream itself, once it ended. */
    void streamEnded(long bodyBytes) {
        bodyBytesSent = bodyBytes;
    }

    /** The response is out, or the send failed. */
    void finished() {
        writing = false;
        onTransferThread = false;
    }

    /** The body bytes of the response being sent, or of the last one, that went out so far. */
    long bodyBytesSent() {
        return bodyBytesSent;
    }

    /** Whether a write has been blocked for longer than {@code nanos}: the client stopped reading. */
    boolean isStalled(long now, long nanos) {
        return writing && now - lastProgressNanos > nanos;
    }

    /**
     * On the watchdog's thread, once a tick: counts what the transfer being sent has sent, and says whether it
     * is to be cut so that its thread goes to a waiting transfer.
     */
    boolean givesWay(SendRateFloor floor, boolean transfersWaiting, long now) {
        if (!onTransferThread || !writing) {
            return false;
        }
        if (meter == null) {
            meter = new SendMeter(floor.window());
        }
        long started = startNanos;
        meter.sample(started, now, bodyBytesSent);
        return floor.givesWay(transfersWaiting, now - started, meter.spanNanos(), meter.bytesInSpan());
    }
}
