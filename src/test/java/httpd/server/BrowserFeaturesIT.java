package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.SiteOptions;
import httpd.http.HeaderField;
import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestFiles;
import httpd.testing.TestServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a browser previewing a site relies on: validators, ranges, compression, CORS, custom headers. */
class BrowserFeaturesIT {
    private static final Instant MODIFIED = Instant.parse("2025-05-06T07:08:09Z");
    private static final String LAST_MODIFIED = "Tue, 06 May 2025 07:08:09 GMT";
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"; // 36 bytes

    @TempDir
    Path root;
    TestServer server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void createSite() throws IOException {
        write("digits.txt", DIGITS);
        write("index.html", "<h1>app</h1>\n");
        write("404.html", "<h1>custom 404</h1>\n");
        server = TestServer.start(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(root, name, content, MODIFIED);
    }

    private static String etag(long size, Instant modified, String suffix) {
        return "\"" + Long.toHexString(size) + "-" + Long.toHexString(modified.toEpochMilli()) + suffix + "\"";
    }

    private RawResponse raw(String request) {
        return RawClient.exchange(server, request);
    }

    @Test
    void sendsAStrongEtagAndLastModifiedWithEveryFile() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/digits.txt")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("etag")).contains(etag(36, MODIFIED, ""));
        assertThat(response.headers().firstValue("last-modified")).contains(LAST_MODIFIED);
        assertThat(response.headers().firstValue("cache-control")).contains("no-cache");
        assertThat(response.headers().firstValue("accept-ranges")).contains("bytes");
    }

    @Test
    void answersAMatchingIfNoneMatchWith304AndTheValidators() {
        RawResponse response = raw(RawClient.get("/digits.txt", "If-None-Match: \"nope\", " + etag(36, MODIFIED, "")));

        assertThat(response.text()).isEqualTo("HTTP/1.1 304 Not Modified\r\n"
                + "Date: " + TestServer.DATE + "\r\n"
                + "Server: " + TestServer.SERVER + "\r\n"
                + "Last-Modified: " + LAST_MODIFIED + "\r\n"
                + "ETag: " + etag(36, MODIFIED, "") + "\r\n"
                + "Cache-Control: no-cache\r\n\r\n");
    }

    @Test
    void answersIfModifiedSinceWith304OnlyWhenNotModified() {
        assertThat(raw(RawClient.get("/digits.txt", "If-Modified-Since: " + LAST_MODIFIED)).status()).isEqualTo(304);
        assertThat(raw(RawClient.get("/digits.txt", "If-Modified-Since: Mon, 05 May 2025 00:00:00 GMT")).status()).isEqualTo(200);
        assertThat(raw(RawClient.get("/digits.txt", "If-Modified-Since: garbage")).status()).isEqualTo(200);
        assertThat(raw(RawClient.get("/digits.txt", "If-None-Match: \"other\"", "If-Modified-Since: " + LAST_MODIFIED)).status())
                .isEqualTo(200);
    }

    @Test
    void answersFailedIfMatchAndIfUnmodifiedSinceWith412() {
        assertThat(raw(RawClient.get("/digits.txt", "If-Match: \"other\"")).status()).isEqualTo(412);
        assertThat(raw(RawClient.get("/digits.txt", "If-Unmodified-Since: Mon, 05 May 2025 00:00:00 GMT")).status()).isEqualTo(412);
        assertThat(raw(RawClient.get("/digits.txt", "If-Match: " + etag(36, MODIFIED, ""))).status()).isEqualTo(200);
    }

