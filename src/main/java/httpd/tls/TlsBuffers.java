package httpd.tls;

import java.nio.ByteBuffer;

/**
 * The buffers of one TLS connection: records received, plaintext decrypted and not yet read, records to send,
 * and a chunk of a file on its way. Each is made when first needed and dropped when empty, so an idle connection
 * holds none (an engine needs about 16 KiB for each of the first three). All stay in "being filled" mode:
 * position is the end of what they hold.
 */
final class TlsBuffers {
    /** The largest TLS record with its header and expansion (RFC 8446 §5.2: 2^14 + 256 + 5). */
    static final int MIN_PACKET = 16384 + 256 + 5;
    /** How many records the outgoing buffer holds: a head and a small body leave in one write. */
    private static final int RECORDS_PER_WRITE = 4;
    static final ByteBuffer[] EMPTY = {ByteBuffer.allocate(0)};

    private final TlsBufferPool pool;
    private ByteBuffer network;
    private ByteBuffer plaintext;
    private ByteBuffer outgoing;
    private ByteBuffer fileChunk;

    TlsBuffers(TlsBufferPool pool) {
        this.pool = pool;
    }

    /** Where received bytes go: room for at least one more byte. */
    ByteBuffer network(int packetSize) {
        if (network == null) {
            network = pool.take(packetSize);
        } else if (!network.hasRemaining()) {
            growNetwork(packetSize);
        }
        return network;
    }

    ByteBuffer networkOrNull() {
        return network;
    }

    /** A record longer than what the buffer can hold is on its way: make room for a whole one. */
    void growNetwork(int packetSize) {
        if (network != null && network.hasRemaining() && network.capacity() >= packetSize) {
            return;
        }
        network = grown(network, Math.max(packetSize, network == null ? 0 : network.capacity() * 2));
    }

    ByteBuffer plaintext(int applicationSize) {
        if (plaintext == null) {
            plaintext = pool.take(applicationSize);
        }
        return plaintext;
    }

    void growPlaintext(int applicationSize) {
        plaintext = grown(plaintext, Math.max(applicationSize, plaintext == null ? 0 : plaintext.capacity() * 2));
    }

    int plaintextBytes() {
        return plaintext == null ? 0 : plaintext.position();
    }

    /** Moves up to {@code length} decrypted bytes to the reader. */
    int takePlaintext(byte[] into, int offset, int length) {
        plaintext.flip();
        int count = Math.min(length, plaintext.remaining());
        plaintext.get(into, offset, count);
        plaintext.compact();
        return count;
    }

    /** The bytes received are a plain request, not TLS: they become readable as they are. */
    int plainFromNetwork(byte[] into, int offset, int length) {
        network.flip();
        plaintext = grown(plaintext, Math.max(network.remaining(), plaintextBytes() + network.remaining()));
        plaintext.put(network);
        network = null;
        return takePlaintext(into, offset, length);
    }

    ByteBuffer outgoing(int packetSize) {
        if (outgoing == null) {
            outgoing = pool.take(packetSize * RECORDS_PER_WRITE);
        }
        return outgoing;
    }

    ByteBuffer outgoingOrNull() {
        return outgoing;
    }

    void growOutgoing(int packetSize) {
        outgoing = grown(outgoing, Math.max(packetSize * RECORDS_PER_WRITE, outgoing == null ? 0 : outgoing.capacity() * 2));
    }

    /** Whether one more whole record fits before the buffer must be written. */
    boolean outgoingRoomForRecord(int packetSize) {
        return outgoing != null && outgoing.remaining() >= packetSize;
    }

    ByteBuffer fileChunk(int size) {
        if (fileChunk == null) {
            fileChunk = pool.take(size);
        }
        return fileChunk;
    }

    /** The empty buffers go back to the pool; those holding bytes stay. */
    void releaseEmpty() {
        if (network != null && network.position() == 0) {
            pool.give(network);
            network = null;
        }
        if (plaintext != null && plaintext.position() == 0) {
            pool.give(plaintext);
            plaintext = null;
        }
        if (outgoing != null && outgoing.position() == 0) {
            pool.give(outgoing);
            outgoing = null;
        }
        pool.give(fileChunk);
        fileChunk = null;
    }

    /** The connection is closed: nothing it held is needed, and nothing it held is handed on. */
    void releaseAll() {
        network = null;
        plaintext = null;
        outgoing = null;
        fileChunk = null;
    }

    /** A buffer of at least {@code capacity} holding what {@code old} held. */
    private static ByteBuffer grown(ByteBuffer old, int capacity) {
        if (old != null && old.capacity() >= capacity) {
            return old;
        }
        ByteBuffer bigger = ByteBuffer.allocate(capacity);
        if (old != null) {
            old.flip();
            bigger.put(old);
        }
        return bigger;
    }
}
