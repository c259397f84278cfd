package httpd.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The bytes a client sends, buffered. A whole request head is gathered here before anything parses it, which is
 * what lets a connection give its thread back while the head is still arriving ({@link Connection}): a client
 * that sends nothing, or trickles a byte every few seconds, then costs at most a buffer, never a thread. To the
 * parser it is the stream of one head, which ends where the head ends: parsing never waits for the network.
 */
final class ConnectionInput extends InputStream {
    private final Transport transport;
    private final int maxHeadBytes;
    private final InputBuffers buffers;
    /** Null while the connection holds no bytes. */
    private byte[] buffer;
    private int position;
    private int limit;
    /** Where the search for the end of the head goes on, so each byte is looked at once. */
    private int scanned;
    /** While a head is parsed, reads stop here: parsing never waits for the network. */
    private int readLimit = -1;
    /** Where the head being parsed starts in the buffer, for the wire trace. */
    private int headStart;

    /** @param maxHeadBytes more than this is more than any head the parser takes: it will say which limit */
    ConnectionInput(Transport transport, int maxHeadBytes, InputBuffers buffers) {
        this.transport = transport;
        this.maxHeadBytes = maxHeadBytes;
        this.buffers = buffers;
    }

    /**
     * Whether a whole request head is buffered, or more bytes than any valid head holds (the parser will say
     * which limit); if so, {@link #read} now reads that head. Empty lines before it are dropped (RFC 9112 §2.2).
     */
    boolean holdsWholeHead() {
        skipEmptyLines();
        if (findEndOfHead()) {
            headStart = position;
            readLimit = scanned;
            return true;
        }
        if (limit - position >= maxHeadBytes) {
            headStart = position;
            readLimit = limit;
            return true;
        }
        return false;
    }

    /** Whether bytes are buffered: part of a head still arriving, or a further (pipelined) request. */
    boolean holdsBytes() {
        return position < limit;
    }

    /** Reads bytes that have already arrived, without waiting; 0 when none have. */
    int readArrived() throws IOException {
        return transport.available() > 0 ? readMore(0) : 0;
    }

    /** Reads bytes, waiting at most {@code timeoutMillis} for them: 0 when none came, -1 at the end of the stream. */
    int readWithin(int timeoutMillis) throws IOException {
        return readMore(timeoutMillis);
    }

    /** The head found by {@link #holdsWholeHead}, byte for byte as received (for the wire trace). */
    byte[] rawHead() {
        return Arrays.copyOfRange(buffer, headStart, Math.max(headStart, readLimit));
    }

    /** The head has been parsed: what follows it (a body, the next request) stays in the buffer. */
    void headParsed() {
        readLimit = -1;
        if (position == limit && buffer.length > InputBuffers.SIZE) {
            buffer = null; // a large head's buffer is not kept for the next request
            position = 0;
            limit = 0;
        }
        scanned = position;
    }

    /**
     * The connection leaves this thread: an empty buffer goes back to the thread, so idle connections hold none.
     * A buffer with bytes of a head still arriving, or of a pipelined request, stays with the connection.
     */
    void releaseBuffer() {
        if (buffer == null || position < limit) {
            return;
        }
        if (buffer.length == InputBuffers.SIZE) {
            buffers.giveBack(buffer);
        }
        buffer = null;
        position = 0;
        limit = 0;
        scanned = 0;
    }

    /** Reads the buffered head; its end is the end of the stream, so parsing never waits for the network. */
    @Override
    public int read() {
        if (position >= readLimit) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) {
        if (position >= readLimit) {
            return -1;
        }
        int count = Math.min(length, readLimit - position);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        return count;
    }

    /**
     * Discards up to {@code count} bytes of a request body, but only bytes already received: nothing here
     * waits for the network, so a client that declares a body and never sends it holds no thread.
     *
     * @return whether the whole body had arrived and is gone
     */
    boolean discardReceived(long count) throws IOException {
        long remaining = count;
        while (true) {
            int skipped = (int) Math.min(remaining, limit - position);
            position += skipped;
            remaining -= skipped;
            if (remaining == 0 || readArrived() <= 0) {
                break;
            }
        }
        scanned = position;
        return remaining == 0;
    }

    /**
     * Reads bytes of a request body: those already buffered after the head first, then straight from the
     * transport into the caller's array (a large upload is not copied through the buffer).
     *
     * @return the number of bytes read, 0 when none came within the time, -1 at the end of the stream
     */
    int readBody(byte[] target, int offset, int length, int timeoutMillis) throws IOException {
        if (position == limit && length < InputBuffers.SIZE / 4) {
            // a small read, such as a chunk's size line byte by byte: fill the buffer, not one call per byte
            int count = readMore(timeoutMillis);
            if (count <= 0) {
                return count;
            }
        }
        if (position < limit) {
            int count = Math.min(length, limit - position);
            System.arraycopy(buffer, position, target, offset, count);
            position += count;
            scanned = Math.max(scanned, position);
            return count;
        }
        return transport.read(target, offset, length, timeoutMillis);
    }

    /** RFC 9112 §2.2: empty lines before a request-line are ignored. */
    private void skipEmptyLines() {
        while (position < limit && (buffer[position] == '\n'
                || buffer[position] == '\r' && position + 1 < limit && buffer[position + 1] == '\n')) {
            position += buffer[position] == '\n' ? 1 : 2;
        }
        scanned = Math.max(scanned, position);
    }

    /** Looks for the empty line that ends a head: LF LF or LF CR LF. Leaves {@link #scanned} past it if found. */
    private boolean findEndOfHead() {
        for (int i = Math.max(scanned, position); i < limit; i++) {
            if (buffer[i] != '\n') {
                continue;
            }
            if (i + 1 < limit && buffer[i + 1] == '\n') {
                scanned = i + 2;
                return true;
            }
            if (i + 2 < limit && buffer[i + 1] == '\r' && buffer[i + 2] == '\n') {
                scanned = i + 3;
                return true;
            }
            if (i + 2 >= limit) {
                scanned = i;
                return false;
            }
        }
        scanned = limit;
        return false;
    }

    /** Reads what the transport has into free space at the end of the buffer, making room first. */
    private int readMore(int timeoutMillis) throws IOException {
        if (buffer == null) {
            buffer = buffers.borrow();
        }
        if (limit == buffer.length) {
            makeRoom();
        }
        int count = transport.read(buffer, limit, buffer.length - limit, timeoutMillis);
        if (count > 0) {
            limit += count;
        }
        return count;
    }

    private void makeRoom() {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            scanned -= position;
            position = 0;
        }
        if (limit == buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxHeadBytes + InputBuffers.SIZE));
        }
    }
}
