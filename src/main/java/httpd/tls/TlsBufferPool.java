package httpd.tls;

import java.nio.ByteBuffer;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Empty TLS buffers kept for the next connection that needs one: a busy server hands its connections the same
 * few buffers instead of making (and zeroing) 16 KiB ones for each response, while an idle connection still holds
 * none. Bounded: beyond {@code capacity} spare buffers the rest go to the garbage collector.
 */
final class TlsBufferPool {
    /** Up to one TLS record and its overhead: what received records and their plaintext need. */
    private static final int SMALL = TlsBuffers.MIN_PACKET + 1024;

    private final ArrayBlockingQueue<ByteBuffer> small;
    private final ArrayBlockingQueue<ByteBuffer> large;

    TlsBufferPool(int capacity) {
        this.small = new ArrayBlockingQueue<>(capacity);
        this.large = new ArrayBlockingQueue<>(capacity / 2);
    }

    /** A buffer of at least {@code size} bytes, position 0; what a former owner left in it is never read. */
    ByteBuffer take(int size) {
        ByteBuffer buffer = (size <= SMALL ? small : large).poll();
        if (buffer == null || buffer.capacity() < size) {
            return ByteBuffer.allocate(size <= SMALL ? SMALL : size);
        }
        return buffer.clear();
    }

    /** Keeps an empty buffer for the next taker, if there is room. */
    void give(ByteBuffer buffer) {
        if (buffer != null) {
            (buffer.capacity() <= SMALL ? small : large).offer(buffer);
        }
    }
}
