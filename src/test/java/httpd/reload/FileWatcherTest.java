package httpd.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTest {
    @TempDir
    Path temp;
    Path root;
    FileWatcher watcher;
    final BlockingQueue<Set<Path>> batches = new LinkedBlockingQueue<>();

    @BeforeEach
    void watch() throws Exception {
        root = Files.createDirectory(temp.resolve("www"));
        Files.createDirectory(root.resolve(".git"));
        watcher = new FileWatcher(root, Duration.ofMillis(100), batches::add).start();
    }

    @AfterEach
    void stop() throws Exception {
        watcher.close();
    }

    private Set<Path> nextBatch() throws InterruptedException {
        Set<Path> batch = batches.poll(20, TimeUnit.SECONDS);
        assertThat(batch).as("a batch of changes").isNotNull();
        return batch;
    }

    @Test
    void reportsAChangedFile() throws Exception {
        Files.writeString(root.resolve("index.html"), "<h1>x</h1>");

        assertThat(nextBatch()).contains(Path.of("index.html"));
    }

    @Test
    void ignoresDotDirectoriesSoALogThereCannotLoopReloads() throws Exception {
        Files.writeString(root.resolve(".git/index.lock"), "x");
        Files.writeString(root.resolve(".hidden.txt"), "x");
        Files.writeString(root.resolve("page.html"), "x");

        assertThat(nextBatch()).containsOnly(Path.of("page.html"));
    }

    @Test
    void watchesNewSubfolders() throws Exception {
        Files.createDirectory(root.resolve("blog"));
        assertThat(nextBatch()).contains(Path.of("blog"));

        Files.writeString(root.resolve("blog/post.html"), "x");

        assertThat(nextBatch()).contains(Path.of("blog/post.html"));
    }

    @Test
    void neverFollowsASymlinkOutOfTheRoot() throws Exception {
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.createSymbolicLink(root.resolve("link"), outside);
        assertThat(nextBatch()).contains(Path.of("link"));

        Files.writeString(outside.resolve("server.log"), "a log line");
        Files.writeString(root.resolve("after.txt"), "x");

        assertThat(nextBatch()).containsOnly(Path.of("after.txt"));
    }
}