    @Test
    void changesTheEtagWhenTheFileIsEdited() throws IOException {
        String before = raw(RawClient.get("/digits.txt")).header("ETag");
        Path file = write("digits.txt", DIGITS + "!");

        RawResponse after = raw(RawClient.get("/digits.txt", "If-None-Match: " + before));

        assertThat(after.status()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(before).isEqualTo(etag(37, MODIFIED, ""));
        assertThat(Files.size(file)).isEqualTo(37);
    }

    @Test
    void usesTheConfiguredCacheControl() {
        try (TestServer custom = TestServer.start(new SiteOptions(root, false, true, false, "max-age=60", false, true))) {
            assertThat(RawClient.exchange(custom, RawClient.get("/digits.txt")).header("Cache-Control")).isEqualTo("max-age=60");
        }
    }

    // --- ranges ---

    @Test
    void answersASingleRangeWith206AndExactlyThoseBytes() {
        RawResponse response = raw(RawClient.get("/digits.txt", "Range: bytes=10-15"));

        assertThat(response.status()).isEqualTo(206);
        assertThat(response.header("Content-Range")).isEqualTo("bytes 10-15/36");
        assertThat(response.header("Content-Length")).isEqualTo("6");
        assertThat(response.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.bodyText()).isEqualTo("abcdef");
    }

    @Test
    void answersSuffixAndOpenEndedRanges() {
        assertThat(raw(RawClient.get("/digits.txt", "Range: bytes=-4")).bodyText()).isEqualTo("wxyz");
        assertThat(raw(RawClient.get("/digits.txt", "Range: bytes=30-")).bodyText()).isEqualTo("uvwxyz");
        assertThat(raw(RawClient.get("/digits.txt", "Range: bytes=30-1000")).header("Content-Range")).isEqualTo("bytes 30-35/36");
    }

    @Test
    void answersAnUnsatisfiableRangeWith416AndTheSize() {
        RawResponse response = raw(RawClient.get("/digits.txt", "Range: bytes=36-"));

        assertThat(response.status()).isEqualTo(416);
        assertThat(response.header("Content-Range")).isEqualTo("bytes */36");
        assertThat(response.bodyText()).contains("416 Range Not Satisfiable");
    }

    @Test
    void ignoresAnInvalidRangeOrAnotherUnit() {
        for (String range : List.of("bytes=5-1", "items=0-3", "bytes=abc")) {
            RawResponse response = raw(RawClient.get("/digits.txt", "Range: " + range));
            assertThat(response.status()).as(range).isEqualTo(200);
            assertThat(response.bodyText()).as(range).isEqualTo(DIGITS);
        }
    }

    @Test
    void answersSeveralRangesAsMultipartByteranges() {
        RawResponse response = raw(RawClient.get("/digits.txt", "Range: bytes=0-1,-2"));

        String contentType = response.header("Content-Type");
        assertThat(response.status()).isEqualTo(206);
        assertThat(contentType).startsWith("multipart/byteranges; boundary=");
        String boundary = contentType.substring(contentType.indexOf('=') + 1);
        assertThat(response.bodyText()).isEqualTo("--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Range: bytes 0-1/36\r\n\r\n01\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\nContent-Range: bytes 34-35/36\r\n\r\nyz\r\n"
                + "--" + boundary + "--\r\n");
        assertThat(response.header("Content-Length")).isEqualTo(String.valueOf(response.body().length));
    }

    @Test
    void appliesIfRangeOnlyWhenTheValidatorMatches() {
        String current = etag(36, MODIFIED, "");
        assertThat(raw(RawClient.get("/digits.txt", "Range: bytes=0-1", "If-Range: " + current)).status()).isEqualTo(206);
        assertThat(raw(RawClient.get("/digits.txt", "Range: bytes=0-1", "If-Range: " + LAST_MODIFIED)).status()).isEqualTo(206);
        assertThat(raw(RawClient.get("/digits.txt", "Range: bytes=0-1", "If-Range: \"stale\"")).status()).isEqualTo(200);
        assertThat(raw(RawClient.get("/digits.txt", "Range: bytes=0-1", "If-Range: Mon, 05 May 2025 00:00:00 GMT")).bodyText())
                .isEqualTo(DIGITS);
    }

    @Test
    void answersHeadWithRangeLikeGetWithoutTheBody() {
        RawResponse response = raw("HEAD /digits.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=2-5\r\n\r\n");

        assertThat(response.status()).isEqualTo(206);
        assertThat(response.header("Content-Range")).isEqualTo("bytes 2-5/36");
        assertThat(response.header("Content-Length")).isEqualTo("4");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void streamsALargeRangeExactly() throws Exception {
        byte[] content = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(content);
        Files.write(root.resolve("video.mp4"), content);

        HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(server.uri("/video.mp4"))
                .header("Range", "bytes=1000000-3999999").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(206);
        assertThat(response.headers().firstValue("content-type")).contains("video/mp4");
        assertThat(response.body()).isEqualTo(Arrays.copyOfRange(content, 1_000_000, 4_000_000));
    }

    // --- precompressed files ---

    @Test
    void servesAPrecompressedSiblingTheClientAccepts() throws IOException {
        write("app.js", "console.log('plain');\n");
        write("app.js.br", "BROTLI-BYTES");
        write("app.js.gz", "GZIP-BYTES");

        RawResponse brotli = raw(RawClient.get("/app.js", "Accept-Encoding: gzip, deflate, br"));
        RawResponse gzip = raw(RawClient.get("/app.js", "Accept-Encoding: gzip, br;q=0"));
        RawResponse plain = raw(RawClient.get("/app.js", "Accept-Encoding: identity"));
        RawResponse none = raw(RawClient.get("/app.js"));

        assertThat(brotli.bodyText()).isEqualTo("BROTLI-BYTES");
        assertThat(brotli.header("Content-Encoding")).isEqualTo("br");
        assertThat(brotli.header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(brotli.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(brotli.header("ETag")).isEqualTo(etag(12, MODIFIED, "-br"));
        assertThat(gzip.bodyText()).isEqualTo("GZIP-BYTES");
        assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
        assertThat(gzip.header("ETag")).isEqualTo(etag(10, MODIFIED, "-gzip"));
        assertThat(plain.bodyText()).isEqualTo("console.log('plain');\n");
        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(plain.header("Vary")).isEqualTo("Accept-Encoding");
        assertThat(none.bodyText()).isEqualTo("console.log('plain');\n");
    }

    @Test
    void ignoresAPrecompressedSiblingOlderThanTheFile() throws IOException {
        write("style.css", "body{}");
        Path stale = write("style.css.gz", "OLD-GZIP");
        Files.setLastModifiedTime(stale, FileTime.from(MODIFIED.minusSeconds(60)));

        RawResponse response = raw(RawClient.get("/style.css", "Accept-Encoding: gzip"));

        assertThat(response.bodyText()).isEqualTo("body{}");
        assertThat(response.header("Content-Encoding")).isNull();
    }

    @Test
    void appliesRangesToTheEncodedBytes() throws IOException {
        write("data.json", "{\"plain\": true}");
        write("data.json.gz", "0123456789");

        RawResponse response = raw(RawClient.get("/data.json", "Accept-Encoding: gzip", "Range: bytes=2-4"));

        assertThat(response.status()).isEqualTo(206);
        assertThat(response.header("Content-Range")).isEqualTo("bytes 2-4/10");
        assertThat(response.bodyText()).isEqualTo("234");
    }

    // --- CORS and custom headers ---

    @Test
    void allowsCrossOriginRequestsWithoutCredentials() {
        try (TestServer cors = TestServer.start(new SiteOptions(root, false, true, false, "no-cache", true, true),
                c -> c.extraHeaders(List.of(new HeaderField("Access-Control-Allow-Origin", "*"))),
                UnaryOperator.identity())) {
            RawResponse simple = RawClient.exchange(cors, RawClient.get("/digits.txt", "Origin: http://example.com"));
            RawResponse preflight = RawClient.exchange(cors, "OPTIONS /digits.txt HTTP/1.1\r\nHost: x\r\nOrigin: http://example.com\r\n"
                    + "Access-Control-Request-Method: GET\r\nAccess-Control-Request-Headers: range, x-custom\r\n\r\n");

            assertThat(simple.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(simple.header("Access-Control-Allow-Credentials")).isNull();
            assertThat(preflight.status()).isEqualTo(204);
            assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
            assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET, HEAD, OPTIONS");
            assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("range, x-custom");
        }
    }

    @Test
    void addsCustomHeadersToEveryResponseReplacingOurs() {
        try (TestServer custom = TestServer.start(root, c -> c.extraHeaders(List.of(
                new HeaderField("X-Frame-Options", "DENY"), new HeaderField("Cache-Control", "max-age=5"))))) {
            RawResponse file = RawClient.exchange(custom, RawClient.get("/digits.txt"));
            RawResponse missing = RawClient.exchange(custom, RawClient.get("/missing"));

            assertThat(file.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(file.header("Cache-Control")).isEqualTo("max-age=5");
            assertThat(file.head()).containsOnlyOnce("Cache-Control");
            assertThat(missing.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void sendsTheBytesOfAUtf8FileUnchanged() throws IOException {
        write("zh.html", "<h1>\u6211\u662f\u8a3b\u518a\u9801\u9762</h1>");

        assertThat(new String(raw(RawClient.get("/zh.html")).body(), StandardCharsets.UTF_8))
                .isEqualTo("<h1>\u6211\u662f\u8a3b\u518a\u9801\u9762</h1>");
    }
}
