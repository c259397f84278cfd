package httpd.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * A scheduler without threads: what a connection hands on (a turn, a transfer, a task for later) waits in one
 * queue until the test runs it on its own thread. No other connection ever waits, so none yields.
 */
final class QueuedScheduler implements Scheduler {
    private final Queue<Runnable> queue = new ArrayDeque<>();
    private int transfers;

    /** Runs what was handed on, and what that hands on, until nothing is left; a bound guards against a loop. */
    void runAll() {
        for (int i = 0; !queue.isEmpty(); i++) {
            if (i == 1000) {
                throw new AssertionError("a connection kept handing itself on");
            }
            queue.remove().run();
        }
    }

    /** How many answers were handed to a transfer thread. */
    int transfers() {
        return transfers;
    }

    @Override
    public boolean othersWaiting() {
        return false;
    }

    @Override
    public boolean patient() {
        return false;
    }

    @Override
    public void foundRequest() {
    }

    @Override
    public void yieldedWithoutRequest() {
    }

    @Override
    public boolean serveAgain(Runnable connection) {
        return queue.add(connection);
    }

    @Override
    public boolean transfer(Runnable sending) {
        transfers++;
        return queue.add(sending);
    }

    @Override
    public boolean later(Runnable task, Duration delay) {
        return queue.add(task);
    }
}
