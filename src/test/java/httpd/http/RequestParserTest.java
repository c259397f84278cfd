package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestParserTest {
    private final RequestParser parser = new RequestParser(ParserLimits.DEFAULT);

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private RequestHead parse(String text) throws IOException, HttpException {
        return parser.parse(bytes(text));
    }

    static Stream<Arguments> validRequests() {
        return Stream.of(
                Arguments.of("plain GET", "GET / HTTP/1.1\r\nHost: x\r\n\r\n", "GET", "/", HttpVersion.HTTP_1_1),
                Arguments.of("HEAD", "HEAD /a.css HTTP/1.1\r\nHost: x\r\n\r\n", "HEAD", "/a.css", HttpVersion.HTTP_1_1),
                Arguments.of("bare LF line endings", "GET /x HTTP/1.1\nHost: x\n\n", "GET", "/x", HttpVersion.HTTP_1_1),
                Arguments.of("mixed line endings", "GET /x HTTP/1.1\r\nHost: x\n\r\n", "GET", "/x", HttpVersion.HTTP_1_1),
                Arguments.of("HTTP/1.0 without Host", "GET /old HTTP/1.0\r\n\r\n", "GET", "/old", HttpVersion.HTTP_1_0),
                Arguments.of("absolute-form", "GET http://h:80/p?q=1 HTTP/1.1\r\nHost: h\r\n\r\n", "GET",
                        "http://h:80/p?q=1", HttpVersion.HTTP_1_1),
                Arguments.of("asterisk-form", "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n", "OPTIONS", "*",
                        HttpVersion.HTTP_1_1),
                Arguments.of("lower-case method is a token", "get / HTTP/1.1\r\nHost: x\r\n\r\n", "get", "/",
                        HttpVersion.HTTP_1_1),
                Arguments.of("unknown method token", "BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n", "BREW", "/pot",
                        HttpVersion.HTTP_1_1),
                Arguments.of("leading empty line ignored", "\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", "GET", "/",
                        HttpVersion.HTTP_1_1),
                Arguments.of("query and percent-encoding kept raw", "GET /a%20b?x=1+2 HTTP/1.1\r\nHost: x\r\n\r\n",
                        "GET", "/a%20b?x=1+2", HttpVersion.HTTP_1_1),
                Arguments.of("empty Host value", "GET / HTTP/1.1\r\nHost:\r\n\r\n", "GET", "/", HttpVersion.HTTP_1_1),
                Arguments.of("HTTP/1.2 read as 1.1", "GET / HTTP/1.2\r\nHost: x\r\n\r\n", "GET", "/", HttpVersion.HTTP_1_1),
                Arguments.of("HTTP/1.9 read as 1.1", "GET / HTTP/1.9\r\nHost: x\r\n\r\n", "GET", "/", HttpVersion.HTTP_1_1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validRequests")
    void parsesValidRequestLines(String name, String raw, String method, String target, HttpVersion version)
            throws Exception {
        RequestHead head = parse(raw);

        assertThat(head.method()).isEqualTo(method);
        assertThat(head.target()).isEqualTo(target);
        assertThat(head.version()).isEqualTo(version);
    }

    @Test
    void keepsHeaderFieldsInOrderWithOptionalWhitespaceTrimmed() throws Exception {
        RequestHead head = parse("GET / HTTP/1.1\r\nHost: example\r\nAccept:  text/html \t\r\nX-Empty:\r\n"
                + "User-Agent: caf\u00e9\r\n\r\n");

        assertThat(head.headers().fields()).containsExactly(
                new HeaderField("Host", "example"),
                new HeaderField("Accept", "text/html"),
                new HeaderField("X-Empty", ""),
                new HeaderField("User-Agent", "caf\u00e9"));
        assertThat(head.headers().first("accept")).contains("text/html");
    }

    @Test
    void readsPipelinedRequestsOneAfterAnother() throws Exception {
        InputStream in = bytes("GET /1 HTTP/1.1\r\nHost: x\r\n\r\nGET /2 HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(parser.parse(in).target()).isEqualTo("/1");
        assertThat(parser.parse(in).target()).isEqualTo("/2");
        assertThat(parser.parse(in)).isNull();
    }

    @Test
    void keepsEachRequestsHeaderFieldsApartOnOneConnection() throws Exception {
        InputStream in = bytes("GET /1 HTTP/1.1\r\nHost: one\r\nAccept: a\r\n\r\nGET /2 HTTP/1.1\r\nHost: two\r\n\r\n");

        RequestHead first = parser.parse(in);
        RequestHead second = parser.parse(in);

        assertThat(first.headers().fields()).containsExactly(new HeaderField("Host", "one"), new HeaderField("Accept", "a"));
        assertThat(second.headers().fields()).containsExactly(new HeaderField("Host", "two"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host", "host", "HOST", "Hos", "Hostx", "Accept-Encoding", "accept-encoding", "DNT", "X-Y"})
    void keepsFieldNamesSpelledAsSent(String name) throws Exception {
        RequestHead head = parse("GET / HTTP/1.0\r\n" + name + ": v\r\n\r\n");

        assertThat(head.headers().fields()).containsExactly(new HeaderField(name, "v"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "GE", "GETS", "get", "Head", "POST"})
    void keepsTheMethodSpelledAsSent(String method) throws Exception {
        assertThat(parse(method + " / HTTP/1.0\r\n\r\n").method()).isEqualTo(method);
    }

    @Test
    void returnsNullWhenTheStreamEndsBeforeARequest() throws Exception {
        assertThat(parse("")).isNull();
    }

    @Test
    void acceptsMatchingDuplicateContentLengths() throws Exception {
        assertThat(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n")
                .contentLength()).isEqualTo(5);
        assertThat(parse("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 7, 7\r\n\r\n").contentLength()).isEqualTo(7);
        assertThat(parse("GET / HTTP/1.1\r\nHost: x\r\n\r\n").contentLength()).isEqualTo(-1);
    }

    static Stream<Arguments> rejectedRequests() {
        String longTarget = "/" + "a".repeat(8 * 1024);
        String manyFields = "GET / HTTP/1.1\r\nHost: x\r\n" + "X-A: 1\r\n".repeat(100) + "\r\n";
        String hugeField = "GET / HTTP/1.1\r\nHost: x\r\nCookie: " + "c".repeat(64 * 1024) + "\r\n\r\n";
        String largeSection = "GET / HTTP/1.1\r\nHost: x\r\n" + ("X-Big: " + "b".repeat(1000) + "\r\n").repeat(70) + "\r\n";
        return Stream.of(
                Arguments.of("request line over 8 KiB", "GET " + longTarget + " HTTP/1.1\r\nHost: x\r\n\r\n", 414),
                Arguments.of("more than 100 header fields", manyFields, 431),
                Arguments.of("one field over 64 KiB", hugeField, 431),
                Arguments.of("header section over 64 KiB", largeSection, 431),
                Arguments.of("method not a token", "GE(T / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("missing target", "GET HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("missing version", "GET /\r\nHost: x\r\n\r\n", 400),
                Arguments.of("two spaces", "GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("trailing space", "GET / HTTP/1.1 \r\nHost: x\r\n\r\n", 400),
                Arguments.of("tab as separator", "GET\t/ HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("lower-case version", "GET / http/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("malformed version", "GET / HTTP/1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("HTTP/2.0", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
                Arguments.of("HTTP/0.9", "GET / HTTP/0.9\r\n\r\n", 505),
                Arguments.of("HTTP/1.2 without Host, as 1.1", "GET / HTTP/1.2\r\n\r\n", 400),
                Arguments.of("HTTP/0.1", "GET / HTTP/0.1\r\n\r\n", 505),
                Arguments.of("HTTP/9.9", "GET / HTTP/9.9\r\nHost: x\r\n\r\n", 505),
                Arguments.of("control character in target", "GET /a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("non-ASCII byte in target", "GET /caf\u00e9 HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("bare CR in request line", "GET /\rx HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("bare CR in a header", "GET / HTTP/1.1\r\nHost: x\rY: z\r\n\r\n", 400),
                Arguments.of("whitespace before colon", "GET / HTTP/1.1\r\nHost : x\r\n\r\n", 400),
                Arguments.of("field name not a token", "GET / HTTP/1.1\r\nHost: x\r\nX(y): 1\r\n\r\n", 400),
                Arguments.of("field without colon", "GET / HTTP/1.1\r\nHost: x\r\nNoColon\r\n\r\n", 400),
                Arguments.of("empty field name", "GET / HTTP/1.1\r\nHost: x\r\n: v\r\n\r\n", 400),
                Arguments.of("obs-fold", "GET / HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n  continued\r\n\r\n", 400),
                Arguments.of("control character in value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u001bb\r\n\r\n", 400),
                Arguments.of("NUL in value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\n\r\n", 400),
                Arguments.of("DEL in value", "GET / HTTP/1.1\r\nHost: x\r\nX-A: a\u007fb\r\n\r\n", 400),
                Arguments.of("HTTP/1.1 without Host", "GET / HTTP/1.1\r\n\r\n", 400),
                Arguments.of("HTTP/1.1 with two Hosts", "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
                Arguments.of("Content-Length with Transfer-Encoding",
                        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
                Arguments.of("differing Content-Lengths",
                        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n", 400),
                Arguments.of("differing Content-Length list", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3, 4\r\n\r\n", 400),
                Arguments.of("negative Content-Length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
                Arguments.of("non-numeric Content-Length", "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1e3\r\n\r\n", 400),
                Arguments.of("overflowing Content-Length",
                        "POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", 400),
                Arguments.of("Transfer-Encoding gzip", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
                Arguments.of("Transfer-Encoding xchunked",
                        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n", 501),
                Arguments.of("Transfer-Encoding gzip, chunked",
                        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
                Arguments.of("Transfer-Encoding chunked, gzip",
                        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
                Arguments.of("Transfer-Encoding chunked then gzip on two lines",
                        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n\r\n", 400),
                Arguments.of("Transfer-Encoding chunked twice",
                        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, chunked\r\n\r\n", 400),
                Arguments.of("Transfer-Encoding empty", "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:\r\n\r\n", 400),
                Arguments.of("Transfer-Encoding not a token",
                        "POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: \"chunked\"\r\n\r\n", 400),
                Arguments.of("Host with a space", "GET / HTTP/1.1\r\nHost: a b\r\n\r\n", 400),
                Arguments.of("Host with a slash", "GET / HTTP/1.1\r\nHost: a/b\r\n\r\n", 400),
                Arguments.of("Host with userinfo", "GET / HTTP/1.1\r\nHost: user@a\r\n\r\n", 400),
                Arguments.of("Host with a port not of digits", "GET / HTTP/1.1\r\nHost: a:8o\r\n\r\n", 400),
                Arguments.of("Host with two ports", "GET / HTTP/1.1\r\nHost: a:80:81\r\n\r\n", 400),
                Arguments.of("Host with a bad percent-encoding", "GET / HTTP/1.1\r\nHost: a%zz\r\n\r\n", 400),
                Arguments.of("Host IPv6 without brackets", "GET / HTTP/1.1\r\nHost: ::1\r\n\r\n", 400),
                Arguments.of("Host IPv6 unclosed", "GET / HTTP/1.1\r\nHost: [::1\r\n\r\n", 400),
                Arguments.of("Host IPv6 not hex", "GET / HTTP/1.1\r\nHost: [::g]\r\n\r\n", 400),
                Arguments.of("Host IPv6 with two ::", "GET / HTTP/1.1\r\nHost: [1::2::3]\r\n\r\n", 400),
                Arguments.of("Host IPv6 too many groups", "GET / HTTP/1.1\r\nHost: [1:2:3:4:5:6:7:8:9]\r\n\r\n", 400),
                Arguments.of("Host with a bad value in HTTP/1.0", "GET / HTTP/1.0\r\nHost: a b\r\n\r\n", 400),
                Arguments.of("Transfer-Encoding in HTTP/1.0", "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
                Arguments.of("head cut off in the request line", "GET / HT", 400),
                Arguments.of("head cut off in the headers", "GET / HTTP/1.1\r\nHost: x\r\n", 400),
                Arguments.of("too many empty lines first", "\r\n\r\n\r\n\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", 400));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("rejectedRequests")
    void rejectsMalformedOrOversizedHeadsWithTheirStatus(String name, String raw, int status) {
        HttpException error = catchThrowableOfType(HttpException.class, () -> parse(raw));

        assertThat(error).as(name).isNotNull();
        assertThat(error.status().code()).as(name).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "example.com:8080", "EXAMPLE.com.", "a:", ":80", "127.0.0.1:80",
        "[::1]", "[::1]:8080", "[2001:db8::7]", "[1:2:3:4:5:6:7:8]", "[::ffff:192.0.2.1]", "[fe80::1%25eth0]",
        "[v1.fe80::a+b]", "caf%C3%A9.example", "a-b_c~d!$&'()*+,;=", "localhost:0"})
    void acceptsAHostThatIsAUriHostWithAnOptionalPort(String host) throws Exception {
        assertThat(parse("GET / HTTP/1.1\r\nHost: " + host + "\r\n\r\n").headers().first("Host")).contains(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"chunked", "Chunked", "CHUNKED"})
    void acceptsChunkedAsTheOnlyTransferCoding(String coding) throws Exception {
        RequestHead head = parse("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + coding + "\r\n\r\n");

        assertThat(head.hasTransferEncoding()).isTrue();
        assertThat(head.contentLength()).isEqualTo(-1);
    }

    @Test
    void acceptsARequestLineOfExactlyTheLimit() throws Exception {
        String line = "GET /" + "a".repeat(8 * 1024 - "GET / HTTP/1.1".length()) + " HTTP/1.1";
        assertThat(line).hasSize(8 * 1024);

        assertThat(parse(line + "\r\nHost: x\r\n\r\n").method()).isEqualTo("GET");
        assertThatThrownBy(() -> parse(line.replace("GET /", "GET /a") + "\r\nHost: x\r\n\r\n"))
                .isInstanceOf(HttpException.class);
    }

    @Test
    void acceptsExactlyOneHundredHeaderFields() throws Exception {
        String raw = "GET / HTTP/1.1\r\nHost: x\r\n" + "X-A: 1\r\n".repeat(99) + "\r\n";

        assertThat(parse(raw).headers().size()).isEqualTo(100);
    }
}
