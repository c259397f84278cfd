package httpd.server;

import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The threads that run connections: a fixed pool for requests, a pool of at most N threads for transfers, and
 * one timer thread for the watchdog and for connections that close later.
 *
 * <p>Requests are served on a small pool, about two threads per core. Its threads never wait long: a connection
 * without a request gives its thread back when others are queued ({@link Connection}), so a few threads take
 * turns over many connections, and a request that is already waiting is served without a thread being woken
 * for it. Few threads switch between each other rarely, which is what makes the small pool fast (figures in
 * bench/README.md).
 *
 * <p>Bodies that can take long to send (large files, live-reload event streams) leave on a larger transfer
 * pool instead: a slow or stalled client then holds a thread that costs memory, never one that requests need.
 * That pool starts a thread for each transfer while it has fewer than its maximum, so a transfer normally has
 * a thread of its own at once; only beyond the maximum do transfers queue, and then the watchdog cuts those
 * whose clients read too slowly ({@link SendRateFloor}), so the queue moves.
 */
final class WorkerPools implements Scheduler {
    /**
     * How many connections in a row a request thread took from the queue and gave back without a request. A
     * thread finding requests yields idle connections at once; one that keeps finding none waits a
     * millisecond for bytes first, so a queue of idle connections is not spun through at full speed.
     */
    private static final int PATIENCE_AFTER_EMPTY_YIELDS = 8;

    private final ThreadPoolExecutor requests;
    private final ThreadPoolExecutor transfers;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(namedThreads("httpd-watchdog-"));
    private final AtomicLong tickets = new AtomicLong();
    /** Each request thread's count of connections given back in a row without a request (see {@link #patient}). */
    private final ThreadLocal<int[]> emptyYields = ThreadLocal.withInitial(() -> new int[1]);

    WorkerPools(int requestThreads, int transferThreads) {
        // Connections queue for a thread without bound here: their number is capped at accept instead.
        requests = new ThreadPoolExecutor(requestThreads, requestThreads, 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(64, Comparator.comparingLong(WorkerPools::placeInQueue)),
                namedThreads("httpd-worker-"));
        transfers = startingThreadsOnlyWhenNoneIsIdle(transferThreads, namedThreads("httpd-transfer-"));
    }

    /**
     * A pool of at most {@code threads} that starts a thread only when none is idle, and lets a thread idle for
     * a minute end. A plain fixed pool starts a new thread for each task until it has them all, and keeps them:
     * one download after another would leave the pool at its maximum, each thread with its touched stack.
     */
    static ThreadPoolExecutor startingThreadsOnlyWhenNoneIsIdle(int threads, ThreadFactory factory) {
        HandOffQueue queue = new HandOffQueue();
        return new ThreadPoolExecutor(0, threads, 60, TimeUnit.SECONDS, queue, factory, (task, pool) -> {
            if (pool.isShutdown()) {
                throw new RejectedExecutionException("shut down");
            }
            queue.enqueue(task); // every thread is busy and there may be no more: wait for one
        });
    }

    /**
     * Offers a task only to a thread already waiting for one. When none is, the offer fails, which makes the
     * pool start a thread, or, with all of them started, queue the task through the rejection handler.
     */
    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }

    /**
     * A connection's turn in the queue for a request thread. New connections go ahead of those that gave their
     * thread back, first come first served within each lane: a new client has usually sent its request already,
     * a connection that yielded usually has not. In a single queue a new client would wait for a look at every
     * idle connection before it, up to a millisecond each.
     */
    private record Turn(Runnable connection, long place) implements Runnable {
        @Override
        public void run() {
            connection.run();
        }
    }

    private static final long LANE_OF_RETURNING = 1L << 62;

    private static long placeInQueue(Runnable task) {
        return task instanceof Turn turn ? turn.place() : 0;
    }

    /** Queues a connection new from accept for a request thread, ahead of those that gave their thread back. */
    boolean serveNew(Runnable connection) {
        return submit(requests, new Turn(connection, tickets.incrementAndGet()));
    }

    @Override
    public boolean serveAgain(Runnable connection) {
        return submit(requests, new Turn(connection, LANE_OF_RETURNING + tickets.incrementAndGet()));
    }

    @Override
    public boolean transfer(Runnable sending) {
        return submit(transfers, sending);
    }

    @Override
    public boolean later(Runnable task, Duration delay) {
        try {
            timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Runs {@code task} on the timer thread every {@code tick}, from one tick on. */
    void every(Duration tick, Runnable task) {
        timer.scheduleWithFixedDelay(task, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static boolean submit(ThreadPoolExecutor pool, Runnable task) {
        try {
            pool.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Whether transfers are queued for a thread, all of them being busy. Each belongs to an open connection, so
     * {@code --max-connections} bounds them.
     */
    boolean hasWaitingTransfers() {
        return !transfers.getQueue().isEmpty();
    }

    @Override
    public boolean othersWaiting() {
        return !requests.getQueue().isEmpty();
    }

    @Override
    public boolean patient() {
        return emptyYields.get()[0] >= PATIENCE_AFTER_EMPTY_YIELDS;
    }

    @Override
    public void yieldedWithoutRequest() {
        emptyYields.get()[0]++;
    }

    @Override
    public void foundRequest() {
        emptyYields.get()[0] = 0;
    }

    /** Takes no more work; what is running or queued goes on. */
    void shutdown() {
        requests.shutdown();
        transfers.shutdown();
    }

    /**
     * Waits for both pools to finish. Transfers are awaited last: a transfer that ends hands its connection
     * back to the request pool, which by then refuses it, so the connection closes.
     */
    boolean awaitTermination(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        return requests.awaitTermination(millis, TimeUnit.MILLISECONDS)
                && transfers.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    void shutdownNow() {
        requests.shutdownNow();
        transfers.shutdownNow();
    }

    /** Stops the timer: the watchdog ticks no more, and connections waiting to close later are left as they are. */
    void stopTimer() {
        timer.shutdownNow();
    }

    static ThreadFactory namedThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(false);
            return thread;
        };
    }
}
