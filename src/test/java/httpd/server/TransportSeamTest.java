package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.SiteOptions;
import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.HttpDates;
import httpd.http.HttpStatus;
import httpd.testing.TestFiles;
import httpd.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real exchanges (the real parser, file handler and writer) over an in-memory {@link Transport}, with no socket
 * and no thread: everything a connection does with bytes goes through the transport, so another transport can
 * carry it unchanged.
 */
class TransportSeamTest {
    private static final Instant MODIFIED = Instant.parse("2025-05-06T07:08:09Z");
    private static final String HELLO = "hello, world\n";
    private static final int LARGE = Body.SMALL_BYTES + 40_000;

    @TempDir
    Path root;
    private final QueuedScheduler scheduler = new QueuedScheduler();
    private final List<Connection> closed = new ArrayList<>();
    private byte[] large;
    private httpd.http.RequestHandler files;

    @BeforeEach
    void createSite() throws IOException {
        TestFiles.write(root, "hello.txt", HELLO, MODIFIED);
        large = new byte[LARGE];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) ('a' + i % 26);
        }
        Files.write(root.resolve("large.txt"), large);
        Files.setLastModifiedTime(root.resolve("large.txt"), FileTime.from(MODIFIED));
        files = TestServer.files(SiteOptions.defaults(root));
    }

    /** Runs one connection over these client bytes until it has nothing left to do. */
    private MemoryTransport serve(String clientBytes, boolean inputEnds) {
        MemoryTransport transport = new MemoryTransport(clientBytes, inputEnds);
        ServerConfig config = ServerConfig.builder(InetAddress.getLoopbackAddress(), 0).build();
        ConnectionContext context = new ConnectionContext(config, files, Optional.empty(), TestServer.SERVER, new PerSecondText(TestServer.CLOCK, HttpDates::format),
                new AccessLog(false, TestServer.CLOCK), Trace.NONE, scheduler, new InputBuffers(), () -> false,
                closed::add);
        scheduler.serveAgain(new Connection(1, transport, context));
        scheduler.runAll();
        return transport;
    }

    private static String etag(long length) {
        return "\"" + Long.toHexString(length) + "-" + Long.toHexString(MODIFIED.toEpochMilli()) + "\"";
    }

    private static String fileHead(String type, long length, String connection) {
        return "HTTP/1.1 200 OK\r\n"
                + "Date: " + TestServer.DATE + "\r\n"
                + "Server: " + TestServer.SERVER + "\r\n"
                + "Content-Type: " + type + "\r\n"
                + "Accept-Ranges: bytes\r\n"
                + "Last-Modified: " + HttpDates.format(MODIFIED) + "\r\n"
                + "ETag: " + etag(length) + "\r\n"
                + "Cache-Control: no-cache\r\n"
                + (length >= 1024 ? "Vary: Accept-Encoding\r\n" : "") // text that may go gzip-encoded
                + "Content-Length: " + length + "\r\n"
                + (connection == null ? "" : "Connection: " + connection + "\r\n")
                + "\r\n";
    }

    private static final String TEXT = "text/plain; charset=utf-8";

    @Test
    void answersAGetForASmallFileAndClosesWhenTheClientSendsNoMore() {
        MemoryTransport transport = serve("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n", true);

        assertThat(transport.output()).isEqualTo(fileHead(TEXT, HELLO.length(), null) + HELLO);
        assertThat(transport.bytesSentAsFile()).isZero();
        assertThat(scheduler.transfers()).isZero();
        assertThat(transport.isClosed()).isTrue();
        assertThat(closed).hasSize(1);
    }

    @Test
    void sendsAFileLargerThanASmallBodyOnATransferThroughTheSendFilePath() {
        MemoryTransport transport = serve("GET /large.txt HTTP/1.1\r\nHost: x\r\n\r\n", true);

        assertThat(transport.output())
                .isEqualTo(fileHead(TEXT, LARGE, null) + new String(large, StandardCharsets.ISO_8859_1));
        assertThat(transport.bytesSentAsFile()).isEqualTo(LARGE);
        assertThat(scheduler.transfers()).isEqualTo(1);
        assertThat(transport.isClosed()).isTrue();
    }

    @Test
    void answersAHeadWithTheHeadOfTheGetAndNoBodyOnTheRequestThread() {
        MemoryTransport transport = serve("HEAD /large.txt HTTP/1.1\r\nHost: x\r\n\r\n"
                + "HEAD /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n", true);

        assertThat(transport.output()).isEqualTo(fileHead(TEXT, LARGE, null) + fileHead(TEXT, HELLO.length(), null));
        assertThat(transport.bytesSentAsFile()).isZero();
        assertThat(scheduler.transfers()).isZero();
    }

    @Test
    void answersAMatchingRevalidationWith304AndNoBody() {
        MemoryTransport transport = serve(
                "GET /hello.txt HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag(HELLO.length()) + "\r\n\r\n", true);

        assertThat(transport.output()).isEqualTo("HTTP/1.1 304 Not Modified\r\n"
                + "Date: " + TestServer.DATE + "\r\n"
                + "Server: " + TestServer.SERVER + "\r\n"
                + "Last-Modified: " + HttpDates.format(MODIFIED) + "\r\n"
                + "ETag: " + etag(HELLO.length()) + "\r\n"
                + "Cache-Control: no-cache\r\n\r\n");
    }

    @Test
    void answersPipelinedRequestsInOrderSmallAndLargeAlike() {
        MemoryTransport transport = serve("GET /large.txt HTTP/1.1\r\nHost: x\r\n\r\n"
                + "GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n", true);

        assertThat(transport.output()).isEqualTo(fileHead(TEXT, LARGE, null)
                + new String(large, StandardCharsets.ISO_8859_1) + fileHead(TEXT, HELLO.length(), null) + HELLO);
        assertThat(scheduler.transfers()).isEqualTo(1);
    }

    @Test
    void answersAMalformedHeadWith400AndCloses() {
        MemoryTransport transport = serve("GET / HTTP/1.1\r\n\r\nGET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n", false);

        String page = new String(((Body.Bytes) ErrorPages.of(HttpStatus.BAD_REQUEST,
                "missing Host header (HTTP/1.1 needs one)").body()).bytes(), StandardCharsets.ISO_8859_1);
        assertThat(transport.output()).isEqualTo("HTTP/1.1 400 Bad Request\r\n"
                + "Date: " + TestServer.DATE + "\r\n"
                + "Server: " + TestServer.SERVER + "\r\n"
                + "Content-Type: text/html; charset=utf-8\r\n"
                + "Content-Length: " + page.length() + "\r\n"
                + "Connection: close\r\n\r\n" + page);
        assertThat(transport.isClosed()).isTrue();
    }

    @Test
    void closesAfterAnsweringARequestThatSaysConnectionClose() {
        MemoryTransport transport = serve(
                "GET /hello.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\nGET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n",
                false);

        assertThat(transport.output()).isEqualTo(fileHead(TEXT, HELLO.length(), "close") + HELLO);
        assertThat(transport.isClosed()).isTrue();
        assertThat(closed).hasSize(1);
    }
}
