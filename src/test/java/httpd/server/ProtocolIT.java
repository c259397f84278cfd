package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.HttpStatus;
import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** HTTP/1.1 on the wire, byte for byte, through raw sockets. */
class ProtocolIT {
    private static final String HELLO = "hello, world\n";

    @TempDir
    Path root;
    TestServer server;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(root.resolve("hello.txt"), HELLO);
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>\n");
        Files.setLastModifiedTime(root.resolve("hello.txt"),
                java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2025-05-06T07:08:09Z")));
        server = TestServer.start(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The built-in page for a status (its wording is ErrorPagesTest's business; here it is the framing). */
    private static String errorPage(int code, String reason, String rule) {
        HttpStatus status = Arrays.stream(HttpStatus.values()).filter(s -> s.code() == code).findFirst().orElseThrow();
        assertThat(status.reason()).isEqualTo(reason);
        return new String(((Body.Bytes) ErrorPages.of(status, rule).body()).bytes(), StandardCharsets.UTF_8);
    }

    private static String errorResponse(int code, String reason, String extraHeaders, boolean close) {
        return errorResponse(code, reason, null, extraHeaders, close);
    }

    /** @param rule the rule of HTTP the page says the request broke, or null */
    private static String errorResponse(int code, String reason, String rule, String extraHeaders, boolean close) {
        String body = errorPage(code, reason, rule);
        return "HTTP/1.1 " + code + " " + reason + "\r\n"
                + "Date: " + TestServer.DATE + "\r\n"
                + "Server: " + TestServer.SERVER + "\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n"
                + extraHeaders
                + "Content-Length: " + body.length() + "\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "\r\n" + body;
    }

    private static final String HELLO_HEAD = "HTTP/1.1 200 OK\r\n"
            + "Date: " + TestServer.DATE + "\r\n"
            + "Server: " + TestServer.SERVER + "\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Accept-Ranges: bytes\r\n"
            + "Last-Modified: Tue, 06 May 2025 07:08:09 GMT\r\n"
            + "ETag: \"d-" + Long.toHexString(java.time.Instant.parse("2025-05-06T07:08:09Z").toEpochMilli()) + "\"\r\n"
            + "Cache-Control: no-cache\r\n"
            + "Content-Length: 13\r\n";

    @Test
    void answersAGetWithExactlyTheseBytes() {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();

            assertThat(response.text()).isEqualTo(HELLO_HEAD + "\r\n" + HELLO);
        }
    }

    @Test
    void answersHeadWithTheSameHeadAndNoBody() {
        try (RawClient client = server.connect()) {
            client.send("HEAD /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n");
            RawResponse head = client.readResponse(true);
            RawResponse next = client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();

            assertThat(head.text()).isEqualTo(HELLO_HEAD + "\r\n");
            assertThat(next.bodyText()).isEqualTo(HELLO);
        }
    }

    @Test
    void acceptsBareLfLineEndingsAsTypedIntoNetcat() {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send("GET /hello.txt HTTP/1.1\nHost: x\n\n").readResponse();

            assertThat(response.text()).isEqualTo(HELLO_HEAD + "\r\n" + HELLO);
        }
    }

    @Test
    void keepsAnHttp11ConnectionOpenForSeveralRequests() {
        try (RawClient client = server.connect()) {
            for (int i = 0; i < 3; i++) {
                RawResponse response = client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.header("Connection")).isNull();
                assertThat(response.bodyText()).isEqualTo(HELLO);
            }
        }
    }

