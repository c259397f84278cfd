package httpd.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Files for tests that need size without cost. */
public final class TestFiles {
    private TestFiles() {
    }

    /** A sparse file of this size: instant to make, and it streams like any other. */
    public static Path sparse(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {42}), size - 1);
        }
        return file;
    }
}
