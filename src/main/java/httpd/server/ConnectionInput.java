package httpd.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The bytes a client sends, buffered, with a deadline that the socket's read timeout enforces. A deadline
 * for the whole request head (not a per-read timeout) is what stops a client that trickles one byte every
 * few seconds from holding a thread forever.
 */
final class ConnectionInput extends InputStream {
    private static final int BUFFER_SIZE = 16 * 1024;

    private final Socket socket;
    private final InputStream in;
    private final byte[] buffer = new byte[BUFFER_SIZE];
    private int position;
    private int limit;
    private long deadlineNanos;
    private boolean hasDeadline;

    ConnectionInput(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /**
     * Waits for the first byte of the next request.
     *
     * @return false when the client closed the connection or sent nothing for {@code timeoutMillis}
     */
    boolean awaitData(int timeoutMillis) throws IOException {
        if (position < limit) {
            return true;
        }
        clearDeadline();
        socket.setSoTimeout(timeoutMillis);
        try {
            return fill() > 0;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** Every read from now on must complete before {@code nanos} from now. */
    void startDeadline(long nanos) {
        deadlineNanos = System.nanoTime() + nanos;
        hasDeadline = true;
    }

    void clearDeadline() {
        hasDeadline = false;
    }

    /** Whether bytes of a further (pipelined) request are already here. */
    boolean hasBufferedBytes() {
        return position < limit;
    }

    @Override
    public int read() throws IOException {
        if (position == limit && fill() <= 0) {
            return -1;
        }
        return buffer[position++] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == limit && fill() <= 0) {
            return -1;
        }
        int count = Math.min(length, limit - position);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        return count;
    }

    /** Reads and discards exactly {@code count} bytes, such as a request body httpd has no use for. */
    boolean discard(long count) throws IOException {
        long remaining = count;
        while (remaining > 0) {
            if (position == limit && fill() <= 0) {
                return false;
            }
            int skipped = (int) Math.min(remaining, limit - position);
            position += skipped;
            remaining -= skipped;
        }
        return true;
    }

    private int fill() throws IOException {
        if (hasDeadline) {
            long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                throw new SocketTimeoutException("request head deadline passed");
            }
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remainingMillis));
        }
        position = 0;
        limit = 0;
        int count = in.read(buffer, 0, buffer.length);
        if (count > 0) {
            limit = count;
        }
        return count;
    }
}
