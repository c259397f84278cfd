package httpd.server;

import java.time.Duration;

/**
 * What a {@link Connection} asks of the threads it runs on: whether others wait for one, a turn in the queue
 * again, a transfer thread for a long body, and a task for later. {@link WorkerPools} is the server's.
 */
interface Scheduler {
    /** Whether connections are queued for a request thread: one without a request then gives its thread back. */
    boolean othersWaiting();

    /**
     * Whether the calling request thread, when others wait, looks for a request's bytes for a moment before
     * giving the connection back (true), or gives it back at once (false). A thread that keeps taking idle
     * connections from the queue turns patient, so that a queue of idle ones is not spun through at full speed.
     */
    boolean patient();

    /** The calling request thread found a request on the connection it serves: it hurries again. */
    void foundRequest();

    /** The calling request thread gives a connection back without having found a request on it. */
    void yieldedWithoutRequest();

    /** Queues a connection that gave its thread back (or finished a transfer) behind all others. */
    boolean serveAgain(Runnable connection);

    /** Queues the sending of a long body on a transfer thread. */
    boolean transfer(Runnable sending);

    /** Runs a short task after {@code delay}; false once the server is stopping. */
    boolean later(Runnable task, Duration delay);
}
