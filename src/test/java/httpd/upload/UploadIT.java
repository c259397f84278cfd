package httpd.upload;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.SiteOptions;
import httpd.files.UploadFolders;
import httpd.server.Trace;
import httpd.server.TransportFactory;
import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Uploads on a real server: files appear whole or not at all, under a checked name, inside the root. */
class UploadIT {
    private static final long CAP = 1_000_000;
    private static final String BOUNDARY = "xYzBoundary42";

    @TempDir
    Path base;
    Path root;
    TestServer server;
    /** Counts connections the server has closed, so a test can wait for one to end without sleeping. */
    final List<CountDownLatch> closings = new ArrayList<>();

    private void start(UploadOptions options, FileSaver.Channels channels) throws IOException {
        start(options, channels, 8);
    }

    private void start(UploadOptions options, FileSaver.Channels channels, int transferThreads) throws IOException {
        root = Files.createDirectories(base.resolve("www"));
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("existing.txt"), "old");
        SiteOptions site = SiteOptions.defaults(root).withUploadForm(true);
        UploadFolders folders = new UploadFolders(site);
        Trace closingsTrace = new Trace() {
            @Override
            public void closed(long connection, int requests, String how) {
                synchronized (closings) {
                    closings.forEach(CountDownLatch::countDown);
                }
            }
        };
        server = TestServer.start(site, c -> c.sendTimeout(Duration.ofSeconds(5)).transferThreads(transferThreads),
                files -> new UploadHandler(files, options, folders, false, channels), TransportFactory.PLAIN,
                closingsTrace);
    }

    private void start() throws IOException {
        start(new UploadOptions(true, false, CAP), FileSaver.Channels.DISK);
    }

    private CountDownLatch nextClosing() {
        CountDownLatch latch = new CountDownLatch(1);
        synchronized (closings) {
            closings.add(latch);
        }
        return latch;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private RawResponse raw(String head, byte[] body) {
        try (RawClient client = server.connect()) {
            client.send(head.getBytes(StandardCharsets.UTF_8));
            client.send(body);
            return client.readResponse();
        }
    }

    private RawResponse put(String path, byte[] body) {
        return raw("PUT " + path + " HTTP/1.1\r\nHost: t\r\nContent-Length: " + body.length + "\r\n\r\n", body);
    }

    private RawResponse postForm(String path, byte[] form) {
        return raw("POST " + path + " HTTP/1.1\r\nHost: t\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                + "\r\nContent-Length: " + form.length + "\r\n\r\n", form);
    }

    private static byte[] form(String fileName, byte[] content) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocate(head.length + content.length + tail.length).put(head).put(content).put(tail).array();
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Every file under the base folder (the root and beside it), temporary ones included, as relative paths. */
    private List<String> everyFile() {
        try (Stream<Path> files = Files.walk(base)) {
            return files.filter(Files::isRegularFile).map(p -> base.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void putSavesANewFileAndAnswers201WithItsLocation() throws IOException {
        start();
        byte[] content = random(300_000, 1);

        RawResponse response = put("/sub/photo%201.jpg", content);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).isEqualTo("/sub/photo%201.jpg");
        assertThat(response.bodyText()).isEqualTo("saved /sub/photo%201.jpg (300000 bytes)\n");
        assertThat(Files.readAllBytes(root.resolve("sub/photo 1.jpg"))).isEqualTo(content);
        assertThat(everyFile()).containsExactly("www/existing.txt", "www/sub/photo 1.jpg");
    }

    @Test
    void putOntoAnExistingFileIs409AtOnceWithoutAskingForTheBody() throws IOException {
        start();
        try (RawClient client = server.connect()) {
            client.send("PUT /existing.txt HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            RawResponse response = client.readResponse();

            assertThat(response.status()).isEqualTo(409); // not 100: the client sends nothing in vain
            assertThat(response.bodyText()).contains("existing.txt exists, and uploads never overwrite it");
        }
        assertThat(Files.readString(root.resolve("existing.txt"))).isEqualTo("old");
    }

    @Test
    void sends100ContinueWhenTheUploadIsWanted() throws IOException {
        start();
        try (RawClient client = server.connect()) {
            client.send("PUT /new.txt HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
            RawResponse interim = client.readResponse();
            assertThat(interim.head()).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");

            client.send("hello");
            assertThat(client.readResponse().status()).isEqualTo(201);
        }
        assertThat(Files.readString(root.resolve("new.txt"))).isEqualTo("hello");
    }

    @Test
    void putReplacesAFileOnlyWithOverwriteOn() throws IOException {
        start(new UploadOptions(true, true, CAP), FileSaver.Channels.DISK);

        RawResponse response = put("/existing.txt", "new".getBytes(StandardCharsets.US_ASCII));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("replaced /existing.txt (3 bytes)\n");
        assertThat(Files.readString(root.resolve("existing.txt"))).isEqualTo("new");
        assertThat(put("/sub", new byte[1]).status()).isEqualTo(409); // a folder is never replaced
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..%2Fescape.txt", "/sub/..%2F..%2Fescape.txt", "/a%00b.txt", "/a%0Ab.txt", "/a%1Bb.txt",
            "/.env", "/sub/.htaccess", "/sub%5C..%5Cescape.txt", "/trailing.", "/%C0%AE%C0%AE%2Fescape",
            "/%ff.txt"})
    void refusesAPutWhoseNameIsNoPlainFileNameAndWritesNothing(String path) throws IOException {
        start();

        RawResponse response = put(path, "evil".getBytes(StandardCharsets.US_ASCII));

        assertThat(response.status()).isEqualTo(400);
        assertThat(everyFile()).containsExactly("www/existing.txt");
    }

    @Test
    void refusesANameLongerThanFileSystemsTake() throws IOException {
        start();
        assertThat(put("/" + "a".repeat(256), new byte[1]).status()).isEqualTo(400);
        assertThat(put("/" + "a".repeat(255), new byte[1]).status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape.txt", "../../escape.txt", "sub/x.txt", "..\\\\escape.txt", ".htaccess",
            "a%0Ab.txt", "..", "tab\there.txt"})
    void refusesAFormUploadWhoseFileNameIsNoPlainFileNameAndWritesNothing(String fileName) throws IOException {
        start();

        RawResponse response = postForm("/sub/", form(fileName, "evil".getBytes(StandardCharsets.US_ASCII)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(everyFile()).containsExactly("www/existing.txt");
    }

    @Test
    void refusesAnUploadIntoASymlinkThatLeavesTheRoot() throws IOException {
        start();
        Path outside = Files.createDirectories(base.resolve("outside"));
        Files.createSymbolicLink(root.resolve("link"), outside);

        assertThat(put("/link/x.txt", new byte[1]).status()).isEqualTo(409);
        assertThat(postForm("/link/", form("x.txt", new byte[1])).status()).isEqualTo(409);
        assertThat(postForm("/missing/", form("x.txt", new byte[1])).status()).isEqualTo(409);
        assertThat(outside).isEmptyDirectory();
        assertThat(put("/missing/x.txt", new byte[1]).status()).isEqualTo(409);
    }

    @Test
    void aFormUploadSavesEachFileBesideTheOthersAndGoesBackToTheListing() throws IOException {
        start();
        Files.writeString(root.resolve("sub/photo.jpg"), "first");

        RawResponse response = postForm("/sub/", form("photo.jpg", "second".getBytes(StandardCharsets.US_ASCII)));
        RawResponse again = postForm("/sub/", form("photo.jpg", "third".getBytes(StandardCharsets.US_ASCII)));

        assertThat(response.status()).isEqualTo(303);
        assertThat(response.header("Location")).isEqualTo("/sub/");
        assertThat(response.bodyText()).isEqualTo("saved photo (1).jpg (6 bytes)\n");
        assertThat(again.bodyText()).isEqualTo("saved photo (2).jpg (5 bytes)\n");
        assertThat(Files.readString(root.resolve("sub/photo.jpg"))).isEqualTo("first");
        assertThat(Files.readString(root.resolve("sub/photo (1).jpg"))).isEqualTo("second");
        assertThat(Files.readString(root.resolve("sub/photo (2).jpg"))).isEqualTo("third");
    }

    @Test
    void refusesAContentLengthOverTheCapBeforeReadingTheBody() throws IOException {
        start();
        try (RawClient client = server.connect()) {
            client.send("PUT /big.bin HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: " + (CAP + 1)
                    + "\r\n\r\n");
            RawResponse response = client.readResponse();

            assertThat(response.status()).isEqualTo(413);
        }
        assertThat(everyFile()).containsExactly("www/existing.txt");
    }

    @Test
    void stopsAChunkedUploadThatPassesTheCapAndKeepsNothing() throws IOException {
        start();
        CountDownLatch closed = nextClosing();
        RawResponse response;
        try (RawClient client = server.connect()) {
            client.send("PUT /big.bin HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n");
            byte[] chunk = random(100_000, 3);
            for (int i = 0; i < 11; i++) {
                client.send(("186A0\r\n").getBytes(StandardCharsets.US_ASCII));
                client.send(chunk);
                client.send("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            response = client.readResponse();
        }
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.header("Connection")).isEqualTo("close");
        awaitClosed(closed);
        assertThat(everyFile()).containsExactly("www/existing.txt");
    }

    @Test
    void anUploadCutOffHalfwayLeavesNothingBehind() throws IOException {
        start();
        CountDownLatch closed = nextClosing();
        try (RawClient client = server.connect()) {
            client.send("PUT /half.bin HTTP/1.1\r\nHost: t\r\nContent-Length: 900000\r\n\r\n");
            client.send(random(450_000, 4));
        }
        awaitClosed(closed);
        assertThat(everyFile()).containsExactly("www/existing.txt");
    }

    @Test
    void aTricklingUploadGivesWayToADownloadWaitingForItsThread() throws Exception {
        start(new UploadOptions(true, false, CAP), FileSaver.Channels.DISK, 1);
        byte[] large = random(300_000, 9);
        Files.write(root.resolve("large.bin"), large);
        CountDownLatch closed = nextClosing();
        try (RawClient trickle = server.connect()) {
            trickle.send("PUT /slow.bin HTTP/1.1\r\nHost: t\r\nContent-Length: 900000\r\n\r\n");
            trickle.send(random(10, 10)); // then nothing: it holds the only transfer thread
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/large.bin")).timeout(Duration.ofSeconds(60))
                    .build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(large);
            awaitClosed(closed); // the watchdog cut the upload under the rate floor
        }
        assertThat(everyFile()).containsExactly("www/existing.txt", "www/large.bin");
    }

    @Test
    void anUploadStillArrivingIsHiddenEvenWithDotfilesAndItsNameCannotBeTaken() throws IOException {
        start(new UploadOptions(true, true, CAP), FileSaver.Channels.DISK);
        Files.writeString(root.resolve(".httpd-upload-0123456789abcdef.part"), "half");

        RawResponse get = raw("GET /.httpd-upload-0123456789abcdef.part HTTP/1.1\r\nHost: t\r\n\r\n", new byte[0]);
        RawResponse put = put("/.httpd-upload-0123456789abcdef.part", "swap".getBytes(StandardCharsets.US_ASCII));

        assertThat(get.status()).isEqualTo(404);
        assertThat(put.status()).isEqualTo(400);
        assertThat(Files.readString(root.resolve(".httpd-upload-0123456789abcdef.part"))).isEqualTo("half");
    }

    @Test
    void aMalformedChunkedBodyIs400AndKeepsNothing() throws IOException {
        start();
        RawResponse response = raw("PUT /bad.bin HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n",
                "5\r\nhello\r\nzz\r\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("chunk size is not hexadecimal");
        assertThat(everyFile()).containsExactly("www/existing.txt");
    }

    @Test
    void aFullDiskIs507AndKeepsNothing() throws IOException {
        FileSaver.Channels fillsAfter64KiB = file -> new FullDiskChannel(FileSaver.Channels.DISK.create(file), 65_536);
        start(new UploadOptions(true, false, CAP), fillsAfter64KiB);

        RawResponse response = put("/sub/video.mp4", random(200_000, 5));
        RawResponse form = postForm("/sub/", form("video.mp4", random(200_000, 6)));

        assertThat(response.status()).isEqualTo(507);
        assertThat(response.bodyText()).contains("the server&#39;s disk is full");
        assertThat(form.status()).isEqualTo(507);
        assertThat(everyFile()).containsExactly("www/existing.txt");
    }

    @Test
    void fiftyUploadsAtOnceArriveByteForByte() throws Exception {
        start();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            byte[] content = random(20_000 + i * 1000, 100 + i);
            contents.add(content);
            sent.add(client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/sub/file-" + i + ".bin")).timeout(Duration.ofSeconds(60))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < 50; i++) {
            assertThat(sent.get(i).get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
            assertThat(Files.readAllBytes(root.resolve("sub/file-" + i + ".bin"))).isEqualTo(contents.get(i));
        }
        assertThat(everyFile()).hasSize(51);
    }

    @Test
    void theConnectionGoesOnAfterAnUpload() throws IOException {
        start();
        try (RawClient client = server.connect()) {
            client.send("PUT /a.txt HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\nA");
            assertThat(client.readResponse().status()).isEqualTo(201);
            client.send("GET /a.txt HTTP/1.1\r\nHost: t\r\n\r\n");
            RawResponse response = client.readResponse();
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.bodyText()).isEqualTo("A");
        }
    }

    @Test
    void optionsAndA405ListTheUploadMethods() throws IOException {
        start();
        RawResponse options = raw("OPTIONS / HTTP/1.1\r\nHost: t\r\n\r\n", new byte[0]);
        RawResponse delete = raw("DELETE /existing.txt HTTP/1.1\r\nHost: t\r\n\r\n", new byte[0]);

        assertThat(options.header("Allow")).isEqualTo("GET, HEAD, OPTIONS, PUT, POST");
        assertThat(delete.status()).isEqualTo(405);
        assertThat(delete.header("Allow")).isEqualTo("GET, HEAD, OPTIONS, PUT, POST");
    }

    @Test
    void aFormUploadThatIsNotMultipartIs415() throws IOException {
        start();
        RawResponse response = raw("POST /sub/ HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\nContent-Length: 1"
                + "\r\n\r\n", "x".getBytes(StandardCharsets.US_ASCII));

        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void theListingCarriesTheDropZone() throws IOException {
        start();
        RawResponse listing = raw("GET /sub/ HTTP/1.1\r\nHost: t\r\n\r\n", new byte[0]);

        assertThat(listing.bodyText()).contains("<form class=\"upload\" method=\"post\" enctype=\"multipart/form-data\">")
                .contains("<input type=\"file\" name=\"file\" multiple id=\"files\">");
    }

    @Test
    void withoutUploadsAPutIs405AndTheListingHasNoForm() {
        Path plain = base.resolve("plain");
        try {
            Files.createDirectories(plain);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (TestServer files = TestServer.start(plain)) {
            RawResponse response = RawClient.exchange(files,
                    "PUT /x.txt HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\nx");
            RawResponse listing = RawClient.exchange(files, "GET / HTTP/1.1\r\nHost: t\r\n\r\n");

            assertThat(response.status()).isEqualTo(405);
            assertThat(listing.bodyText()).doesNotContain("<form");
        }
        assertThat(plain).isEmptyDirectory();
    }

    private static void awaitClosed(CountDownLatch closed) {
        try {
            assertThat(closed.await(30, TimeUnit.SECONDS)).as("the server closed the connection").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A file channel on a disk that is full after a number of bytes. */
    private static final class FullDiskChannel extends FileChannel {
        private final FileChannel real;
        private long room;

        FullDiskChannel(FileChannel real, long room) {
            this.real = real;
            this.room = room;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            if (room < source.remaining()) {
                throw new IOException("No space left on device");
            }
            room -= source.remaining();
            return real.write(source);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return real.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return real.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            real.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, java.nio.channels.WritableByteChannel target)
                throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(java.nio.channels.ReadableByteChannel src, long position, long count)
                throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return real.read(dst, position);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            throw new IOException("No space left on device");
        }

        @Override
        public java.nio.MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new IOException("not here");
        }

        @Override
        public java.nio.channels.FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public java.nio.channels.FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
