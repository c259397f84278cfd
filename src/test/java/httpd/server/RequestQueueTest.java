package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order in which queued connections get a request thread. */
class RequestQueueTest {
    private final WorkerPools pools = new WorkerPools(1, 1);
    private final List<String> served = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        pools.shutdownNow();
    }

    private Runnable named(String name, CountDownLatch done) {
        return () -> {
            served.add(name);
            done.countDown();
        };
    }

    @Test
    void servesNewConnectionsBeforeThoseThatGaveTheirThreadBackEachInArrivalOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(5);
        pools.serveNew(() -> { // holds the only request thread while the others queue
            busy.countDown();
            awaitQuietly(release);
        });
        assertThat(busy.await(20, TimeUnit.SECONDS)).isTrue();

        pools.serveAgain(named("idle 1", done));
        pools.serveAgain(named("idle 2", done));
        pools.serveNew(named("new 1", done));
        pools.serveAgain(named("idle 3", done));
        pools.serveNew(named("new 2", done));
        release.countDown();

        assertThat(done.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(served).containsExactly("new 1", "new 2", "idle 1", "idle 2", "idle 3");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
