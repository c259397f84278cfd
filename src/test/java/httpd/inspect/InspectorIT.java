package httpd.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.SiteOptions;
import httpd.server.TransportFactory;
import httpd.testing.RawClient;
import httpd.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The inspector on a real server: what a tab is told of each exchange, byte for byte, and why. */
class InspectorIT {
    @TempDir
    Path root;
    Inspector inspector;
    TestServer server;
    EventStreamReader tab;

    @BeforeEach
    void serve() throws IOException {
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>\n");
        Files.writeString(root.resolve("hello.txt"), "hello\n");
        Files.writeString(root.resolve(".env"), "SECRET=1\n");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/index.html"), "<h1>sub</h1>\n");
        start(false, c -> c.keepAliveTimeout(Duration.ofMillis(300)));
    }

    private void start(boolean showSecrets, UnaryOperator<httpd.server.ServerConfig.Builder> customize) {
        inspector = new Inspector(showSecrets, Clock.systemUTC(), Duration.ofSeconds(15));
        server = TestServer.start(SiteOptions.defaults(root), customize, site -> inspector.handler(false, site),
                TransportFactory.PLAIN, inspector.trace());
        tab = new EventStreamReader(server.port());
    }

    @AfterEach
    void stop() throws IOException {
        tab.close();
        inspector.close();
        server.close();
    }

    /** One request on a connection of its own, and the exchange event the tab gets for it. */
    private String exchangeFor(String request) {
        try (RawClient client = server.connect()) {
            client.send(request).readToEnd();
        }
        return tab.next("exchange", data -> true).data();
    }

    static Stream<Arguments> decisions() {
        String close = "Connection: close\r\n\r\n";
        return Stream.of(
                Arguments.of("GET / HTTP/1.1\r\nHost: x\r\n" + close, 200, "/ → /index.html"),
                Arguments.of("GET /hello.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1\r\n" + close, 206,
                        "bytes=0-1 → 206 (RFC 9110 §14.2)"),
                Arguments.of("GET /hello.txt HTTP/1.1\r\nHost: x\r\nRange: bytes=99-\r\n" + close, 416,
                        "bytes=99- lies beyond the 6 bytes of the file → 416 (RFC 9110 §15.5.17)"),
                Arguments.of("GET /missing.txt HTTP/1.1\r\nHost: x\r\n" + close, 404,
                        "/missing.txt: no such file → 404 (RFC 9110 §15.5.5)"),
                Arguments.of("GET /.env HTTP/1.1\r\nHost: x\r\n" + close, 404, "dotfile hidden → 404 (--dotfiles serves them)"),
                Arguments.of("GET / HTTP/1.1\r\n\r\n", 400,
                        "missing Host header (HTTP/1.1 needs one) (RFC 9112 §3.2) → 400, and the connection ends:"
                                + " the rest of the stream cannot be trusted"),
                Arguments.of("GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  folded\r\n\r\n", 400,
                        "obsolete line folding (RFC 9112 §5.2) → 400"),
                Arguments.of("G(T / HTTP/1.1\r\nHost: x\r\n\r\n", 400, "method is not a token (RFC 9112 §3.1) → 400"),
                Arguments.of("DELETE / HTTP/1.1\r\nHost: x\r\n" + close, 405,
                        "DELETE does not apply to files → 405 with Allow (RFC 9110 §15.5.6)"),
                Arguments.of("GET /sub HTTP/1.1\r\nHost: x\r\n" + close, 301,
                        "/sub is a folder → 301 to /sub/, so that its relative links resolve inside it (RFC 9110 §15.4.2)"),
                Arguments.of("GET /hello.txt HTTP/1.1\r\nHost: x\r\n" + close, 200,
                        "Connection: close → connection ends after this response (RFC 9112 §9.6)"),
                Arguments.of("GET /hello.txt HTTP/1.0\r\n\r\n", 200,
                        "HTTP/1.0 without Connection: keep-alive → connection ends after this response (RFC 9112 §9.3)"),
                Arguments.of("HEAD /hello.txt HTTP/1.1\r\nHost: x\r\n" + close, 200,
                        "HEAD → the head GET would get, without the body (RFC 9110 §9.3.2)"));
    }

    @ParameterizedTest(name = "{1}: {2}")
    @MethodSource("decisions")
    void tellsTheDecisionBehindEachAnswer(String request, int status, String why) {
        String event = exchangeFor(request);

        assertThat(event).contains("\"status\":" + status + ",").contains(why);
    }

