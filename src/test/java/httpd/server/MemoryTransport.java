package httpd.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;

/**
 * A connection with no socket under it: the client's bytes are given up front, what the server sends is kept.
 * Nothing waits: a read with nothing left returns at once, as if its time ran out, or -1 once the client's
 * bytes are all read and it said it sends no more. What went through {@link #sendFile} is counted apart, so a
 * test can tell the send-file path from a write.
 */
final class MemoryTransport implements Transport {
    private final byte[] input;
    private final boolean inputEnds;
    private int read;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private long bytesSentAsFile;
    private boolean opened;
    private boolean outputShutdown;
    private boolean closed;

    /** @param inputEnds whether the client sends nothing after {@code clientBytes} (it half-closed) */
    MemoryTransport(String clientBytes, boolean inputEnds) {
        this.input = clientBytes.getBytes(StandardCharsets.ISO_8859_1);
        this.inputEnds = inputEnds;
    }

    /** Everything the server sent, in order, as ISO-8859-1 text (one char per byte). */
    String output() {
        return output.toString(StandardCharsets.ISO_8859_1);
    }

    long bytesSentAsFile() {
        return bytesSentAsFile;
    }

    boolean isClosed() {
        return closed;
    }

    boolean isOutputShutdown() {
        return outputShutdown;
    }

    @Override
    public void open() {
        opened = true;
    }

    @Override
    public InetSocketAddress peer() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), 50_000);
    }

    @Override
    public int available() {
        return input.length - read;
    }

    @Override
    public int read(byte[] into, int offset, int length, int timeoutMillis) throws IOException {
        requireOpen();
        if (read == input.length) {
            return inputEnds ? -1 : 0;
        }
        int count = Math.min(length, input.length - read);
        System.arraycopy(input, read, into, offset, count);
        read += count;
        return count;
    }

    @Override
    public int write(ByteBuffer bytes) throws IOException {
        requireWritable();
        int count = bytes.remaining();
        byte[] copy = new byte[count];
        bytes.get(copy);
        output.write(copy);
        return count;
    }

    @Override
    public long write(ByteBuffer[] buffers) throws IOException {
        long total = 0;
        for (ByteBuffer buffer : buffers) {
            total += write(buffer);
        }
        return total;
    }

    @Override
    public long sendFile(FileChannel file, long position, long count) throws IOException {
        requireWritable();
        ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(count, Math.max(0, file.size() - position)));
        while (bytes.hasRemaining() && file.read(bytes, position + bytes.position()) >= 0) {
            // read on until the region is in memory or the file ends
        }
        bytes.flip();
        bytesSentAsFile += bytes.remaining();
        return write(bytes);
    }

    @Override
    public WritableByteChannel channel() {
        return new WritableByteChannel() {
            @Override
            public int write(ByteBuffer bytes) throws IOException {
                return MemoryTransport.this.write(bytes);
            }

            @Override
            public boolean isOpen() {
                return !closed;
            }

            @Override
            public void close() {
                closed = true;
            }
        };
    }

    @Override
    public void shutdownOutput() {
        outputShutdown = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void cut() {
        closed = true;
    }

    private void requireOpen() throws IOException {
        if (!opened || closed) {
            throw new IOException(opened ? "closed" : "read before open()");
        }
    }

    private void requireWritable() throws IOException {
        requireOpen();
        if (outputShutdown) {
            throw new IOException("output shut down");
        }
    }
}
