package httpd.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The stream a body of unknown length is written to as it is made ({@link GzipSender}, a produced body): each
 * write leaves at once. On HTTP/1.1 each write is one chunk (RFC 9112 §7.1: its size in hex, CRLF, the bytes,
 * CRLF) and {@link #finish} sends the zero-size chunk that ends the body; on HTTP/1.0 the bytes go as they are
 * and the closing connection ends them. A body that is never finished never gets that last chunk, so no client
 * takes a short body for a whole one. Every write tells {@link SendProgress}, so the watchdog sees a client
 * that stops reading.
 */
final class ChunkedOutput extends OutputStream {
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Transport transport;
    private final SendProgress progress;
    private final boolean chunked;
    private final ByteBuffer[] chunk = new ByteBuffer[3];
    /** Once set nothing more is written: a write failed, or the body is being abandoned. */
    private boolean failed;

    /** @param chunked whether to frame the bytes as chunks (HTTP/1.1) or send them as they are (HTTP/1.0) */
    ChunkedOutput(Transport transport, SendProgress progress, boolean chunked) {
        this.transport = transport;
        this.progress = progress;
        this.chunked = chunked;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0 || failed) {
            return;
        }
        try {
            ByteBuffer data = ByteBuffer.wrap(bytes, offset, length);
            if (!chunked) {
                writeAll(data);
                return;
            }
            chunk[0] = ByteBuffer.wrap((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunk[1] = data;
            chunk[2] = ByteBuffer.wrap(CRLF);
            while (chunk[2].hasRemaining()) {
                long before = data.remaining();
                transport.write(chunk);
                progress.progressed(before - data.remaining());
            }
        } catch (IOException e) {
            failed = true; // a close after it must not try again
            throw e;
        }
    }

    /** The body is whole: on HTTP/1.1 the last chunk says so. */
    void finish() throws IOException {
        if (chunked && !failed) {
            ByteBuffer last = ByteBuffer.wrap(LAST_CHUNK);
            while (last.hasRemaining()) {
                transport.write(last);
                progress.progressed(0); // framing, not body
            }
        }
    }

    /** The body will not be whole: whatever is still written to this stream (a trailer, say) is dropped. */
    void abandon() {
        failed = true;
    }

    private void writeAll(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            progress.progressed(transport.write(bytes));
        }
    }
}
