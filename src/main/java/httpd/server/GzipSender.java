package httpd.server;

import httpd.http.Body;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Sends a file gzip-encoded as it is read, in constant memory: 64 KiB of the file at a time through a
 * deflater, each piece the deflater gives out leaving at once. On HTTP/1.1 each piece is a chunk (RFC 9112
 * §7.1: its size in hex, CRLF, the bytes, CRLF) and a zero-size chunk ends the body; on HTTP/1.0 the bytes go
 * as they are and the closing connection ends them. A file that ends sooner than its length never gets that
 * last chunk, so no client takes a short body for a whole one.
 */
final class GzipSender {
    private static final int READ_BYTES = 64 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Transport transport;
    private final SendProgress progress;

    GzipSender(Transport transport, SendProgress progress) {
        this.transport = transport;
        this.progress = progress;
    }

    void send(Body.Gzipped body, boolean chunked) throws IOException {
        Body.FileRegion region = body.source();
        Pieces pieces = new Pieces(chunked);
        // The fastest level: this runs for every request for a large file, as nginx's default level 1 does.
        GZIPOutputStream gzip = new GZIPOutputStream(pieces, READ_BYTES) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
        boolean whole = false;
        try {
            ByteBuffer read = ByteBuffer.allocate(READ_BYTES);
            long position = region.offset();
            long end = region.offset() + region.length();
            while (position < end) {
                read.clear().limit((int) Math.min(READ_BYTES, end - position));
                int count = region.channel().read(read, position);
                if (count < 0) {
                    throw new ResponseWriter.TruncatedFileException();
                }
                gzip.write(read.array(), 0, count);
                position += count;
            }
            gzip.finish();
            if (chunked) {
                writeAll(ByteBuffer.wrap(LAST_CHUNK));
            }
            whole = true;
        } finally {
            if (!whole) {
                pieces.failed = true; // not the gzip trailer either: the client must see the body cut short
            }
            gzip.close();
        }
    }

    /** What the deflater gives out, sent on at once: as chunks, or as it is. */
    private final class Pieces extends OutputStream {
        private final boolean chunked;
        private boolean failed;
        private final ByteBuffer[] chunk = new ByteBuffer[3];

        Pieces(boolean chunked) {
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
                failed = true; // the close after it must not try again
                throw e;
            }
        }
    }

    private void writeAll(ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            progress.progressed(transport.write(bytes));
        }
    }
}
