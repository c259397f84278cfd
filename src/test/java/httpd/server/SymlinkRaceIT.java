package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The race that check-then-open loses: while a client asks for {@code /sub/a.txt} again and again, another
 * process swaps {@code sub} (or the file itself) for a symlink to an outside twin of the same size and
 * modification time. Whatever the timing, not one byte of the twin may be served.
 */
class SymlinkRaceIT {
    private static final long RACE_NANOS = 1_500_000_000L;
    private static final int MAX_REQUESTS = 50_000;
    private static final FileTime MODIFIED = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));

    @TempDir
    Path temp;

    enum Swapped { DIRECTORY, FILE }

    @ParameterizedTest(name = "{0} swapped, {1} bytes")
    @CsvSource({"DIRECTORY, 10", "DIRECTORY, 100000", "FILE, 10", "FILE, 100000"})
    void neverServesAByteOfTheOutsideTwin(Swapped swapped, int size) throws Exception {
        Path root = Files.createDirectories(temp.resolve("www/sub"));
        root = root.getParent();
        Path outside = Files.createDirectories(temp.resolve("outside/sub"));
        write(root.resolve("sub/a.txt"), (byte) 'i', size);
        write(outside.resolve("a.txt"), (byte) 'o', size);
        Path target = swapped == Swapped.DIRECTORY ? root.resolve("sub") : root.resolve("sub/a.txt");
        Path link = target.resolveSibling(target.getFileName() + ".link");
        Path parked = target.resolveSibling(target.getFileName() + ".real");
        Files.createSymbolicLink(link, swapped == Swapped.DIRECTORY ? outside : outside.resolve("a.txt"));
        assumeTrue(Files.isSymbolicLink(link), "symlinks are not supported here");

        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicReference<Throwable> flipFailure = new AtomicReference<>();
        Thread flipper = new Thread(() -> flip(target, link, parked, racing), "flipper");
        flipper.setUncaughtExceptionHandler((thread, e) -> flipFailure.set(e));
        int served = 0;
        int leaked = 0;
        int requests = 0;
        try (TestServer server = TestServer.start(root); RawClient client = server.connect()) {
            flipper.start();
            long end = System.nanoTime() + RACE_NANOS;
            while (System.nanoTime() < end && requests < MAX_REQUESTS) {
                RawResponse response = client.send(RawClient.get("/sub/a.txt")).readResponse();
                requests++;
                if (response.status() == 200) {
                    served++;
                    if (containsByte(response.body(), (byte) 'o')) {
                        leaked++;
                    }
                }
            }
        } finally {
            racing.set(false);
            flipper.join();
        }
        assertThat(flipFailure.get()).as("the flipper kept flipping").isNull();
        assertThat(leaked).as("responses with outside bytes, of %d served in %d requests", served, requests)
                .isZero();
        assertThat(served).as("the inside file was served at all").isPositive();
    }

    /** Swaps the target and the link with two renames each way, as fast as it can, until told to stop. */
    private static void flip(Path target, Path link, Path parked, AtomicBoolean racing) {
        try {
            while (racing.get()) {
                Files.move(target, parked, StandardCopyOption.ATOMIC_MOVE);
                Files.move(link, target, StandardCopyOption.ATOMIC_MOVE);
                Files.move(target, link, StandardCopyOption.ATOMIC_MOVE);
                Files.move(parked, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte fill, int size) throws IOException {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, fill);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, MODIFIED);
    }

    private static boolean containsByte(byte[] body, byte wanted) {
        for (byte b : body) {
            if (b == wanted) {
                return true;
            }
        }
        return false;
    }
}
