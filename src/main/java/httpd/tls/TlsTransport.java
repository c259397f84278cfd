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
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * TLS over the accepted socket: the JDK's {@link SSLEngine} between the connection and the blocking channel.
 * Everything above sees the same {@link Transport} as over plain TCP, and the turn-taking keeps working: the
 * handshake happens inside {@link #read} calls, each waiting no longer than asked, so a client that never sends
 * its ClientHello, or trickles it, costs no thread while others wait and meets the same header deadline.
 *
 * <p>The first byte decides (RFC 8446 §5.1): a handshake record goes to the engine; a request line is plain
 * HTTP on the TLS port, passed through as it is, and {@link #secure} says so, so that the server can answer it
 * with a redirect to https. Files go through a bounded buffer, encrypted here (no sendfile under TLS).
 */
public final class TlsTransport implements Transport {
    /** The most plaintext of a file read and encrypted at once: four full TLS records (RFC 8446 §5.1). */
    private static final int FILE_CHUNK = 4 * 16 * 1024;
    /** The longest a head wait reads at once (HeadWait's slice when alone), and a bit. */
    private static final long READ_SLICE_MILLIS = 150;

    private enum Mode { FIRST_BYTE, HANDSHAKE, ENCRYPTED, PLAIN }

    private final Socket socket;
    private final SocketChannel channel;
    private final TlsContext context;
    /**
     * Reads (this connection's thread) and writes (the same, or a transfer thread) each hold theirs. Reading's is
     * fair, so that a close waiting for a read of at most one slice gets it before the next read does.
     */
    private final ReentrantLock reading = new ReentrantLock(true);
    private final ReentrantLock writing = new ReentrantLock();
    private InputStream in;
    private SSLEngine engine;
    private volatile Mode mode = Mode.FIRST_BYTE;
    private final TlsBuffers buffers;
    private long handshakeStartMillis;
    private HandshakeSummary summary;

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
        return Optional.ofNullable(summary).map(HandshakeSummary::describe);
    }

    /** The handshake's outcome, once it is done. */
    public Optional<HandshakeSummary> summary() {
        return Optional.ofNullable(summary);
    }

    /** Only what a read returns without the network: decrypted bytes, or bytes of a plain request. */
    @Override
    public int available() throws IOException {
        if (mode == Mode.PLAIN) {
            return buffers.plaintextBytes() + in.available();
        }
        return buffers.plaintextBytes();
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
     * Feeds the engine what arrives, answering its handshake messages, until it has plaintext, the time is up
     * (0) or the stream ended (-1). Every wait for the network is within the one deadline.
     */
    private int readRecords(byte[] into, int offset, int length, int timeoutMillis) throws IOException {
        long deadline = timeoutMillis == 0 ? 0 : System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            if (mode != Mode.FIRST_BYTE && unwrapReceived()) {
                return buffers.takePlaintext(into, offset, length);
            }
            if (engine != null && engine.isInboundDone()) {
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
        if (FirstByte.of(first) == FirstByte.PLAIN_HTTP) {
            mode = Mode.PLAIN;
            return mode;
        }
        // a handshake, or garbage: the engine tells which, with an alert for the garbage
        engine = context.newEngine();
        handshakeStartMillis = System.currentTimeMillis();
        try {
            engine.beginHandshake();
        } catch (SSLException e) {
            throw new TlsHandshakeException("TLS failed: " + e.getMessage());
        }
        mode = Mode.HANDSHAKE;
        return mode;
    }

    /** Unwraps every whole record received; true when plaintext is ready. */
    private boolean unwrapReceived() throws IOException {
        while (true) {
            runHandshakeSteps();
            ByteBuffer received = buffers.networkOrNull();
            if (received == null || received.position() == 0) {
                return buffers.plaintextBytes() > 0;
            }
            received.flip();
            SSLEngineResult result;
            try {
                result = engine.unwrap(received, buffers.plaintext(applicationSize()));
            } catch (SSLException e) {
                sendAlertQuietly();
                throw new TlsHandshakeException((mode == Mode.HANDSHAKE ? "TLS handshake failed: " : "TLS failed: ")
                        + e.getMessage());
            } finally {
                received.compact();
            }
            noteFinished(result.getHandshakeStatus());
            switch (result.getStatus()) {
                case OK -> { }
                case BUFFER_OVERFLOW -> buffers.growPlaintext(applicationSize());
                case BUFFER_UNDERFLOW -> {
                    buffers.growNetwork(packetSize());
                    runHandshakeSteps();
                    return buffers.plaintextBytes() > 0;
                }
                case CLOSED -> {
                    return buffers.plaintextBytes() > 0;
                }
            }
        }
    }

    /** Whatever the engine asks for before it can read on: our handshake messages written, its tasks run. */
    private void runHandshakeSteps() throws IOException {
        while (true) {
            SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
            if (status == SSLEngineResult.HandshakeStatus.NEED_TASK) {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
            } else if (status == SSLEngineResult.HandshakeStatus.NEED_WRAP) {
                writing.lock();
                try {
                    SSLEngineResult result = wrapInto(TlsBuffers.EMPTY);
                    flushRecords();
                    noteFinished(result.getHandshakeStatus());
                    if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                        return;
                    }
                } finally {
                    writing.unlock();
                }
            } else {
                return;
            }
        }
    }

    private void noteFinished(SSLEngineResult.HandshakeStatus status) {
        if (status == SSLEngineResult.HandshakeStatus.FINISHED && mode == Mode.HANDSHAKE) {
            mode = Mode.ENCRYPTED;
            summary = HandshakeSummary.of(engine, handshakeStartMillis);
        }
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

    /** Encrypts as many records as fit in the outgoing buffer from these buffers, then writes them at once. */
    @Override
    public long write(ByteBuffer[] sources) throws IOException {
        writing.lock();
        try {
            if (mode == Mode.PLAIN) {
                return channel.write(sources);
            }
            requireEncrypted();
            long before = remaining(sources);
            do {
                SSLEngineResult result = wrapInto(sources);
                if (result.getStatus() != SSLEngineResult.Status.OK) {
                    break;
                }
            } while (remaining(sources) > 0 && buffers.outgoingRoomForRecord(packetSize()));
            flushRecords();
            return before - remaining(sources);
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
            requireEncrypted();
            long sent = 0;
            ByteBuffer chunk = buffers.fileChunk(FILE_CHUNK);
            while (sent < count) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), count - sent));
                int read = file.read(chunk, position + sent);
                if (read <= 0) {
                    break;
                }
                chunk.flip();
                ByteBuffer[] sources = {chunk};
                while (chunk.hasRemaining()) {
                    if (wrapInto(sources).getStatus() != SSLEngineResult.Status.OK) {
                        throw new TlsHandshakeException("TLS closed while sending");
                    }
                    if (!buffers.outgoingRoomForRecord(packetSize())) {
                        flushRecords();
                    }
                }
                flushRecords();
                sent += read;
            }
            return sent;
        } finally {
            writing.unlock();
        }
    }

    @Override
    public WritableByteChannel channel() {
        return new WritableByteChannel() {
            @Override
            public int write(ByteBuffer source) throws IOException {
                int written = 0;
                while (source.hasRemaining()) {
                    written += TlsTransport.this.write(source);
                }
                return written;
            }

            @Override
            public boolean isOpen() {
                return !socket.isClosed();
            }

            @Override
            public void close() throws IOException {
                TlsTransport.this.close();
            }
        };
    }

    /** close_notify (RFC 8446 §6.1), then the TCP half-close: the client knows the answer is whole. */
    @Override
    public void shutdownOutput() throws IOException {
        writing.lock();
        try {
            if (engine != null && mode == Mode.ENCRYPTED) {
                engine.closeOutbound();
                wrapInto(TlsBuffers.EMPTY);
                flushRecords();
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

    /**
     * Sends close_notify when nothing else is using the connection, without blocking: the channel is switched to
     * non-blocking for that last record, so a client that reads nothing cannot hold up a close.
     */
    private void closeNotifyIfIdle(long waitForReadMillis) {
        if (engine == null || mode != Mode.ENCRYPTED || engine.isOutboundDone() || socket.isClosed()) {
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
                engine.closeOutbound();
                wrapInto(TlsBuffers.EMPTY);
                channel.configureBlocking(false);
                ByteBuffer records = buffers.outgoing(packetSize());
                records.flip();
                channel.write(records);
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

    private void requireEncrypted() throws IOException {
        if (mode != Mode.ENCRYPTED) {
            throw new TlsHandshakeException("TLS handshake not finished");
        }
    }

    private SSLEngineResult wrapInto(ByteBuffer[] sources) throws IOException {
        while (true) {
            ByteBuffer outgoing = buffers.outgoing(packetSize());
            SSLEngineResult result;
            try {
                result = engine.wrap(sources, outgoing);
            } catch (SSLException e) {
                throw new TlsHandshakeException("TLS failed: " + e.getMessage());
            }
            if (result.getStatus() != SSLEngineResult.Status.BUFFER_OVERFLOW) {
                return result;
            }
            if (outgoing.position() > 0) {
                flushRecords();
            } else {
                buffers.growOutgoing(packetSize());
            }
        }
    }

    /** Writes every encrypted record waiting, blocking as a plain write does. */
    private void flushRecords() throws IOException {
        ByteBuffer records = buffers.outgoingOrNull();
        if (records == null || records.position() == 0) {
            return;
        }
        records.flip();
        try {
            while (records.hasRemaining()) {
                channel.write(records);
            }
        } finally {
            records.clear();
        }
    }

    /** A fatal alert the engine has ready for the client, sent if it can be; the error is reported anyway. */
    private void sendAlertQuietly() {
        try {
            writing.lock();
            try {
                engine.closeOutbound();
                wrapInto(TlsBuffers.EMPTY);
                flushRecords();
            } finally {
                writing.unlock();
            }
        } catch (IOException | RuntimeException e) {
            // the client is gone or never spoke TLS
        }
    }

    private int packetSize() {
        return engine == null ? TlsBuffers.MIN_PACKET : engine.getSession().getPacketBufferSize();
    }

    private int applicationSize() {
        return engine.getSession().getApplicationBufferSize();
    }

    private static long remaining(ByteBuffer[] buffers) {
        long remaining = 0;
        for (ByteBuffer buffer : buffers) {
            remaining += buffer.remaining();
        }
        return remaining;
    }
}
