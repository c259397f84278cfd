package httpd.http;

import java.io.IOException;
import java.nio.channels.FileChannel;

/** What follows a response head: nothing, bytes in memory, or a region of an open file to stream. */
public sealed interface Body extends AutoCloseable {
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
     * Bytes streamed from an open file, never loaded whole. {@code channel} is null for HEAD, where only
     * the length matters.
     */
    record FileRegion(FileChannel channel, long offset, long length) implements Body {
        @Override
        public void close() throws IOException {
            if (channel != null) {
                channel.close();
            }
        }
    }

    Body EMPTY = new Empty();
}
