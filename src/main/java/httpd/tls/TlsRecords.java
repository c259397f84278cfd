package httpd.tls;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;

/**
 * The record layer of one TLS connection (RFC 8446 §5): the JDK's {@link SSLEngine} and its buffers, turning
 * records received into plaintext and plaintext into records sent, and answering the handshake as it goes. It
 * never waits for the network to send it anything: {@link TlsTransport} reads, with its deadlines, and holds the
 * locks; this class only needs the writing lock to send a handshake message in the middle of a read.
 */
final class TlsRecords {
    private final SSLEngine engine;
    private final SocketChannel channel;
    private final TlsBuffers buffers;
    private final ReentrantLock writing;
    private final long startMillis;
    private volatile HandshakeSummary summary;

    private TlsRecords(SSLEngine engine, SocketChannel channel, TlsBuffers buffers, ReentrantLock writing) {
        this.engine = engine;
        this.channel = channel;
        this.buffers = buffers;
        this.writing = writing;
        this.startMillis = System.currentTimeMillis();
    }

    /** A server engine, ready for the ClientHello that is in (or on its way to) the received buffer. */
    static TlsRecords begin(TlsContext context, SocketChannel channel, TlsBuffers buffers, ReentrantLock writing)
            throws IOException {
        TlsRecords records = new TlsRecords(context.newEngine(), channel, buffers, writing);
        try {
            records.engine.beginHandshake();
        } catch (SSLException e) {
            throw new TlsHandshakeException("TLS failed: " + e.getMessage());
        }
        return records;
    }

    /** Whether the handshake is over and application data can flow. */
    boolean finished() {
        return summary != null;
    }

    Optional<HandshakeSummary> summary() {
        return Optional.ofNullable(summary);
    }

    /** The client sent close_notify, or the engine gave up on what it received. */
    boolean inboundDone() {
        return engine.isInboundDone();
    }

    boolean outboundDone() {
        return engine.isOutboundDone();
    }

    /** The largest record this session can send or receive, with its header. */
    int packetSize() {
        return engine.getSession().getPacketBufferSize();
    }

    /** Unwraps every whole record received; true when plaintext is ready. */
    boolean unwrapReceived() throws IOException {
        while (true) {
            runHandshakeSteps();
            ByteBuffer received = buffers.networkOrNull();
            if (received == null || received.position() == 0) {
                return buffers.plaintextBytes() > 0;
            }
            received.flip();
            SSLEngineResult result;
            try {
                result = engine.unwrap(received, buffers.plaintext(engine.getSession().getApplicationBufferSize()));
            } catch (SSLException e) {
                sendAlertQuietly();
                throw new TlsHandshakeException((finished() ? "TLS failed: " : "TLS handshake failed: ")
                        + e.getMessage());
            } finally {
                received.compact();
            }
            noteFinished(result.getHandshakeStatus());
            switch (result.getStatus()) {
                case OK -> { }
                case BUFFER_OVERFLOW -> buffers.growPlaintext(engine.getSession().getApplicationBufferSize());
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

    /**
     * Encrypts as many records as fit in the outgoing buffer from these buffers, then writes them at once.
     * The caller holds the writing lock.
     */
    long encrypt(ByteBuffer[] sources) throws IOException {
        long before = remaining(sources);
        do {
            SSLEngineResult result = wrapInto(sources);
            if (result.getStatus() != SSLEngineResult.Status.OK) {
                break;
            }
        } while (remaining(sources) > 0 && buffers.outgoingRoomForRecord(packetSize()));
        flushRecords();
        return before - remaining(sources);
    }

    /** Reads a file region through {@code chunk}, encrypting and writing it. The caller holds the writing lock. */
    long encryptFile(FileChannel file, long position, long count, ByteBuffer chunk) throws IOException {
        long sent = 0;
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
    }

    /** close_notify (RFC 8446 §6.1), written as a plain write is. The caller holds the writing lock. */
    void closeOutbound() throws IOException {
        engine.closeOutbound();
        wrapInto(TlsBuffers.EMPTY);
        flushRecords();
    }

    /**
     * close_notify without blocking: the channel is non-blocking for that last record only, so a client that reads
     * nothing cannot hold up a close, and a read that comes in before the socket is closed still finds a blocking
     * channel (and then the close). The caller holds both locks; the socket is closed next.
     */
    void closeOutboundWithoutWaiting() throws IOException {
        engine.closeOutbound();
        wrapInto(TlsBuffers.EMPTY);
        channel.configureBlocking(false);
        try {
            ByteBuffer records = buffers.outgoing(packetSize());
            records.flip();
            channel.write(records);
        } finally {
            channel.configureBlocking(true);
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
        if (status == SSLEngineResult.HandshakeStatus.FINISHED && summary == null) {
            summary = HandshakeSummary.of(engine, startMillis);
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
                closeOutbound();
            } finally {
                writing.unlock();
            }
        } catch (IOException | RuntimeException e) {
            // the client is gone or never spoke TLS
        }
    }

    private static long remaining(ByteBuffer[] buffers) {
        long remaining = 0;
        for (ByteBuffer buffer : buffers) {
            remaining += buffer.remaining();
        }
        return remaining;
    }
}
