package httpd.tls;

import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * The sending side of a TLS connection as a blocking channel, for a body written as events happen (a Server-Sent
 * Events stream): every write goes out whole, encrypted by the transport, as a write to a socket channel would.
 */
final class RecordChannel implements WritableByteChannel {
    private final TlsTransport transport;
    private final Socket socket;

    RecordChannel(TlsTransport transport, Socket socket) {
        this.transport = transport;
        this.socket = socket;
    }

    @Override
    public int write(ByteBuffer source) throws IOException {
        int written = 0;
        while (source.hasRemaining()) {
            written += transport.write(source);
        }
        return written;
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
