package httpd.server;

import java.io.IOException;

/**
 * A connection's wait for its next request head, in turns with the other connections and within two
 * deadlines. While others are queued for a thread, bytes that are not here yet are not waited for: the thread
 * goes to them ({@link Outcome#YIELD}), so idle and trickling clients cost at most a buffer, never a thread.
 * The next request must begin by the idle deadline (keep-alive timeout; for a new connection, the header
 * timeout), and a head once begun must be whole within the header timeout, else 408.
 */
final class HeadWait {
    /** How long to wait for bytes while other connections are queued for a thread: a look, not a wait. */
    private static final int SLICE_WHEN_OTHERS_WAIT_MILLIS = 1;
    /** How long one wait lasts when no other connection waits, so that a change in demand is seen soon. */
    private static final int SLICE_WHEN_ALONE_MILLIS = 100;

    /** What waiting for a request head came to. */
    enum Outcome {
        /** A whole head is buffered (or more bytes than any head holds: the parser will say which limit). */
        COMPLETE,
        /** No whole head yet, and other connections are waiting for a thread: this one gives its thread back. */
        YIELD,
        /** The client closed the connection. */
        CLOSED,
        /** The client sent nothing before the idle deadline: the server closes the connection quietly. */
        IDLE,
        /** The client began a head but did not finish it before the head deadline: 408. */
        TIMED_OUT
    }

    private final ConnectionInput input;
    private final Scheduler scheduler;
    private final long headerTimeoutNanos;
    /** The next request must begin by then ({@link System#nanoTime()}), or the connection closes quietly. */
    private long idleDeadline;
    /** The head begun must be whole by then; 0 while no head has begun. */
    private long headDeadline;

    HeadWait(ConnectionInput input, Scheduler scheduler, long headerTimeoutNanos) {
        this.input = input;
        this.scheduler = scheduler;
        this.headerTimeoutNanos = headerTimeoutNanos;
    }

    /** The next request must begin by this {@link System#nanoTime()}, or the connection closes quietly. */
    void expectRequestBy(long deadlineNanos) {
        idleDeadline = deadlineNanos;
        headDeadline = 0;
    }

    /**
     * Reads until a whole head is buffered, in slices of the transport's read timeout: while others wait a
     * slice is a look of 1 ms (or none at all for a thread that is not {@link Scheduler#patient}); alone, a
     * wait of 100 ms, so that others arriving are noticed soon. The deadlines are checked between slices.
     */
    Outcome await(boolean patient) throws IOException {
        while (!input.holdsWholeHead()) {
            if (headDeadline == 0 && input.holdsBytes()) {
                headDeadline = System.nanoTime() + headerTimeoutNanos;
            }
            long remainingMillis = ((headDeadline != 0 ? headDeadline : idleDeadline) - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return input.holdsBytes() ? Outcome.TIMED_OUT : Outcome.IDLE;
            }
            if (input.readArrived() > 0) {
                continue;
            }
            boolean othersWaiting = scheduler.othersWaiting();
            if (othersWaiting && !patient) {
                return Outcome.YIELD;
            }
            int slice = othersWaiting ? SLICE_WHEN_OTHERS_WAIT_MILLIS : SLICE_WHEN_ALONE_MILLIS;
            int read = input.readWithin((int) Math.min(remainingMillis, slice));
            if (read < 0) {
                return Outcome.CLOSED;
            }
            if (read == 0 && othersWaiting) {
                return Outcome.YIELD;
            }
        }
        return Outcome.COMPLETE;
    }
}
