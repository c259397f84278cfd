package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileContentCacheTest {
    @TempDir
    Path root;

    private static byte[] bytesOf(java.nio.ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    private static FileChannel open(Path file) throws IOException {
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    private static BasicFileAttributes stat(Path file) throws Exception {
        return Files.readAttributes(file, BasicFileAttributes.class);
    }

    @Test
    void servesTheSameBytesToAnotherStatOfTheSameVersion() throws Exception {
        FileContentCache cache = new FileContentCache(1024 * 1024, FileContentCacheTest::open);
        Path file = Files.writeString(root.resolve("a.css"), "body{color:red}");

        java.nio.ByteBuffer first = cache.bytes(file, stat(file));

        assertThat(cache.bytes(file, stat(file))).isSameAs(first);
    }

    @Test
    void servesAnEditOfTheSameSizeAtOnce() throws Exception {
        FileContentCache cache = new FileContentCache(1024 * 1024, FileContentCacheTest::open);
        Path file = Files.writeString(root.resolve("a.css"), "body{color:red}");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        assertThat(bytesOf(cache.bytes(file, stat(file)))).isEqualTo("body{color:red}".getBytes(StandardCharsets.UTF_8));

        Files.writeString(file, "body{color:tan}");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2025-01-01T00:00:01Z")));

        assertThat(bytesOf(cache.bytes(file, stat(file)))).isEqualTo("body{color:tan}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsWithinItsCapacityDroppingTheLeastRecentlyUsed() throws Exception {
        FileContentCache cache = new FileContentCache(2500, FileContentCacheTest::open);
        for (int i = 0; i < 5; i++) {
            Path file = Files.write(root.resolve("f" + i), new byte[1000]);
            assertThat(bytesOf(cache.bytes(file, stat(file)))).hasSize(1000);
        }

        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void leavesLargeFilesToBeStreamed() throws Exception {
        Path big = Files.write(root.resolve("big"), new byte[FileContentCache.MAX_FILE_BYTES + 1]);

        assertThat(new FileContentCache(1024 * 1024, FileContentCacheTest::open).bytes(big, stat(big))).isNull();
    }
}