    @Test
    void a304SaysWhichValidatorMatched() {
        String etag = server.connect().send("GET /hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                .readResponse().header("ETag");
        tab.next("exchange", data -> true);

        String event = exchangeFor("GET /hello.txt HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag
                + "\r\nConnection: close\r\n\r\n");

        assertThat(event).contains("\"status\":304,")
                .contains("If-None-Match matched the current ETag " + etag.replace("\"", "\\\"") + " → 304 (RFC 9110 §13.1.2)");
    }

    @Test
    void carriesTheRequestBytesExactlyAsTypedIntoNcWithBareLineFeeds() {
        String event = exchangeFor("GET /hello.txt HTTP/1.1\nHost: x\nConnection: close\n\n");

        assertThat(event).contains("\"raw\":\"GET /hello.txt HTTP/1.1\u240a\\nHost: x\u240a\\nConnection: close\u240a\\n\u240a\\n\"",
                "\"method\":\"GET\",\"target\":\"/hello.txt\",\"version\":\"HTTP/1.1\"",
                "\"headers\":[[\"Host\",\"x\"],[\"Connection\",\"close\"]]",
                "\"printf\":\"printf 'GET /hello.txt HTTP/1.1\\\\nHost: x\\\\nConnection: close\\\\n\\\\n'\"");
    }

    @Test
    void carriesTheResponseHeadExactlyAsWritten() {
        RawClient.RawResponse response;
        try (RawClient client = server.connect()) {
            response = client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readResponse();
        }
        String event = tab.next("exchange", data -> true).data();

        String shown = response.head().replace("\"", "\\\"").replace("\r", "\u240d").replace("\n", "\u240a\\n");
        assertThat(event).contains("\"head\":\"" + shown + "\"", "\"bodyBytes\":6,", "\"contentType\":\"text/plain");
    }

    @Test
    void tellsOfReuseAndPipelining() {
        try (RawClient client = server.connect()) {
            client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .readToEnd();
        }
        List<String> events = tab.exchanges(2);

        assertThat(events.get(0)).contains("\"number\":1,",
                "the next request is already here (pipelined): it is answered after this one, in order (RFC 9112 §9.3.2)");
        assertThat(events.get(1)).contains("\"number\":2,",
                "request 2 on this connection: it was kept alive, no new TCP handshake (RFC 9112 §9.3)");
    }

    @Test
    void tellsOfTheConnectionOpeningAndClosingAtTheKeepAliveTimeout() {
        try (RawClient client = server.connect()) {
            client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            String opened = tab.next("connection", data -> data.contains("\"event\":\"opened\"")).data();
            assertThat(opened).contains("connection opened from 127.0.0.1:");
            tab.next("exchange", data -> true);

            String closed = tab.next("connection", data -> data.contains("\"event\":\"closed\"")).data();

            assertThat(closed).contains(
                    "no request within the keep-alive or header timeout: closed by the server, after 1 request");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void masksCookiesAndAuthorizationUnlessAskedNotTo() throws IOException {
        String request = "GET /hello.txt HTTP/1.1\r\nHost: x\r\nCookie: session=s3cret\r\nAuthorization: Basic dTpw\r\n"
                + "Connection: close\r\n\r\n";
        String masked = exchangeFor(request);
        assertThat(masked).contains("Cookie: ***\u240d\u240a", "[\"Authorization\",\"***\"]")
                .doesNotContain("s3cret", "dTpw");

        stop();
        start(true, UnaryOperator.identity());
        assertThat(exchangeFor(request)).contains("Cookie: session=s3cret\u240d\u240a", "[\"Authorization\",\"Basic dTpw\"]");
    }

    @Test
    void neverShowsItsOwnPageOrStream() {
        server.connect().send("GET /__httpd/inspect HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readToEnd();
        try (EventStreamReader second = new EventStreamReader(server.port())) {
            String next = exchangeFor("GET /hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(next).contains("\"target\":\"/hello.txt\"");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void servesItsPageToThisMachine() throws Exception {
        var response = server.get("/__httpd/inspect");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(response.body()).contains("EventSource").contains(InspectorHandler.EVENTS_PATH);
    }

    @Test
    void aTabThatStopsReadingLosesOldEventsAndIsToldHowManyWhileTheServerServesOn() throws IOException {
        try (EventStreamReader stalled = new EventStreamReader(server.port(), 4096)) { // reads nothing after hello
            try (RawClient client = server.connect()) {
                // more than the ring and the loopback socket's send buffer (up to 4 MiB) hold: ~1 KiB per event
                for (int i = 0; i < 12 * Inspector.CAPACITY; i++) {
                    assertThat(client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status())
                            .isEqualTo(200);
                }
            }

            String dropped = stalled.next("dropped", data -> true).data();

            assertThat(Long.parseLong(dropped.replaceAll("\\D", ""))).isPositive();
        }
    }

    @Test
    void carriesASmallTextBodyButNotABinaryOne() throws IOException {
        Files.write(root.resolve("logo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});

        assertThat(exchangeFor("GET /hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .contains("\"body\":\"hello\\n\"");
        assertThat(exchangeFor("GET /logo.png HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .contains("\"bodyBytes\":4,", "\"body\":null");
        assertThat(exchangeFor("HEAD /hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
                .contains("\"body\":null");
    }
}
