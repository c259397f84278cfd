package httpd.inspect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One inspector tab's Server-Sent Events: a {@code hello}, then each event from the ring as it comes, with its
 * number as the event id. A tab that reads slowly blocks only its own stream (and the send-timeout watchdog
 * ends it if it stops reading); the ring moves on meanwhile, and the tab is told how many events it missed.
 */
final class InspectorStream {
    private final EventRing ring;
    private final boolean masked;
    private final Duration heartbeat;

    InspectorStream(EventRing ring, boolean masked, Duration heartbeat) {
        this.ring = ring;
        this.masked = masked;
        this.heartbeat = heartbeat;
    }

    long writeTo(WritableByteChannel out) throws IOException {
        long next = ring.next(); // before the hello: whatever happens once a tab has it, the tab sees
        long written = write(out, "retry: 1000\nevent: hello\ndata: {\"masked\":" + masked + ",\"capacity\":"
                + ring.capacity() + "}\n\n");
        try {
            while (!ring.isClosed()) {
                EventRing.Batch batch = ring.read(next, heartbeat.toMillis());
                StringBuilder text = new StringBuilder();
                if (batch.dropped() > 0) {
                    text.append("event: dropped\ndata: {\"count\":").append(batch.dropped()).append("}\n\n");
                }
                long number = batch.firstNumber();
                for (EventRing.Event event : batch.events()) {
                    String json = event.json();
                    text.append("id: ").append(number).append("\nevent: ").append(event.kind())
                            .append("\ndata: {\"seq\":").append(number).append(',').append(json, 1, json.length())
                            .append("\n\n");
                    number++;
                }
                next = number;
                written += write(out, text.length() == 0 ? ": keep-alive\n\n" : text.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return written;
    }

    private static long write(WritableByteChannel out, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long count = bytes.remaining();
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
        return count;
    }
}
