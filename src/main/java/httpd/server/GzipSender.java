package httpd.server;

import httpd.http.Body;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Sends a file gzip-encoded as it is read, in constant memory: 64 KiB of the file at a time through a
 * deflater, each piece the deflater gives out leaving at once through {@link ChunkedOutput} (chunks on
 * HTTP/1.1, the bytes as they are on HTTP/1.0). A file that ends sooner than its length never gets the last
 * chunk, so no client takes a short body for a whole one.
 */
final class GzipSender {
    private static final int READ_BYTES = 64 * 1024;

    private final Transport transport;
    private final SendProgress progress;

    GzipSender(Transport transport, SendProgress progress) {
        this.transport = transport;
        this.progress = progress;
    }

    void send(Body.Gzipped body, boolean chunked) throws IOException {
        Body.FileRegion region = body.source();
        ChunkedOutput pieces = new ChunkedOutput(transport, progress, chunked);
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
            pieces.finish();
            whole = true;
        } finally {
            if (!whole) {
                pieces.abandon(); // not the gzip trailer either: the client must see the body cut short
            }
            gzip.close();
        }
    }
}
