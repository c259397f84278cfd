package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TransferPoolTest {
    private final ThreadPoolExecutor pool =
            WorkerPools.startingThreadsOnlyWhenNoneIsIdle(3, WorkerPools.namedThreads("test-transfer-"));

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Waits for a thread of the pool to wait for a task; a generous deadline turns a hang into a failure. */
    private void awaitIdleThread() {
        LinkedTransferQueue<Runnable> queue = (LinkedTransferQueue<Runnable>) pool.getQueue();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!queue.hasWaitingConsumer()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no thread of the pool came back to wait for a task within 10 s ("
                        + pool.getPoolSize() + " threads, " + pool.getActiveCount() + " busy)");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void reusesAnIdleThreadInsteadOfStartingAnother() throws Exception {
        for (int i = 0; i < 10; i++) {
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(done::countDown);
            assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
            awaitIdleThread();
        }

        assertThat(pool.getLargestPoolSize()).isEqualTo(1);
    }

    @Test
    void queuesTasksWhenAllItsThreadsAreBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(5);
        for (int i = 0; i < 5; i++) {
            pool.execute(() -> {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ran.countDown();
            });
        }

        assertThat(pool.getPoolSize()).isEqualTo(3);
        assertThat(pool.getQueue()).hasSize(2);
        release.countDown();
        assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.getLargestPoolSize()).isEqualTo(3);
    }

    @Test
    void refusesTasksOnceShutDown() {
        pool.shutdown();

        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class);
    }
}
