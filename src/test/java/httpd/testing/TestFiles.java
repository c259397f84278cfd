package httpd.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Files for tests: sparse ones that have size without cost, and text files with a known modification time. */
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

    /** Writes {@code content} to {@code root/name} (folders made as needed), modified at {@code modified}. */
    public static Path write(Path root, String name, String content, Instant modified) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
