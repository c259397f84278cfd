package httpd.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.function.BooleanSupplier;

/**
 * The bytes a client sends, buffered. It reads a whole request head into the buffer before anything parses
 * it, which is what lets a connection give its thread back while the head is still arriving: a client that
 * sends nothing, or trickles one byte every few seconds, then costs a buffer, not a thread. Deadlines for
 * the idle wait and for the whole head are enforced here, with the socket's read timeout.
 */
final class ConnectionInput extends InputStream {
    /** Most heads fit; the buffer grows for larger ones up to the parser's limits, then shrinks back. */
    static final int INITIAL_BUFFER = 4 * 1024;

    /**
     * Where buffers come from: a connection holds one only while it holds bytes; an empty one goes back to
     * the thread that served it, for the next connection it serves.
     */
    interface Buffers {
        /** A buffer of {@link #INITIAL_BUFFER} bytes for the calling thread to read into. */
        byte[] borrow();

        /** An empty buffer the calling thread may lend again. */
        void giveBack(byte[] buffer);
    }

    /** How long to wait for bytes while other connections are queued for a thread: a look, not a wait. */
    private static final int SLICE_WHEN_OTHERS_WAIT_MILLIS = 1;
    /** How long one blocking read lasts when nobody waits, so that a change in demand is seen soon. */
    private static final int SLICE_WHEN_ALONE_MILLIS = 100;

    /** What {@link #readHead} found. */
    enum HeadResult {
        /** A whole head is buffered (or more bytes than any valid head holds: the parser will say which limit). */
        COMPLETE,
        /** No whole head yet, and other connections are waiting for a thread: give this one back. */
        YIELD,
        /** The client closed the connection, or sent nothing before the idle deadline. */
        CLOSED,
        /** The client started a head but did not finish it before the head deadline: 408. */
        TIMED_OUT
    }

    private final Socket socket;
    private final InputStream in;
    private final int maxHeadBytes;
    private final long headerTimeoutNanos;
    private final Buffers buffers;
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
    private long idleDeadline;
    private long headDeadline;

    ConnectionInput(Socket socket, int maxHeadBytes, long headerTimeoutNanos, Buffers buffers) throws IOException {
        this.buffers = buffers;
        this.socket = socket;
        this.in = socket.getInputStream();
        this.maxHeadBytes = maxHeadBytes;
        this.headerTimeoutNanos = headerTimeoutNanos;
    }

    /** The next request must start by this {@link System#nanoTime()}, or the connection closes quietly. */
    void expectRequestBy(long deadlineNanos) {
        idleDeadline = deadlineNanos;
        headDeadline = 0;
    }

    /**
     * Reads until a whole request head is in the buffer.
     *
     * @param othersWaiting whether connections are queued for a thread; then a head that is not here yet
     *                      is not waited for
     * @param patient       when others wait: look for bytes for a millisecond before yielding (true), or
     *                      yield at once (false)
     */
    HeadResult readHead(BooleanSupplier othersWaiting, boolean patient) throws IOException {
        while (true) {
            skipEmptyLines();
            if (position < limit && headDeadline == 0) {
                headDeadline = System.nanoTime() + headerTimeoutNanos;
            }
            if (findEndOfHead()) {
                headStart = position;
                readLimit = scanned;
                return HeadResult.COMPLETE;
            }
            if (limit - position >= maxHeadBytes) {
                headStart = position;
                readLimit = limit;
                return HeadResult.COMPLETE;
            }
            long deadline = headDeadline != 0 ? headDeadline : idleDeadline;
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                return position < limit ? HeadResult.TIMED_OUT : HeadResult.CLOSED;
            }
            if (in.available() > 0) {
                // bytes are here already: a plain read returns at once, without a timed wait's extra calls
                if (readMore(0) < 0) {
                    return HeadResult.CLOSED;
                }
                continue;
            }
            boolean hurry = othersWaiting.getAsBoolean();
            if (hurry && !patient) {
                return HeadResult.YIELD;
            }
            int slice = hurry ? SLICE_WHEN_OTHERS_WAIT_MILLIS : SLICE_WHEN_ALONE_MILLIS;
            try {
                if (readMore((int) Math.min(remainingMillis, slice)) < 0) {
                    return HeadResult.CLOSED;
                }
            } catch (SocketTimeoutException e) {
                if (hurry) {
                    return HeadResult.YIELD;
                }
            }
        }
    }

    /** The head found by {@link #readHead}, byte for byte as received (for the wire trace). */
    byte[] rawHead() {
        return Arrays.copyOfRange(buffer, headStart, Math.max(headStart, readLimit));
    }

    /** The head has been parsed: what follows it (a body, the next request) stays in the buffer. */
    void headParsed() {
        readLimit = -1;
        if (position == limit && buffer.length > INITIAL_BUFFER) {
            buffer = null; // a large head's buffer is not kept for the next request
            position = 0;
            limit = 0;
        }
        scanned = position;
    }

    /**
     * The connection leaves this thread: an empty buffer goes back to the thread, so idle connections hold
     * none (a thousand idle keep-alive clients cost no buffers, and no garbage per new connection). A buffer
     * with bytes of a head still arriving, or of a pipelined request, stays with the connection.
     */
    void releaseBuffer() {
        if (buffer == null || position < limit) {
            return;
        }
        if (buffer.length == INITIAL_BUFFER) {
            buffers.giveBack(buffer);
        }
        buffer = null;
        position = 0;
        limit = 0;
        scanned = 0;
    }

    /** Whether bytes of a further (pipelined) request are already here. */
    boolean hasBufferedBytes() {
        return position < limit;
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
            // available() bytes are already here: the read returns at once
            if (remaining == 0 || in.available() <= 0 || readMore(0) < 0) {
                break;
            }
        }
        scanned = position;
        return remaining == 0;
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

    /** Reads what the socket has into free space at the end of the buffer, making room first. */
    private int readMore(int timeoutMillis) throws IOException {
        if (buffer == null) {
            buffer = buffers.borrow();
        }
        if (limit == buffer.length) {
            makeRoom();
        }
        socket.setSoTimeout(timeoutMillis);
        int count = in.read(buffer, limit, buffer.length - limit);
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
            buffer = Arrays.copyOf(buffer, Math.min(buffer.length * 2, maxHeadBytes + INITIAL_BUFFER));
        }
    }
}
