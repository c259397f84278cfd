package httpd.http;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * What follows a response head: nothing, bytes in memory, a region of an open file to stream, or bytes made as
 * they are sent.
 */
public sealed interface Body extends AutoCloseable {
    /**
     * Up to this many bytes a body is small: it leaves in the same write as its head, on the request thread,
     * and a file this small may be held in memory. A larger one may take long to reach a slow client, so it
     * streams from its file on a transfer thread.
     */
    int SMALL_BYTES = 64 * 1024;

    /** The number of bytes this body sends, which is what Content-Length announces. */
    long length();

    @Override
    default void close() throws IOException {
    }

    /** No content at all. */
    record Empty() implements Body {
        @Override
        public long length() {
            return 0;
        }
    }

    /** A small body held in memory, such as an error page. */
    record Bytes(byte[] bytes) implements Body {
        @Override
        public long length() {
            return bytes.length;
        }
    }

    /**
     * Bytes held off the heap, such as a cached small file: the socket takes them without a copy. The
     * buffer is shared; writers send a duplicate.
     */
    record Buffer(java.nio.ByteBuffer buffer) implements Body {
        @Override
        public long length() {
            return buffer.remaining();
        }
    }

    /** Bytes streamed from an open file, never loaded whole. */
    record FileRegion(FileChannel channel, long offset, long length) implements Body {
        /**
         * The region's bytes in memory, for a region small enough to hold there: all of them, or fewer when the
         * file now ends sooner (it shrank since the length was taken).
         *
         * @return a buffer ready to be read (flipped), whose array holds the bytes from index 0
         */
        public java.nio.ByteBuffer read() throws IOException {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(Math.toIntExact(length));
            long position = offset;
            while (bytes.hasRemaining()) {
                int read = channel.read(bytes, position);
                if (read < 0) {
                    break;
                }
                position += read;
            }
            return bytes.flip();
        }

        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }

    /**
     * Several bodies sent one after another, such as the parts of a {@code multipart/byteranges} answer
     * (RFC 9110 §14.6): boundary lines in memory, ranges from the file.
     */
    record Parts(java.util.List<Body> parts) implements Body {
        public Parts {
            parts = java.util.List.copyOf(parts);
        }

        @Override
        public long length() {
            long total = 0;
            for (Body part : parts) {
                total += part.length();
            }
            return total;
        }

        @Override
        public void close() throws IOException {
            for (Body part : parts) {
                part.close();
            }
        }
    }

    /**
     * A file region sent gzip-encoded as it is read (RFC 9110 §8.4.1.3), for a file too large to encode once and
     * keep: its encoded length is known only at the end, so it goes chunked on HTTP/1.1 (RFC 9112 §7.1) and
     * until the connection closes on HTTP/1.0.
     */
    record Gzipped(FileRegion source) implements Body {
        @Override
        public long length() {
            return -1;
        }

        @Override
        public void close() throws IOException {
            source.close();
        }
    }

    /**
     * A body of unknown length made as it is sent, such as a ZIP of a folder. Like {@link Gzipped} it goes
     * chunked on HTTP/1.1 (RFC 9112 §7.1), so the connection persists after it, and until the connection closes
     * on HTTP/1.0 (RFC 9112 §6.3, rule 8). A producer that fails leaves the body without its end (no last
     * chunk), so no client takes a cut body for a whole one.
     */
    record Produced(Producer producer) implements Body {
        @Override
        public long length() {
            return -1;
        }
    }

    /** Makes a {@link Produced} body, writing each piece as soon as it has it. */
    @FunctionalInterface
    interface Producer {
        /**
         * @param out   where the body goes; a write blocks while the client is not reading
         * @param alive to call now and then while working long without writing (reading a large file through):
         *              the server then does not take the pause for a client that stopped reading
         * @throws IOException when the client went away, or the body cannot be made to its end
         */
        void writeTo(java.io.OutputStream out, Runnable alive) throws IOException;
    }

    /**
     * A body of unknown length written as events happen, such as a Server-Sent Events stream. It is
     * delimited by closing the connection (RFC 9112 §6.3, rule 8), so no Content-Length is sent.
     */
    record Stream(StreamSource source) implements Body {
        @Override
        public long length() {
            return -1;
        }
    }

    /** Writes a {@link Stream} until it ends or the client goes away. */
    @FunctionalInterface
    interface StreamSource {
        /** @return the number of bytes written */
        long writeTo(java.nio.channels.WritableByteChannel out) throws IOException;
    }

    Body EMPTY = new Empty();
}
