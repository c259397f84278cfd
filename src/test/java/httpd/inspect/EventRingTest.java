package httpd.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventRingTest {
    private static EventRing.Event event(int n) {
        return new EventRing.Event("exchange", "{\"n\":" + n + "}");
    }

    @Test
    void keepsTheNewestAndTellsAReaderWhatItMissed() throws Exception {
        EventRing ring = new EventRing(3);
        for (int n = 1; n <= 5; n++) {
            ring.add(event(n));
        }

        EventRing.Batch batch = ring.read(1, 0);

        assertThat(batch.events()).containsExactly(event(3), event(4), event(5));
        assertThat(batch.firstNumber()).isEqualTo(3);
        assertThat(batch.dropped()).isEqualTo(2);
        assertThat(ring.read(6, 0).events()).isEmpty();
    }

    /** A tab that stops reading: its stream blocks, events go on, and it is told how many it lost. */
    @Test
    void aStalledStreamLosesTheOldestEventsAndSaysHowMany() throws Exception {
        EventRing ring = new EventRing(10);
        CountDownLatch hello = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch last = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        WritableByteChannel slowTab = new WritableByteChannel() {
            @Override
            public int write(ByteBuffer bytes) {
                String text = StandardCharsets.UTF_8.decode(bytes.duplicate()).toString();
                hello.countDown();
                if (text.contains("\"n\":1}")) {
                    blocked.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                int n = bytes.remaining();
                byte[] copy = new byte[n];
                bytes.get(copy);
                written.writeBytes(copy);
                if (text.contains("\"n\":50}")) {
                    last.countDown();
                }
                return n;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };
        Thread tab = new Thread(() -> {
            try {
                new InspectorStream(ring, true, Duration.ofMillis(50)).writeTo(slowTab);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        tab.start();
        assertThat(hello.await(60, TimeUnit.SECONDS)).isTrue();
        ring.add(event(1));
        assertThat(blocked.await(60, TimeUnit.SECONDS)).isTrue();
        for (int n = 2; n <= 50; n++) {
            ring.add(event(n)); // never waits for the stalled tab
        }
        release.countDown();
        assertThat(last.await(60, TimeUnit.SECONDS)).isTrue();
        ring.close();
        tab.join(60_000);

        String text = written.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("event: dropped\ndata: {\"count\":39}\n\n")
                .contains("id: 41\nevent: exchange\ndata: {\"seq\":41,\"n\":41}\n\n")
                .doesNotContain("\"n\":40}");
    }
}
