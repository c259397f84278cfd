package httpd.tls;

import httpd.server.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * TLS over the accepted socket: {@link TlsRecords} (the JDK's engine) between the connection and the channel.
 * Everything above sees the same {@link Transport} as over plain TCP, and the turn-taking keeps working: the
 * handshake happens inside {@link #read} calls, each waiting no longer than asked, so a client that never sends
 * its ClientHello, or trickles it, costs no thread while others wait and meets the same header deadline.
 *
 * <p>The first byte decides (RFC 8446 §5.1): a handshake record goes to the engine; a request line is plain
 * HTTP on the TLS port, passed through as it is, and {@link #secure} says so, so that the server can answer it
 * with a redirect to https. Files go through a bounded buffer and are encrypted (no sendfile under TLS).
 * This class waits, times out and takes turns; the record layer only turns records into bytes and back.
 */
public final class TlsTransport implements Transport {
    /** The most plaintext of a file read and encrypted at once: four full TLS records (RFC 8446 §5.1). */
    private static final int FILE_CHUNK = 4 * 16 * 1024;
    /** The longest a head wait reads at once (HeadWait's slice when alone), and a bit. */
    private static final long READ_SLICE_MILLIS = 150;

    /** What the first byte said: not yet known, a TLS handshake, or plain HTTP on the TLS port. */
    private enum Mode { FIRST_BYTE, TLS, PLAIN }

    private final Socket socket;
    private final SocketChannel channel;
    private final TlsContext context;
    /**
     * Reads (this connection's thread) and writes (the same, or a transfer thread) each hold theirs. Reading's is
     * fair, so that a close waiting for a read of at most one slice gets it before the next read does.
     */
    private final ReentrantLock reading = new ReentrantLock(true);
    private final ReentrantLock writing = new ReentrantLock();
    private final TlsBuffers buffers;
    private InputStream in;
    private volatile Mode mode = Mode.FIRST_BYTE;
    private volatile TlsRecords records;

    /** @param pool spare buffers shared by the connections of one server */
    TlsTransport(Socket socket, TlsContext context, TlsBufferPool pool) {
        this.socket = socket;
        this.buffers = new TlsBuffers(pool);
        this.channel = socket.getChannel();
        this.context = context;
    }

    @Override
    public void open() throws IOException {
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
    }

    @Override
    public InetSocketAddress peer() {
        return (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    @Override
    public boolean secure() {
        return mode != Mode.PLAIN;
    }

    @Override
    public Optional<String> handshake() {
        return summary().map(HandshakeSummary::describe);
    }

    /** The handshake's outcome, once it is done. */
    public Optional<HandshakeSummary> summary() {
        TlsRecords current = records;
        return current == null ? Optional.empty() : current.summary();
    }

    /** Only what a read returns without the network: decrypted bytes, or bytes of a plain request. */
    @Override
    public int available() throws IOException {
        return buffers.plaintextBytes() + (mode == Mode.PLAIN ? in.available() : 0);
    }

    @Override
    public int read(byte[] into, int offset, int length, int timeoutMillis) throws IOException {
        reading.lock();
        try {
            if (buffers.plaintextBytes() > 0) {
                return buffers.takePlaintext(into, offset, length);
            }
            if (mode == Mode.PLAIN) {
                return readSocket(into, offset, length, timeoutMillis);
            }
            return readRecords(into, offset, length, timeoutMillis);
        } finally {
            reading.unlock();
        }
    }

    /**
     * Feeds the record layer what arrives until it has plaintext, the time is up (0) or the stream ended (-1).
     * Every wait for the network is within the one deadline, the handshake's included.
     */
    private int readRecords(byte[] into, int offset, int length, int timeoutMillis) throws IOException {
        long deadline = timeoutMillis == 0 ? 0 : System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            if (records != null && records.unwrapReceived()) {
                return buffers.takePlaintext(into, offset, length);
            }
            if (records != null && records.inboundDone()) {
                return -1;
            }
            long left = deadline - System.nanoTime();
            if (deadline != 0 && left <= 0) {
                return 0;
            }
            int wait = deadline == 0 ? 0 : (int) Math.max(1, left / 1_000_000);
            ByteBuffer received = buffers.network(packetSize());
            socket.setSoTimeout(wait);
            int read;
            try {
                read = in.read(received.array(), received.arrayOffset() + received.position(), received.remaining());
            } catch (SocketTimeoutException e) {
                return 0;
            }
            if (read < 0) {
                return -1;
            }
            received.position(received.position() + read);
            if (mode == Mode.FIRST_BYTE && decide(received.get(0)) == Mode.PLAIN) {
                return buffers.plainFromNetwork(into, offset, length);
            }
        }
    }

    private Mode decide(byte first) throws IOException {
        if (FirstByte.of(first) != FirstByte.PLAIN_HTTP) {
            // a handshake, or garbage: the engine tells which, with an alert for the garbage
            records = TlsRecords.begin(context, channel, buffers, writing);
        }
        mode = records == null ? Mode.PLAIN : Mode.TLS;
        return mode;
    }

    private int readSocket(byte[] into, int offset, int length, int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        try {
            return in.read(into, offset, length);
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public int write(ByteBuffer bytes) throws IOException {
        return (int) write(new ByteBuffer[] {bytes});
    }

    @Override
    public long write(ByteBuffer[] sources) throws IOException {
        writing.lock();
        try {
            if (mode == Mode.PLAIN) {
                return channel.write(sources);
            }
            return encrypted().encrypt(sources);
        } finally {
            writing.unlock();
        }
    }

    @Override
    public long sendFile(FileChannel file, long position, long count) throws IOException {
        writing.lock();
        try {
            if (mode == Mode.PLAIN) {
                return file.transferTo(position, count, channel);
            }
            return encrypted().encryptFile(file, position, count, buffers.fileChunk(FILE_CHUNK));
        } finally {
            writing.unlock();
        }
    }

    @Override
    public WritableByteChannel channel() {
        return new RecordChannel(this, socket);
    }

    /** close_notify (RFC 8446 §6.1), then the TCP half-close: the client knows the answer is whole. */
    @Override
    public void shutdownOutput() throws IOException {
        writing.lock();
        try {
            if (records != null && records.finished()) {
                records.closeOutbound();
            }
            socket.shutdownOutput();
        } finally {
            writing.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        closeNotifyIfIdle(0);
        socket.close();
        buffers.releaseAll();
    }

    /**
     * A cut never waits for the client: close_notify only when no write is under way, after the read in progress
     * (one slice of a head wait, at most {@link #READ_SLICE_MILLIS}), and only what fits in the socket at once.
     */
    @Override
    public void cut() throws IOException {
        closeNotifyIfIdle(READ_SLICE_MILLIS);
        try {
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                // Closing alone does not wake a thread blocked in a write on this socket; a shutdown does.
                socket.shutdownOutput();
            }
        } finally {
            socket.close();
        }
    }

    /** Drops the buffers that are empty: an idle TLS connection holds as little as an idle plain one. */
    @Override
    public void releaseBuffers() {
        if (reading.tryLock()) {
            try {
                if (writing.tryLock()) {
                    try {
                        buffers.releaseEmpty();
                    } finally {
                        writing.unlock();
                    }
                }
            } finally {
                reading.unlock();
            }
        }
    }

    /** Sends close_notify when nothing else is using the connection, without blocking. */
    private void closeNotifyIfIdle(long waitForReadMillis) {
        TlsRecords current = records;
        if (current == null || !current.finished() || current.outboundDone() || socket.isClosed()) {
            return;
        }
        if (!writing.tryLock()) {
            return; // a response is being written, perhaps to a client that stopped reading: just cut
        }
        try {
            if (!lockReading(waitForReadMillis)) {
                return;
            }
            try {
                current.closeOutboundWithoutWaiting();
            } catch (IOException | RuntimeException e) {
                // the close goes on without it: close_notify is a courtesy the client can do without
            } finally {
                reading.unlock();
            }
        } finally {
            writing.unlock();
        }
    }

    private boolean lockReading(long waitMillis) {
        try {
            return reading.tryLock(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The record layer, once the handshake is over: application data before it is refused. */
    private TlsRecords encrypted() throws IOException {
        TlsRecords current = records;
        if (current == null || !current.finished()) {
            throw new TlsHandshakeException("TLS handshake not finished");
        }
        return current;
    }

    private int packetSize() {
        return records == null ? TlsBuffers.MIN_PACKET : records.packetSize();
    }
}
