package httpd.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Optional;

/**
 * The bytes of one connection, in and out. Everything above it (the connection's turn-taking, the exchange, the
 * parser, the handlers) sees only these calls, so it works the same over whatever carries the bytes:
 * {@link PlainTransport} is TCP as it is, and a transport that encrypts (TLS) keeps the same promises below.
 *
 * <p>One thread at a time reads and writes; {@link #cut} alone may come from another thread.
 */
public interface Transport {
    /**
     * Readies the connection, once, on the first request thread that serves it and before any other call but
     * {@link #peer} and {@link #cut}: work that should not slow down the thread that accepts connections.
     */
    void open() throws IOException;

    /** Who is at the other end. */
    InetSocketAddress peer();

    /**
     * Whether the bytes travel encrypted (TLS). False over plain TCP, and for a plain request that arrived on a
     * TLS port, which the server then answers with a redirect to https.
     */
    default boolean secure() {
        return false;
    }

    /** A one-line summary of the TLS handshake once it is done (protocol, cipher suite, ALPN, SNI), for the trace. */
    default Optional<String> handshake() {
        return Optional.empty();
    }

    /** The connection is idle: buffers that hold nothing may go (a TLS engine's are 16 KiB each). */
    default void releaseBuffers() {
    }

    /** How many bytes {@link #read} would return at once, without waiting for the network. */
    int available() throws IOException;

    /**
     * Reads what has arrived, up to {@code length} bytes, waiting at most {@code timeoutMillis} for the first.
     * Waits are short and repeated: how the connection takes turns with others while a head is on its way.
     *
     * @param timeoutMillis how long to wait; 0 for no limit, which is only ever asked when {@link #available}
     *                      has said that bytes are here
     * @return the number of bytes read, 0 when the time ran out first, -1 at the end of the stream
     */
    int read(byte[] into, int offset, int length, int timeoutMillis) throws IOException;

    /** Writes some of {@code bytes}, blocking until at least one byte of it went out. */
    int write(ByteBuffer bytes) throws IOException;

    /**
     * Writes some of the bytes of these buffers, in order, in as few calls to the network as it can (a head and
     * a small body together), blocking until at least one byte went out.
     *
     * @return the number of bytes written
     */
    long write(ByteBuffer[] buffers) throws IOException;

    /**
     * Sends up to {@code count} bytes of a file from {@code position}, blocking until they went out.
     *
     * @return the number of bytes sent, 0 (or fewer than asked) where the file ends sooner
     */
    long sendFile(FileChannel file, long position, long count) throws IOException;

    /** The sending side as a channel, for a body written as events happen (a Server-Sent Events stream). */
    WritableByteChannel channel();

    /** Ends the sending side: the client sees the end of the answer, and may still send. */
    void shutdownOutput() throws IOException;

    /** Closes the connection, from the thread serving it: nothing else is blocked on it. */
    void close() throws IOException;

    /**
     * Closes the connection from any thread, whatever it is doing: a read or a write blocked on it, a file being
     * sent included, fails at once. Never waits for the client.
     */
    void cut() throws IOException;
}
