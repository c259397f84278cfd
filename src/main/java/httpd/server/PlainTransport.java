package httpd.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.WritableByteChannel;

/**
 * TCP as it is: an accepted socket in blocking mode and its channel. Reads wait with the socket's read timeout,
 * writes gather a head and its body into one system call, and files go from the page cache to the socket with
 * {@link FileChannel#transferTo} (sendfile), never through the Java heap.
 */
final class PlainTransport implements Transport {
    private final Socket socket;
    private final SocketChannel channel;
    private InputStream in;

    /** @param socket accepted from a {@link java.nio.channels.ServerSocketChannel}'s socket, so it has a channel */
    PlainTransport(Socket socket) {
        this.socket = socket;
        this.channel = socket.getChannel();
    }

    /**
     * A head and a small body leave in one write, but a response that needs more than one write would otherwise
     * wait for the client's acknowledgement of the first (Nagle's algorithm with delayed ACKs, up to ~40 ms).
     */
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
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public int read(byte[] into, int offset, int length, int timeoutMillis) throws IOException {
        // 0 is the socket's "no timeout", and then a plain read, without a timed wait's extra system calls
        socket.setSoTimeout(timeoutMillis);
        try {
            return in.read(into, offset, length);
        } catch (SocketTimeoutException e) {
            return 0;
        }
    }

    @Override
    public int write(ByteBuffer bytes) throws IOException {
        return channel.write(bytes);
    }

    @Override
    public long write(ByteBuffer[] buffers) throws IOException {
        return channel.write(buffers);
    }

    @Override
    public long sendFile(FileChannel file, long position, long count) throws IOException {
        return file.transferTo(position, count, channel);
    }

    @Override
    public WritableByteChannel channel() {
        return channel;
    }

    @Override
    public void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public void cut() throws IOException {
        try {
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                // Closing alone does not wake a thread blocked in sendfile on this socket; a shutdown does.
                socket.shutdownOutput();
            }
        } finally {
            socket.close();
        }
    }
}
