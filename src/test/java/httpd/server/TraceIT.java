package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.SiteOptions;
import httpd.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --trace on a live server: the bytes on the wire, keep-alive made visible, nothing raw. */
class TraceIT {
    @TempDir
    Path root;

    @Test
    void tracesAKeepAliveConnectionAndEscapesHostileBytes() throws Exception {
        Files.writeString(root.resolve("hello.txt"), "hello\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WireTrace wire = new WireTrace(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        CountDownLatch closed = new CountDownLatch(1);
        Trace trace = new Trace() {
            @Override
            public void opened(long connection, String client) {
                wire.opened(connection, "client");
            }

            @Override
            public void request(long connection, byte[] rawHead) {
                wire.request(connection, rawHead);
            }

            @Override
            public void exchanged(Exchanged exchange) {
                wire.exchanged(exchange);
            }

            @Override
            public void closed(long connection, int requests, String how) {
                wire.closed(connection, requests, how);
                closed.countDown();
            }
        };
        ServerConfig config = ServerConfig.builder(InetAddress.getLoopbackAddress(), 0).build();
        HttpServer server = new HttpServer(config, TestServer.files(SiteOptions.defaults(root)), TestServer.SERVER,
                TestServer.CLOCK, trace);
        server.start();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write("GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\nGET /x HTTP/1.1\r\nHost: x\r\nX-Evil: \u001b[2J\r\n\r\n"
                    .getBytes(StandardCharsets.ISO_8859_1));
            in.readAllBytes();
            assertThat(closed.await(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            server.stop(Duration.ofSeconds(5));
        }

        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("[#1] connection opened from client\n"
                + "[#1] > GET /hello.txt HTTP/1.1\u240d\u240a\n"
                + "[#1] > Host: x\u240d\u240a\n"
                + "[#1] > \u240d\u240a\n"
                + "[#1] why: /hello.txt → the file hello.txt\n"
                + "[#1] why: HTTP/1.1 → the connection stays open for the next request (RFC 9112 §9.3)\n"
                + "[#1] why: the next request is already here (pipelined): it is answered after this one, in order"
                + " (RFC 9112 §9.3.2)\n"
                + "[#1] < HTTP/1.1 200 OK\u240d\u240a\n");
        assertThat(printed).contains("[#1] < (6 bytes of body)\n",
                "[#1] > X-Evil: \\x1b[2J\u240d\u240a\n",
                "[#1] why: control character in header field value (RFC 9110 §5.5) → 400, and the connection ends:"
                        + " the rest of the stream cannot be trusted\n",
                "[#1] < HTTP/1.1 400 Bad Request\u240d\u240a\n",
                "[#1] < Connection: close\u240d\u240a\n");
        assertThat(printed).endsWith("[#1] connection closed after 2 requests: closed by the server, as the last answer said\n").doesNotContain("\u001b");
    }
}
