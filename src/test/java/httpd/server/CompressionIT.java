package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.SiteOptions;
import httpd.reload.LiveReloadHandler;
import httpd.reload.ReloadEvents;
import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Gzip on the fly on a real server: what is sent decodes to the file byte for byte, and HTTP stays right. */
class CompressionIT {
    @TempDir
    Path root;
    TestServer server;
    byte[] page;
    byte[] large;

    @BeforeEach
    void serve() throws IOException {
        StringBuilder html = new StringBuilder("<!doctype html><title>t</title><body>\n");
        for (int i = 0; html.length() < 8000; i++) {
            html.append("<p class=\"row\">line ").append(i).append(" of a page that compresses well</p>\n");
        }
        page = html.append("</body>\n").toString().getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("page.html"), page);
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < 1_200_000; i++) { // over OnTheFly.WHOLE_BYTES: streamed
            text.append("line ").append(i * 7919 % 10007).append(": some log text, repeated with changes\n");
        }
        large = text.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(root.resolve("large.txt"), large);
        Files.write(root.resolve("tiny.css"), "p{}".getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve("photo.png"), new byte[4096]);
        server = TestServer.start(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RawResponse get(String path, String... headers) {
        return RawClient.exchange(server, RawClient.get(path, headers));
    }

    static byte[] gunzip(byte[] encoded) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(encoded))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void sendsASmallTextFileGzipEncodedWithItsLengthAndAnEtagOfItsOwn() {
        RawResponse identity = get("/page.html");
        RawResponse encoded = get("/page.html", "Accept-Encoding: gzip, deflate, br");

        assertThat(encoded.status()).isEqualTo(200);
        assertThat(encoded.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(encoded.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(encoded.header("Content-Length")).isEqualTo(Integer.toString(encoded.body().length));
        assertThat(encoded.body().length).isLessThan(page.length / 3);
        assertThat(gunzip(encoded.body())).isEqualTo(page);
        assertThat(encoded.header("ETag")).isEqualTo(identity.header("ETag").replaceFirst("\"$", "-gzip\""));
        assertThat(identity.header("Content-Encoding")).isNull();
        assertThat(identity.header("Vary")).isEqualTo("Accept-Encoding"); // compressible, so it varies either way
        assertThat(identity.body()).isEqualTo(page);
    }

    @Test
    void encodesASettledFileOnceAndSendsTheKeptEncodingAfter() throws IOException {
        Files.setLastModifiedTime(root.resolve("page.html"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        java.util.List<java.util.List<String>> whys = new java.util.concurrent.CopyOnWriteArrayList<>();
        Trace trace = new Trace() {
            @Override
            public void exchanged(Exchanged exchange) {
                whys.add(exchange.why());
            }
        };
        try (TestServer traced = TestServer.start(SiteOptions.defaults(root), UnaryOperator.identity(),
                UnaryOperator.identity(), TransportFactory.PLAIN, trace)) {
            RawResponse first = RawClient.exchange(traced, RawClient.get("/page.html", "Accept-Encoding: gzip"));
            RawResponse second = RawClient.exchange(traced, RawClient.get("/page.html", "Accept-Encoding: gzip"));

            assertThat(second.body()).isEqualTo(first.body());
            assertThat(gunzip(second.body())).isEqualTo(page);
        }
        assertThat(whys).hasSize(2);
        assertThat(whys.get(0)).contains(
                "gzip-encoded (Accept-Encoding) now, whole; kept for the next request once the file has settled (RFC 9110 §8.4.1.3)");
        assertThat(whys.get(1)).contains(
                "gzip-encoded (Accept-Encoding): the encoding kept from an earlier request for this version (RFC 9110 §8.4.1.3)");
    }

    @Test
    void streamsALargeTextFileChunkedAndKeepsTheConnection() {
        try (RawClient client = server.connect()) {
            RawResponse first = client.send(RawClient.get("/large.txt", "Accept-Encoding: gzip")).readResponse();
            RawResponse second = client.send(RawClient.get("/page.html", "Accept-Encoding: gzip")).readResponse();

            assertThat(first.header("Transfer-Encoding")).isEqualTo("chunked");
            assertThat(first.header("Content-Length")).isNull();
            assertThat(first.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(gunzip(first.body())).isEqualTo(large);
            assertThat(second.status()).isEqualTo(200);
            assertThat(gunzip(second.body())).isEqualTo(page);
        }
    }

    @Test
    void cutsAnEncodedStreamWhoseClientStoppedReadingAndFreesItsTransferThread() throws IOException {
        // 64 MiB of hex digits: text, so it is encoded, yet still ~30 MiB encoded, far more than socket buffers hold
        java.util.Random random = new java.util.Random(1);
        try (java.io.OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(root.resolve("hex.txt")))) {
            byte[] line = new byte[1024];
            for (int i = 0; i < 64 * 1024; i++) {
                for (int j = 0; j < line.length - 1; j++) {
                    line[j] = (byte) "0123456789abcdef".charAt(random.nextInt(16));
                }
                line[line.length - 1] = '\n';
                out.write(line);
            }
        }
        try (TestServer cutting = TestServer.start(root, c -> c.threads(1).transferThreads(1)
                .sendTimeout(Duration.ofSeconds(1)));
                java.net.Socket stalled = new java.net.Socket("127.0.0.1", cutting.port())) {
            stalled.setReceiveBufferSize(16 * 1024);
            stalled.getOutputStream().write(RawClient.get("/hex.txt", "Accept-Encoding: gzip")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(stalled.getInputStream().readNBytes(15), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 200 OK");

            // the only transfer thread is free again once the watchdog cuts the stalled stream
            try (RawClient client = cutting.connect()) {
                RawResponse response = client.send(RawClient.get("/large.txt", "Accept-Encoding: gzip")).readResponse();
                assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
                assertThat(gunzip(response.body())).isEqualTo(large);
            }
        }
    }

    @Test
    void endsALargeEncodedBodyByClosingOnHttp10() {
        try (RawClient client = server.connect()) {
            String response = client.send("GET /large.txt HTTP/1.0\r\nAccept-Encoding: gzip\r\n\r\n").readToEnd();
            int end = response.indexOf("\r\n\r\n");
            String head = response.substring(0, end);
            byte[] body = response.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);

            assertThat(head).contains("\r\nContent-Encoding: gzip\r\n", "\r\nConnection: close")
                    .doesNotContain("Content-Length", "Transfer-Encoding");
            assertThat(gunzip(body)).isEqualTo(large);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/page.html", "/large.txt"})
    void answersHeadWithTheHeadOfTheGet(String path) {
        try (RawClient client = server.connect()) {
            RawResponse get = client.send(RawClient.get(path, "Accept-Encoding: gzip")).readResponse();
            RawResponse head = client.send("HEAD " + path + " HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\n\r\n")
                    .readResponse(true);

            assertThat(head.head()).isEqualTo(get.head());
        }
    }

    @Test
    void revalidatesByTheEncodedEtag() {
        String etag = get("/page.html", "Accept-Encoding: gzip").header("ETag");
        String identityTag = get("/page.html").header("ETag");

        RawResponse notModified = get("/page.html", "Accept-Encoding: gzip", "If-None-Match: " + etag);
        RawResponse otherRepresentation = get("/page.html", "Accept-Encoding: gzip", "If-None-Match: " + identityTag);

        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        assertThat(notModified.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(otherRepresentation.status()).isEqualTo(200);
        assertThat(otherRepresentation.header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void answersARangeFromTheFileAsItIs() {
        RawResponse range = get("/page.html", "Accept-Encoding: gzip", "Range: bytes=0-14");

        assertThat(range.status()).isEqualTo(206);
        assertThat(range.header("Content-Encoding")).isNull();
        assertThat(range.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(range.bodyText()).isEqualTo("<!doctype html>");
    }

    @ParameterizedTest(name = "Accept-Encoding: {0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "gzip|gzip", "x-gzip|gzip", "*|gzip", "br;q=1, gzip;q=0.8|gzip", "identity;q=0, gzip|gzip",
        "gzip;q=0|identity", "*;q=0, identity|identity", "gzip;q=0.5, identity|identity", "br|identity",
        "deflate|identity", "''|identity",
    })
    void negotiatesTheCodingByTheRequestsWeights(String acceptEncoding, String sent) {
        RawResponse response = get("/page.html", "Accept-Encoding: " + acceptEncoding);

        assertThat(response.header("Content-Encoding") == null ? "identity" : response.header("Content-Encoding"))
                .isEqualTo(sent);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/photo.png", "/tiny.css"})
    void leavesAloneWhatGainsNothing(String path) {
        RawResponse response = get(path, "Accept-Encoding: gzip");

        assertThat(response.header("Content-Encoding")).isNull();
        assertThat(response.header("Vary")).isNull();
    }

    @Test
    void sendsTheCustom404PageGzipEncodedAndStill404() throws IOException {
        Files.write(root.resolve("404.html"), page);

        RawResponse missing = get("/nope", "Accept-Encoding: gzip");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(missing.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(gunzip(missing.body())).isEqualTo(page);
    }

    @Test
    void prefersAPrecompressedSiblingThatIsNotOlderAndEncodesOnTheFlyWhenItIs() throws IOException {
        byte[] sibling = "not really gzip, but the sibling's bytes".getBytes(StandardCharsets.US_ASCII);
        Path gz = Files.write(root.resolve("page.html.gz"), sibling);
        java.nio.file.attribute.FileTime pageTime = Files.getLastModifiedTime(root.resolve("page.html"));
        Files.setLastModifiedTime(gz, java.nio.file.attribute.FileTime.fromMillis(pageTime.toMillis() + 1000));

        RawResponse newer = get("/page.html", "Accept-Encoding: gzip");
        Files.setLastModifiedTime(gz, java.nio.file.attribute.FileTime.fromMillis(pageTime.toMillis() - 1000));
        RawResponse older = get("/page.html", "Accept-Encoding: gzip");

        assertThat(newer.body()).isEqualTo(sibling);
        assertThat(newer.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gunzip(older.body())).isEqualTo(page);
        assertThat(older.header("ETag")).isNotEqualTo(newer.header("ETag"));
    }

    @Test
    void sendsFilesAsTheyAreWithCompressionOff() {
        try (TestServer plain = TestServer.start(SiteOptions.defaults(root).withCompress(false))) {
            RawResponse response = RawClient.exchange(plain, RawClient.get("/page.html", "Accept-Encoding: gzip"));

            assertThat(response.header("Content-Encoding")).isNull();
            assertThat(response.header("Vary")).isNull();
            assertThat(response.body()).isEqualTo(page);
        }
    }

    @Test
    void putsTheLiveReloadScriptIntoAPageAskedForGzipEncoded() {
        ReloadEvents events = new ReloadEvents(2, Duration.ofSeconds(15));
        try (TestServer watched = TestServer.start(SiteOptions.defaults(root), UnaryOperator.identity(),
                files -> new LiveReloadHandler(files, events))) {
            RawResponse response = RawClient.exchange(watched, RawClient.get("/page.html", "Accept-Encoding: gzip"));
            RawResponse css = RawClient.exchange(watched, RawClient.get("/large.txt", "Accept-Encoding: gzip"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("Content-Encoding")).isNull();
            assertThat(response.bodyText()).contains(LiveReloadHandler.EVENTS_PATH).startsWith("<!doctype html>");
            assertThat(css.header("Content-Encoding")).isEqualTo("gzip");
        } finally {
            events.close();
        }
    }
}