    @Test
    void answersPipelinedRequestsInOrder() {
        try (RawClient client = server.connect()) {
            client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /missing HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

            assertThat(client.readResponse().bodyText()).isEqualTo(HELLO);
            assertThat(client.readResponse().status()).isEqualTo(404);
            RawResponse last = client.readResponse();
            assertThat(last.bodyText()).isEqualTo("<h1>home</h1>\n");
            assertThat(last.header("Connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void closesAnHttp10ConnectionAfterTheResponse() {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send("GET /hello.txt HTTP/1.0\r\n\r\n").readResponse();

            assertThat(response.head()).isEqualTo(HELLO_HEAD + "Connection: close\r\n\r\n");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void keepsAnHttp10ConnectionOpenWhenAskedTo() {
        try (RawClient client = server.connect()) {
            RawResponse first = client.send("GET /hello.txt HTTP/1.0\r\nConnection: keep-alive\r\n\r\n").readResponse();
            RawResponse second = client.send("GET /hello.txt HTTP/1.0\r\n\r\n").readResponse();

            assertThat(first.head()).isEqualTo(HELLO_HEAD + "Connection: keep-alive\r\n\r\n");
            assertThat(second.header("Connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void closesWhenTheClientSaysClose() {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .readResponse();

            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void servesAbsoluteFormTargets() {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send("GET http://example.com/hello.txt?x=1 HTTP/1.1\r\nHost: example.com\r\n\r\n")
                    .readResponse();

            assertThat(response.bodyText()).isEqualTo(HELLO);
        }
    }

    @Test
    void answersOptionsWith204AndTheAllowedMethods() {
        try (RawClient client = server.connect()) {
            RawResponse star = client.send("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            RawResponse path = client.send("OPTIONS /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();

            assertThat(star.text()).isEqualTo("HTTP/1.1 204 No Content\r\nDate: " + TestServer.DATE + "\r\nServer: "
                    + TestServer.SERVER + "\r\nAllow: GET, HEAD, OPTIONS\r\n\r\n");
            assertThat(path.status()).isEqualTo(204);
        }
    }

    static Stream<Arguments> methodsThatAreNotServed() {
        return Stream.of(
                Arguments.of("POST", 405, "Method Not Allowed"),
                Arguments.of("PUT", 405, "Method Not Allowed"),
                Arguments.of("DELETE", 405, "Method Not Allowed"),
                Arguments.of("PATCH", 405, "Method Not Allowed"),
                Arguments.of("TRACE", 405, "Method Not Allowed"),
                Arguments.of("get", 501, "Not Implemented"),
                Arguments.of("BREW", 501, "Not Implemented"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("methodsThatAreNotServed")
    void refusesOtherMethodsAndKeepsTheConnection(String method, int code, String reason) {
        try (RawClient client = server.connect()) {
            RawResponse refused = client.send(method + " /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            RawResponse next = client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();

            String allow = code == 405 ? "Allow: GET, HEAD, OPTIONS\r\n" : "";
            String rule = code == 501 ? "unknown method" : null;
            assertThat(refused.text()).isEqualTo(errorResponse(code, reason, rule, allow, false));
            assertThat(next.bodyText()).isEqualTo(HELLO);
        }
    }

    @Test
    void discardsARequestBodyAndReadsTheNextRequestAfterIt() {
        try (RawClient client = server.connect()) {
            String body = "GET /secret HTTP/1.1\r\n\r\n"; // body bytes that look like a request
            client.send("POST /hello.txt HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n"
                    + body + "GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(client.readResponse().status()).isEqualTo(405);
            assertThat(client.readResponse().bodyText()).isEqualTo(HELLO);
        }
    }

    @Test
    void answersExpect100ContinueWithTheFinalStatusAtOnceAndNeverReadsTheBodyAsARequest() {
        // a header timeout far beyond the hang guard: waiting for the body would fail this test
        try (TestServer patient = TestServer.start(root,
                c -> c.headerTimeout(Duration.ofMinutes(5)));
                RawClient client = patient.connect()) {
            RawResponse response = client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    + "Content-Length: 35\r\n\r\n").readResponse();
            // the client sends its body anyway, and it looks like a request
            client.send("GET /index.html HTTP/1.1\r\nHost: x\r\n\r\n");

            assertThat(response.text()).isEqualTo(HELLO_HEAD + "Connection: close\r\n\r\n" + HELLO);
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void closesAfterARequestWithTransferEncodingInsteadOfReadingItsBody() {
        try (RawClient client = server.connect()) {
            client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "0\r\n\r\nGET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n");

            RawResponse response = client.readResponse();
            assertThat(response.header("Connection")).isEqualTo("close");
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void answersALaterHttp1MinorVersionAsHttp11AndKeepsTheConnection() {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send("GET /hello.txt HTTP/1.2\r\nHost: x\r\n\r\n").readResponse();
            RawResponse next = client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();

            assertThat(response.text()).startsWith("HTTP/1.1 200 OK\r\n").endsWith(HELLO);
            assertThat(response.header("Connection")).isNull();
            assertThat(next.bodyText()).isEqualTo(HELLO);
        }
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("no Host", "GET / HTTP/1.1\r\n\r\n", 400, "Bad Request",
                        "missing Host header (HTTP/1.1 needs one)"),
                Arguments.of("two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400, "Bad Request",
                        "more than one Host header"),
                Arguments.of("space before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400, "Bad Request",
                        "header field name is not a token"),
                Arguments.of("obs-fold", "GET / HTTP/1.1\r\nHost: x\r\nX: a\r\n b\r\n\r\n", 400, "Bad Request",
                        "obsolete line folding"),
                Arguments.of("bare CR", "GET / HTTP/1.1\r\nHost: x\rX: y\r\n\r\n", 400, "Bad Request",
                        "bare CR in request head"),
                Arguments.of("control byte", "GET / HTTP/1.1\r\nHost: x\r\nX: \u001b[2J\r\n\r\n", 400, "Bad Request",
                        "control character in header field value"),
                Arguments.of("garbage", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u0001\u00fc\u0003\u0003\r\n\r\n", 400,
                        "Bad Request",
                        "malformed request line"),
                Arguments.of("CL with TE", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n",
                        400, "Bad Request",
                        "both Content-Length and Transfer-Encoding"),
                Arguments.of("TE gzip", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501,
                        "Not Implemented",
                        "transfer coding not implemented"),
                Arguments.of("TE xchunked", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n", 501,
                        "Not Implemented",
                        "transfer coding not implemented"),
                Arguments.of("TE chunked not last", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
                        400, "Bad Request",
                        "chunked is not the final transfer coding"),
                Arguments.of("Host with a space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400, "Bad Request",
                        "Host is not a host with an optional port"),
                Arguments.of("Host with a slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400, "Bad Request",
                        "Host is not a host with an optional port"),
                Arguments.of("two Content-Lengths", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                        400, "Bad Request",
                        "conflicting Content-Length values"),
                Arguments.of("NUL in path", "GET /hello.txt%00.html HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Bad Request",
                        "control character in path"),
                Arguments.of("bad percent", "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Bad Request",
                        "invalid percent-encoding"),
                Arguments.of("asterisk with GET", "GET * HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Bad Request",
                        "* is only for OPTIONS"),
                Arguments.of("authority-form", "GET example.com:80 HTTP/1.1\r\nHost: x\r\n\r\n", 400, "Bad Request",
                        "unsupported request-target form"),
                Arguments.of("long request line", "GET /" + "a".repeat(9000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414,
                        "URI Too Long",
                        "request line too long"),
                Arguments.of("101 headers", "GET / HTTP/1.1\r\nHost: x\r\n" + "X: 1\r\n".repeat(100) + "\r\n", 431,
                        "Request Header Fields Too Large",
                        "too many header fields"),
                Arguments.of("huge header", "GET / HTTP/1.1\r\nHost: x\r\nX: " + "a".repeat(70_000) + "\r\n\r\n", 431,
                        "Request Header Fields Too Large",
                        "header section too large"),
                Arguments.of("HTTP/2.0", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505, "HTTP Version Not Supported",
                        "only HTTP/1.0 and HTTP/1.1 are supported"),
                Arguments.of("HTTP/3", "GET / HTTP/3.0\r\nHost: x\r\n\r\n", 505, "HTTP Version Not Supported",
                        "only HTTP/1.0 and HTTP/1.1 are supported"));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("badRequests")
    void answersABadRequestWithItsStatusAndKeepsServingOthers(String name, String raw, int code, String reason,
            String rule) {
        try (RawClient client = server.connect()) {
            RawResponse response = client.send(raw).readResponse();

            boolean framingLost = code != 400 || !name.contains("path") && !name.contains("percent")
                    && !name.contains("asterisk") && !name.contains("authority");
            assertThat(response.text()).isEqualTo(errorResponse(code, reason, rule, "", framingLost));
        }
        try (RawClient other = server.connect()) {
            assertThat(other.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().bodyText())
                    .isEqualTo(HELLO);
        }
    }

    @Test
    void answers408WhenTheHeadDoesNotArriveInTime() {
        try (TestServer strict = TestServer.start(root,
                c -> c.headerTimeout(Duration.ofMillis(300)));
                RawClient client = strict.connect()) {
            RawResponse response = client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n").readResponse();

            assertThat(response.text()).isEqualTo(errorResponse(408, "Request Timeout", "", true));
            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void closesAnIdleKeepAliveConnectionAfterTheTimeout() {
        try (TestServer quick = TestServer.start(root,
                c -> c.keepAliveTimeout(Duration.ofMillis(200)));
                RawClient client = quick.connect()) {
            assertThat(client.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(200);

            assertThat(client.isClosedByServer()).isTrue();
        }
    }

    @Test
    void closesQuietlyWhenTheClientHangsUpMidHead() {
        try (RawClient client = server.connect()) {
            client.send("GET /hello.txt HTTP/1.1\r\nHo");
        }
        try (RawClient other = server.connect()) {
            assertThat(other.send("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n").readResponse().status()).isEqualTo(200);
        }
    }
}
