package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.SiteOptions;
import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestFiles;
import httpd.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ?download=zip} on a real server: the ZIP read back with java.util.zip, and HTTP framing kept right. */
class FolderDownloadIT {
    private static final Instant MODIFIED = Instant.parse("2025-05-06T07:08:09Z");
    private static final String ZIP_HEAD = "HTTP/1.1 200 OK\r\n"
            + "Date: " + TestServer.DATE + "\r\n"
            + "Server: " + TestServer.SERVER + "\r\n"
            + "Content-Type: application/zip\r\n"
            + "Content-Disposition: attachment; filename=\"share.zip\"\r\n"
            + "Cache-Control: no-store\r\n"
            + "Accept-Ranges: none\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n";

    @TempDir
    Path temp;
    Path root;
    byte[] photo;
    TestServer server;

    /** One entry as read back: its name, method, time and bytes. */
    record Entry(String name, int method, Instant modified, byte[] bytes) {
        @Override
        public String toString() {
            return name + (method == ZipEntry.STORED ? " stored " : " deflated ") + modified + " " + bytes.length + " B";
        }
    }

    @BeforeEach
    void createSite() throws IOException {
        root = Files.createDirectory(temp.resolve("www"));
        write("share/notes.txt", "notes, notes, notes, notes, notes, notes, notes, notes\n".repeat(100));
        photo = new byte[200 * 1024];
        new Random(7).nextBytes(photo);
        Files.write(root.resolve("share/photo.png"), photo);
        Files.setLastModifiedTime(root.resolve("share/photo.png"), FileTime.from(MODIFIED));
        write("share/sub/deeper/readme.md", "# deep\n");
        Files.createDirectories(root.resolve("share/empty"));
        write("share/.hidden", "secret");
        write("share/.git/config", "[core]\n");
        Files.writeString(temp.resolve("outside.txt"), "outside the root");
        Files.createSymbolicLink(root.resolve("share/outside-link.txt"), temp.resolve("outside.txt"));
        Files.createSymbolicLink(root.resolve("share/outside-dir"), temp);
        Files.createSymbolicLink(root.resolve("share/inside-link.md"), Path.of("sub/deeper/readme.md"));
        for (String folder : List.of("share/sub/deeper", "share/sub", "share/empty", "share/.git", "share")) {
            Files.setLastModifiedTime(root.resolve(folder), FileTime.from(MODIFIED));
        }
        server = TestServer.start(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void write(String name, String content) throws IOException {
        TestFiles.write(root, name, content, MODIFIED);
    }

    private static List<Entry> unzip(InputStream zip) {
        List<Entry> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(zip, StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(new Entry(entry.getName(), entry.getMethod(), entry.getLastModifiedTime().toInstant(),
                        in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static List<Entry> unzip(byte[] zip) {
        return unzip(new ByteArrayInputStream(zip));
    }

    private static List<String> names(List<Entry> entries) {
        return entries.stream().map(Entry::name).toList();
    }

    private Entry entry(List<Entry> entries, String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void zipsANestedFolderExactlyAsItsListingsShowItByteForByte() throws IOException {
        RawResponse response = RawClient.exchange(server, RawClient.get("/share/?download=zip"));
        List<Entry> entries = unzip(response.body());

        assertThat(response.head()).isEqualTo(ZIP_HEAD);
        // folders first, then files, by name: the listing's order; dotfiles and links out of the root left out
        assertThat(names(entries)).containsExactly("share/", "share/empty/", "share/sub/", "share/sub/deeper/",
                "share/sub/deeper/readme.md", "share/inside-link.md", "share/notes.txt", "share/photo.png");
        assertThat(entry(entries, "share/notes.txt").bytes()).isEqualTo(Files.readAllBytes(root.resolve("share/notes.txt")));
        assertThat(entry(entries, "share/photo.png").bytes()).isEqualTo(photo);
        assertThat(entry(entries, "share/sub/deeper/readme.md").bytes()).isEqualTo("# deep\n".getBytes(StandardCharsets.UTF_8));
        assertThat(entry(entries, "share/inside-link.md").bytes()).isEqualTo("# deep\n".getBytes(StandardCharsets.UTF_8));
        assertThat(entries).allSatisfy(e -> assertThat(e.modified()).isEqualTo(MODIFIED));
    }

    @Test
    void storesAPngAsItIsAndDeflatesText() {
        List<Entry> entries = unzip(RawClient.exchange(server, RawClient.get("/share/?download=zip")).body());

        assertThat(entry(entries, "share/photo.png").method()).isEqualTo(ZipEntry.STORED);
        assertThat(entry(entries, "share/notes.txt").method()).isEqualTo(ZipEntry.DEFLATED);
        assertThat(entry(entries, "share/sub/deeper/readme.md").method()).isEqualTo(ZipEntry.DEFLATED);
    }

    @Test
    void includesDotfilesWhenTheyAreServed() {
        try (TestServer dotfiles = TestServer.start(new SiteOptions(root, true, true, false, "no-cache", false, true))) {
            List<Entry> entries = unzip(RawClient.exchange(dotfiles, RawClient.get("/share/?download=zip")).body());

            assertThat(names(entries)).contains("share/.git/", "share/.git/config", "share/.hidden")
                    .doesNotContain("share/outside-link.txt", "share/outside-dir/");
            assertThat(entry(entries, "share/.hidden").bytes()).isEqualTo("secret".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void endsTheZipByClosingOnHttp10() {
        try (RawClient client = server.connect()) {
            String response = client.send("GET /share/?download=zip HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                    .readToEnd();
            int end = response.indexOf("\r\n\r\n");

            assertThat(response.substring(0, end + 4)).isEqualTo(ZIP_HEAD.replace("Transfer-Encoding: chunked\r\n", "Connection: close\r\n"));
            List<Entry> entries = unzip(response.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1));
            assertThat(entry(entries, "share/photo.png").bytes()).isEqualTo(photo);
        }
    }

    @Test
    void keepsTheConnectionAfterAChunkedZip() {
        try (RawClient client = server.connect()) {
            RawResponse zip = client.send(RawClient.get("/share/?download=zip")).readResponse();
            RawResponse next = client.send(RawClient.get("/share/notes.txt")).readResponse();

            assertThat(zip.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(zip.header("Connection")).isNull();
            assertThat(names(unzip(zip.body()))).hasSize(8);
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.bodyText()).startsWith("notes, notes");
        }
    }

    @Test
    void answersHeadWithTheHeadOfTheGetAndNoBody() {
        try (RawClient client = server.connect()) {
            RawResponse head = client.send("HEAD /share/?download=zip HTTP/1.1\r\nHost: x\r\n\r\n").readResponse(true);
            RawResponse next = client.send(RawClient.get("/share/sub/deeper/readme.md")).readResponse();

            assertThat(head.head()).isEqualTo(ZIP_HEAD);
            assertThat(next.bodyText()).isEqualTo("# deep\n"); // nothing of a body came between
        }
    }

    @Test
    void namesTheRootsZipAfterTheRootFolder() {
        RawResponse response = RawClient.exchange(server, RawClient.get("/?download=zip"));

        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"www.zip\"");
        assertThat(names(unzip(response.body()))).startsWith("www/", "www/share/").contains("www/share/photo.png");
    }

    @Test
    void namesTheZipOfAFolderWithANonAsciiNameInUtf8Too() throws IOException {
        write("caf\u00e9 photos/a.txt", "a");

        RawResponse response = RawClient.exchange(server, RawClient.get("/caf%C3%A9%20photos/?download=zip"));

        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"caf_ photos.zip\"; filename*=UTF-8''caf%C3%A9%20photos.zip");
        assertThat(names(unzip(response.body()))).containsExactly("caf\u00e9 photos/", "caf\u00e9 photos/a.txt");
    }

    @Test
    void linksToTheZipFromEveryListingPage() {
        String html = RawClient.exchange(server, RawClient.get("/share/sub/")).bodyText();

        assertThat(html).contains("<p class=\"download\"><a href=\"?download=zip\" download>Download as .zip</a></p>");
    }

    @Test
    void answers404ForTheZipWhenListingsAreOffAndTheIndexForAFolderThatHasOne() throws IOException {
        write("site/index.html", "<h1>site</h1>");
        try (TestServer noListing = TestServer.start(new SiteOptions(root, false, false, false, "no-cache", false, true))) {
            assertThat(RawClient.exchange(noListing, RawClient.get("/share/?download=zip")).status()).isEqualTo(404);
        }
        RawResponse index = RawClient.exchange(server, RawClient.get("/site/?download=zip"));
        assertThat(index.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(index.bodyText()).isEqualTo("<h1>site</h1>");
    }

    @Test
    void tellsTheTraceWhyItIsAZip() {
        List<List<String>> whys = new CopyOnWriteArrayList<>();
        Trace trace = new Trace() {
            @Override
            public void exchanged(Exchanged exchange) {
                whys.add(exchange.why());
            }
        };
        try (TestServer traced = TestServer.start(SiteOptions.defaults(root), UnaryOperator.identity(),
                UnaryOperator.identity(), TransportFactory.PLAIN, trace)) {
            RawClient.exchange(traced, RawClient.get("/share/?download=zip"));
        }
        assertThat(whys).hasSize(1);
        assertThat(whys.get(0)).contains("/share/?download=zip → the folder as a ZIP, made as it is sent: no length, "
                + "no ETag, no ranges; compressed types stored, the rest deflated; only what its listings show (RFC 6266)");
    }

    @Test
    void cutsAZipWhoseClientStoppedReadingAndFreesItsTransferThread() throws IOException {
        TestFiles.sparse(Files.createDirectories(root.resolve("big")).resolve("video.mp4"), 256L * 1024 * 1024);
        try (TestServer cutting = TestServer.start(root, c -> c.threads(1).transferThreads(1)
                .sendTimeout(Duration.ofSeconds(1)));
                Socket stalled = new Socket("127.0.0.1", cutting.port())) {
            stalled.setReceiveBufferSize(16 * 1024);
            stalled.getOutputStream().write(RawClient.get("/big/?download=zip").getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(stalled.getInputStream().readNBytes(15), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 200 OK");

            // the only transfer thread is free again once the watchdog cuts the stalled zip
            try (RawClient client = cutting.connect()) {
                RawResponse response = client.send(RawClient.get("/share/?download=zip")).readResponse();
                assertThat(entry(unzip(response.body()), "share/photo.png").bytes()).isEqualTo(photo);
            }
        }
    }

    /**
     * ZIP64 by size rather than by count: one 5 GiB sparse file costs no disk and is quicker to make than 65,536
     * files. It is a video, so stored: its size and CRC-32 are in its header, in the ZIP64 extra field.
     */
    @Test
    void zipsAFileOverFourGibibytesWithZip64() throws Exception {
        long size = 5L * 1024 * 1024 * 1024;
        Path large = TestFiles.sparse(Files.createDirectories(root.resolve("large")).resolve("movie.mp4"), size);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = client.send(
                HttpRequest.newBuilder(server.uri("/large/?download=zip")).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofInputStream());

        Tail tail = new Tail(response.body(), 256);
        List<String> names = new ArrayList<>();
        long read = 0;
        CRC32 crc = new CRC32();
        try (ZipInputStream zip = new ZipInputStream(tail, StandardCharsets.UTF_8)) {
            byte[] buffer = new byte[256 * 1024];
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    crc.update(buffer, 0, n);
                    read += n;
                }
            }
            tail.readAllBytes(); // the central directory, past the last entry
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(names).containsExactly("large/", "large/movie.mp4");
        assertThat(read).isEqualTo(size);
        assertThat(crc.getValue()).isEqualTo(crcOfSparse(size));
        assertThat(Files.size(large)).isEqualTo(size);
        // the ZIP64 end of central directory record (APPNOTE 4.3.14), then its locator, then the classic end
        assertThat(indexOf(tail.last(), new byte[] {0x50, 0x4b, 0x06, 0x06})).isNotNegative();
        assertThat(indexOf(tail.last(), new byte[] {0x50, 0x4b, 0x06, 0x07})).isNotNegative();
    }

    /** The CRC-32 of a file made by {@link TestFiles#sparse}: zeros, then the byte 42. */
    private static long crcOfSparse(long size) {
        CRC32 crc = new CRC32();
        byte[] zeros = new byte[1024 * 1024];
        for (long left = size - 1; left > 0; left -= Math.min(left, zeros.length)) {
            crc.update(zeros, 0, (int) Math.min(left, zeros.length));
        }
        crc.update(42);
        return crc.getValue();
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            if (Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    /** A stream that keeps its last bytes, for what java.util.zip's stream reader never looks at. */
    private static final class Tail extends java.io.FilterInputStream {
        private final byte[] last;
        private long count;

        Tail(InputStream in, int keep) {
            super(in);
            this.last = new byte[keep];
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                keep(new byte[] {(byte) b}, 0, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int n = super.read(bytes, offset, length);
            if (n > 0) {
                keep(bytes, offset, n);
            }
            return n;
        }

        private void keep(byte[] bytes, int offset, int n) {
            int kept = Math.min(n, last.length);
            System.arraycopy(last, kept, last, 0, last.length - kept);
            System.arraycopy(bytes, offset + n - kept, last, last.length - kept, kept);
            count += n;
        }

        byte[] last() {
            return Arrays.copyOfRange(last, last.length - (int) Math.min(count, last.length), last.length);
        }
    }
}
