package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ZIP of a folder written to memory, without a server: what goes in, what is left out, what ends it. */
class FolderZipTest {
    private static final MimeTypes TYPES = MimeTypes.load();

    @TempDir
    Path root;
    Path folder;

    @BeforeEach
    void createFolder() throws IOException {
        folder = Files.createDirectories(root.resolve("share"));
        Files.writeString(folder.resolve("a.txt"), "alpha");
        Files.writeString(folder.resolve("b.txt"), "bravo");
        Files.createDirectories(folder.resolve("sub"));
        Files.writeString(folder.resolve("sub/c.txt"), "charlie");
    }

    private byte[] zip(boolean dotfiles, java.util.function.Function<String, String> typeOf) throws IOException {
        PathResolver resolver = new PathResolver(root, dotfiles);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new FolderZip(resolver, typeOf).write(resolver.root().resolve("share"), "share", out, () -> { });
        return out.toByteArray();
    }

    private static Map<String, String> entries(byte[] zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    @Test
    void writesTheFolderUnderItsOwnNameFoldersFirstInTheListingsOrder() throws IOException {
        assertThat(entries(zip(false, TYPES::typeOf))).containsExactly(
                Map.entry("share/", ""), Map.entry("share/sub/", ""), Map.entry("share/sub/c.txt", "charlie"),
                Map.entry("share/a.txt", "alpha"), Map.entry("share/b.txt", "bravo"));
    }

    @Test
    void storesFoldersAsEmptyEntriesAsZipToolsDo() throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip(false, TYPES::typeOf)))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    assertThat(entry.getMethod()).as(entry.getName()).isEqualTo(ZipEntry.STORED);
                    assertThat(entry.getSize()).as(entry.getName()).isZero();
                }
            }
        }
    }

    @Test
    void leavesOutAFileThatVanishedAndGoesOn() throws IOException {
        byte[] zip = zip(false, name -> {
            if (name.equals("a.txt")) {
                try {
                    Files.delete(folder.resolve("a.txt")); // gone after the listing, before the open
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return TYPES.typeOf(name);
        });

        assertThat(entries(zip)).containsOnlyKeys("share/", "share/sub/", "share/sub/c.txt", "share/b.txt");
    }

    @Test
    void followsALinkToAFolderInsideOnceAndNeverALinkBackIntoItself() throws IOException {
        Files.createSymbolicLink(folder.resolve("sub/up"), Path.of(".."));
        Files.createSymbolicLink(folder.resolve("sub/self"), Path.of("."));
        Files.createDirectories(root.resolve("elsewhere"));
        Files.writeString(root.resolve("elsewhere/e.txt"), "echo");
        Files.createSymbolicLink(folder.resolve("other"), Path.of("../elsewhere"));

        assertThat(entries(zip(false, TYPES::typeOf)).keySet()).containsExactly(
                "share/", "share/other/", "share/other/e.txt", "share/sub/", "share/sub/c.txt", "share/a.txt",
                "share/b.txt");
    }

    @Test
    void tellsItIsAliveWhileItReadsAStoredFileThrough() throws IOException {
        Files.write(folder.resolve("photo.png"), new byte[1024 * 1024]);
        PathResolver resolver = new PathResolver(root, false);
        AtomicInteger alive = new AtomicInteger();

        new FolderZip(resolver, TYPES::typeOf).write(resolver.root().resolve("share"), "share",
                OutputStream.nullOutputStream(), alive::incrementAndGet);

        assertThat(alive.get()).isGreaterThanOrEqualTo(2 * 16); // 1 MiB read twice, 64 KiB at a time
    }

    @Test
    void writesNothingMoreOnceTheClientWentAwayNotEvenACentralDirectory() throws IOException {
        Files.write(folder.resolve("photo.png"), new byte[1024 * 1024]);
        PathResolver resolver = new PathResolver(root, false);
        AtomicInteger writesAfterFailure = new AtomicInteger();
        OutputStream failing = new OutputStream() {
            long count;
            boolean failed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                if (failed) {
                    writesAfterFailure.incrementAndGet();
                }
                count += length;
                if (count > 100_000) {
                    failed = true;
                    throw new IOException("connection reset");
                }
            }
        };

        assertThatThrownBy(() -> new FolderZip(resolver, TYPES::typeOf).write(resolver.root().resolve("share"), "share",
                failing, () -> { })).isInstanceOf(IOException.class).hasMessage("connection reset");
        assertThat(writesAfterFailure).hasValue(0);
    }
}
