package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import httpd.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files served to a real HTTP client. */
class StaticFilesIT {
    private static final String INDEX = "<!DOCTYPE html>\n<h1>\u6211\u662f\u767b\u9678\u9801\u9762</h1>\n";
    private static final String CUSTOM_404 = "<!DOCTYPE html>\n<h1>custom 404</h1>\n";

    @TempDir
    Path temp;
    Path root;
    TestServer server;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() throws IOException {
        root = Files.createDirectory(temp.resolve("www"));
        Files.writeString(root.resolve("index.html"), INDEX);
        Files.writeString(root.resolve("style.css"), "body { color: red; }\n");
        Files.write(root.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Files.writeString(root.resolve("404.html"), CUSTOM_404);
        Files.createDirectories(root.resolve("docs/guide"));
        Files.writeString(root.resolve("docs/index.html"), "docs\n");
        Files.writeString(root.resolve("docs/guide/index.html"), "guide\n");
        Files.writeString(root.resolve("caf\u00e9 menu.txt"), "menu\n");
        Files.writeString(root.resolve(".env"), "SECRET=1\n");
        Files.writeString(temp.resolve("secret.txt"), "top secret\n");
        Files.setLastModifiedTime(root.resolve("index.html"), FileTime.from(Instant.parse("2025-05-06T07:08:09Z")));
        server = TestServer.start(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(server.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void servesTheIndexPageForTheRootWithEveryStandardHeader() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(INDEX);
        assertThat(response.headers().map()).containsEntry("content-type", java.util.List.of("text/html; charset=utf-8"))
                .containsEntry("content-length", java.util.List.of(String.valueOf(INDEX.getBytes(StandardCharsets.UTF_8).length)))
                .containsEntry("last-modified", java.util.List.of("Tue, 06 May 2025 07:08:09 GMT"))
                .containsEntry("date", java.util.List.of(TestServer.DATE))
                .containsEntry("server", java.util.List.of(TestServer.SERVER));
    }

    @Test
    void answersHeadWithTheHeadersOfGetAndNoBody() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(server.uri("/style.css"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("content-length")).contains("21");
        assertThat(response.headers().firstValue("content-type")).contains("text/css; charset=utf-8");
    }

    @Test
    void servesEachFileWithItsContentType() throws Exception {
        assertThat(get("/style.css").headers().firstValue("content-type")).contains("text/css; charset=utf-8");
        HttpResponse<byte[]> png = client.send(HttpRequest.newBuilder(server.uri("/logo.png")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.headers().firstValue("content-type")).contains("image/png");
        assertThat(png.body()).containsExactly(0x89, 'P', 'N', 'G');
    }

    @Test
    void servesSubdirectoryIndexesAndUtf8FileNames() throws Exception {
        assertThat(get("/docs/").body()).isEqualTo("docs\n");
        assertThat(get("/docs/guide/").body()).isEqualTo("guide\n");
        assertThat(get("/caf%C3%A9%20menu.txt").body()).isEqualTo("menu\n");
    }

    @Test
    void redirectsADirectoryToItsSlashKeepingTheQuery() throws Exception {
        HttpResponse<String> response = get("/docs/guide?lang=en");

        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("location")).contains("/docs/guide/?lang=en");
    }

    @Test
    void neverBuildsARedirectThatLeavesTheSite() throws Exception {
        Files.createDirectories(root.resolve("evil.example"));

        HttpResponse<String> encoded = get("//evil.example/%2e%2e%2fdocs");
        HttpResponse<String> plain = get("//evil.example");

        assertThat(encoded.statusCode()).isEqualTo(404);
        assertThat(plain.statusCode()).isEqualTo(301);
        assertThat(plain.headers().firstValue("location")).contains("/evil.example/");
    }

    @Test
    void answersAMissingFileWith404AndTheCustomPage() throws Exception {
        HttpResponse<String> response = get("/no/such/page.html");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo(CUSTOM_404);
        assertThat(response.headers().firstValue("content-type")).contains("text/html; charset=utf-8");
    }

    @Test
    void answersAMissingFileWithABuiltIn404PageWhenTheRootHasNone() throws Exception {
        Files.delete(root.resolve("404.html"));

        HttpResponse<String> response = get("/missing");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<h1>404 <span>Not Found</span></h1>", "<a href=\"/\">");
    }

    @Test
    void answersAFileWithATrailingSlashWith404() throws Exception {
        assertThat(get("/index.html/").statusCode()).isEqualTo(404);
    }

    @Test
    void hidesDotfiles() throws Exception {
        assertThat(get("/.env").statusCode()).isEqualTo(404);
    }

    @Test
    void refusesASymlinkOutOfTheRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("leak.txt"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("inside.txt"), root.resolve("style.css"));

        assertThat(get("/leak.txt").statusCode()).isEqualTo(404);
        assertThat(get("/inside.txt").statusCode()).isEqualTo(200);
    }

    @Test
    void refusesTraversalAttempts() throws Exception {
        for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/..%5csecret.txt"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).doesNotContain("top secret");
        }
    }

    @Test
    void answersAnUnreadableFileWith403AndKeepsServing() throws Exception {
        Path locked = root.resolve("locked.txt");
        Files.writeString(locked, "locked\n");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as a user who can read any file (root)");

        assertThat(get("/locked.txt").statusCode()).isEqualTo(403);
        assertThat(get("/style.css").statusCode()).isEqualTo(200);
    }

    @Test
    void streamsA100MiBFileIntactWithASmallHeap() throws Exception {
        Path big = root.resolve("big.bin");
        MessageDigest expected = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[1024 * 1024];
        Random random = new Random(42);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 100; i++) {
                random.nextBytes(chunk);
                expected.update(chunk);
                out.write(chunk);
            }
        }

        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(server.uri("/big.bin")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest actual = MessageDigest.getInstance("SHA-256");
        long total = 0;
        try (InputStream body = response.body()) {
            for (int n = body.read(chunk); n > 0; n = body.read(chunk)) {
                actual.update(chunk, 0, n);
                total += n;
            }
        }

        assertThat(Runtime.getRuntime().maxMemory()).isLessThan(100L * 1024 * 1024);
        assertThat(response.headers().firstValue("content-length")).contains(String.valueOf(100L * 1024 * 1024));
        assertThat(total).isEqualTo(100L * 1024 * 1024);
        assertThat(HexFormat.of().formatHex(actual.digest())).isEqualTo(HexFormat.of().formatHex(expected.digest()));
    }
}
