package httpd.tls;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.SiteOptions;
import httpd.server.Trace;
import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestServer;
import httpd.testing.TestTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over real TLS on a loopback port: every kind of answer, plain requests, hostile handshakes. */
class TlsIT {
    @TempDir
    Path temp;

    private Path root;
    private Path caDir;
    private TestServer server;
    private HttpClient client;
    private final List<String> handshakes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serveASite() throws IOException {
        root = Files.createDirectories(temp.resolve("site"));
        caDir = temp.resolve("ca");
        Files.writeString(root.resolve("index.html"), "<h1>over TLS</h1>\n");
        Files.writeString(root.resolve("digits.txt"), "0123456789");
        start(UnaryOperator.identity());
    }

    private void start(UnaryOperator<httpd.server.ServerConfig.Builder> customize) {
        Trace trace = new Trace() {
            @Override
            public void handshake(long connection, String summary) {
                handshakes.add(summary);
            }
        };
        server = TestTls.start(caDir, SiteOptions.defaults(root), customize, trace);
        client = TestTls.client(TestTls.ca(caDir).certificate());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(TestTls.uri(server, path)).timeout(Duration.ofSeconds(60));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersAFileOverTlsWithItsExactBytes() throws Exception {
        HttpResponse<String> response = get("/");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("<h1>over TLS</h1>\n");
        assertThat(response.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
    }

    @Test
    void answersRangesConditionalRequestsAndMissingFilesOverTls() throws Exception {
        HttpResponse<String> range = get("/digits.txt", "Range", "bytes=2-4");
        String etag = get("/digits.txt").headers().firstValue("etag").orElseThrow();
        HttpResponse<String> notModified = get("/digits.txt", "If-None-Match", etag);
        HttpResponse<String> missing = get("/nope.txt");

        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo("234");
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void keepsATlsConnectionAliveForTheNextRequest() {
        try (RawClient tls = RawClient.over(TestTls.connect(TestTls.ca(caDir).certificate(), server.port()))) {
            RawResponse first = tls.send(RawClient.get("/digits.txt")).readResponse();
            RawResponse second = tls.send(RawClient.get("/digits.txt", "Range: bytes=0-0")).readResponse();

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.bodyText()).isEqualTo("0123456789");
            assertThat(second.status()).isEqualTo(206);
            assertThat(second.bodyText()).isEqualTo("0");
        }
    }

    @Test
    void tracesEachHandshakeWithProtocolAlpnAndSni() {
        try (RawClient tls = RawClient.over(TestTls.connect(TestTls.ca(caDir).certificate(), server.port()))) {
            assertThat(tls.send(RawClient.get("/digits.txt")).readResponse().status()).isEqualTo(200);
        }

        assertThat(handshakes).hasSize(1);
        assertThat(handshakes.get(0)).matches("TLSv1\\.3 TLS_\\S+ alpn=http/1\\.1 sni=localhost new session");
    }

    @Test
    void redirectsAPlainRequestOnTheTlsPortToHttps() {
        try (RawClient plain = server.connect()) {
            RawResponse response = plain.send("GET /digits.txt?x=1 HTTP/1.1\r\nHost: localhost:" + server.port()
                    + "\r\n\r\n").readResponse();

            assertThat(response.status()).isEqualTo(307);
            assertThat(response.header("location")).isEqualTo("https://localhost:" + server.port() + "/digits.txt?x=1");
            assertThat(response.header("cache-control")).isEqualTo("no-store");
            assertThat(response.header("connection")).isEqualTo("close");
            assertThat(plain.isClosedByServer()).isTrue();
        }
    }

    @Test
    void servesTheCaCertificateOverPlainHttpForAPhoneThatDoesNotTrustItYet() {
        RawResponse certificate = RawClient.exchange(server, RawClient.get("/__httpd/ca.crt"));
        RawResponse page = RawClient.exchange(server, RawClient.get("/__httpd/ca"));

        assertThat(certificate.status()).isEqualTo(200);
        assertThat(certificate.header("content-type")).isEqualTo("application/x-x509-ca-cert");
        assertThat(certificate.bodyText()).isEqualTo(TestTls.ca(caDir).certificatePem())
                .startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.bodyText()).contains(TestTls.ca(caDir).fingerprint(), "/__httpd/ca.crt");
    }

    @Test
    void servesTheCaPagesOverTlsToo() throws Exception {
        HttpResponse<String> certificate = get("/__httpd/ca.crt");

        assertThat(certificate.statusCode()).isEqualTo(200);
        assertThat(certificate.body()).isEqualTo(TestTls.ca(caDir).certificatePem());
    }

    @Test
    void closesAConnectionThatSendsGarbageInsteadOfAClientHelloAndServesTheNext() throws Exception {
        try (RawClient garbage = server.connect()) {
            garbage.send(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, '\r', '\n', '\r', '\n'});

            // a TLS alert record (RFC 8446 §6: content type 21), then the end of the stream
            assertThat(garbage.readToEnd()).startsWith("\u0015\u0003\u0003");
        }
        assertThat(get("/digits.txt").body()).isEqualTo("0123456789");
    }

    @Test
    void connectionsThatNeverFinishAHandshakeCannotStarveANewClient() throws Exception {
        server.close();
        start(config -> config.threads(4));
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port());
                if (i % 3 == 1) {
                    socket.getOutputStream().write(new byte[] {22, 3, 1}); // a ClientHello begun, never finished
                }
                stalled.add(socket);
            }

            HttpResponse<String> response = get("/digits.txt");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("0123456789");
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    @Test
    void sendsALargeFileOverTlsByteForByte() throws Exception {
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        Random random = new Random(15);
        byte[] chunk = new byte[1024 * 1024];
        try (OutputStream file = Files.newOutputStream(root.resolve("large.bin"))) {
            for (int i = 0; i < 20; i++) {
                random.nextBytes(chunk);
                file.write(chunk);
                written.update(chunk);
            }
            file.write(chunk, 0, 123);
            written.update(chunk, 0, 123);
        }

        HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(TestTls.uri(server, "/large.bin"))
                .timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofInputStream());
        MessageDigest received = MessageDigest.getInstance("SHA-256");
        long length = 0;
        try (InputStream body = response.body()) {
            for (int n = body.read(chunk); n >= 0; n = body.read(chunk)) {
                received.update(chunk, 0, n);
                length += n;
            }
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(length).isEqualTo(20L * 1024 * 1024 + 123);
        assertThat(received.digest()).isEqualTo(written.digest());
    }

    @Test
    void endsAConnectionWithCloseNotifyAfterConnectionClose() throws IOException {
        try (SSLSocket socket = TestTls.connect(TestTls.ca(caDir).certificate(), server.port())) {
            socket.getOutputStream().write(("GET /digits.txt HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));

            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            // readAllBytes ended without an SSLException: close_notify came (the tests require it, see pom.xml)
            assertThat(all).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n0123456789");
        }
    }

    @Test
    void sendsCloseNotifyToAnIdleConnectionWhenTheServerStops() throws IOException {
        try (SSLSocket socket = TestTls.connect(TestTls.ca(caDir).certificate(), server.port())) {
            RawClient tls = RawClient.over(socket);
            assertThat(tls.send(RawClient.get("/digits.txt")).readResponse().status()).isEqualTo(200);

            server.server().stop(Duration.ofSeconds(5));

            // -1, not an SSLException: the end came with close_notify (the tests require it, see pom.xml)
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }
}
