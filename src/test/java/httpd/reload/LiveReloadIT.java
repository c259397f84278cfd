package httpd.reload;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.SiteOptions;
import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --watch on a live server: the injected script, the event stream, and events on change. */
class LiveReloadIT {
    private static final String PAGE = "<!DOCTYPE html><html><body><h1>hi</h1></body></html>\n";

    @TempDir
    Path root;
    ReloadEvents events;
    FileWatcher watcher;
    TestServer server;

    @BeforeEach
    void start() throws IOException {
        Files.writeString(root.resolve("index.html"), PAGE);
        Files.writeString(root.resolve("style.css"), "h1{color:red}");
        events = new ReloadEvents(2, Duration.ofSeconds(15));
        watcher = new FileWatcher(root, Duration.ofMillis(100), events::changed).start();
        server = TestServer.start(SiteOptions.defaults(root), UnaryOperator.identity(),
                files -> new LiveReloadHandler(files, events));
    }

    @AfterEach
    void stop() throws IOException {
        events.close();
        server.close();
        watcher.close();
    }

    private RawResponse raw(String request) {
        try (RawClient client = server.connect()) {
            return client.send(request).readResponse(request.startsWith("HEAD"));
        }
    }

    @Test
    void injectsTheScriptIntoHtmlWithMatchingLengthAndEtag() {
        RawResponse get = raw("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        RawResponse head = raw("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");

        String expected = PAGE.replace("</body>", LiveReloadHandler.SCRIPT + "</body>");
        assertThat(get.bodyText()).isEqualTo(expected);
        assertThat(get.header("Content-Length")).isEqualTo(String.valueOf(expected.getBytes(StandardCharsets.UTF_8).length));
        assertThat(head.header("Content-Length")).isEqualTo(get.header("Content-Length"));
        assertThat(get.header("ETag")).endsWith("-live\"").isEqualTo(head.header("ETag"));
        assertThat(get.header("Accept-Ranges")).isNull();
    }

    @Test
    void revalidatesAnInjectedPageWith304() {
        String etag = raw("GET / HTTP/1.1\r\nHost: x\r\n\r\n").header("ETag");

        RawResponse again = raw("GET / HTTP/1.1\r\nHost: x\r\nIf-None-Match: " + etag + "\r\n\r\n");

        assertThat(again.status()).isEqualTo(304);
        assertThat(again.header("ETag")).isEqualTo(etag);
    }

    @Test
    void sendsPagesWholeEvenWhenARangeIsAsked() {
        RawResponse response = raw("GET / HTTP/1.1\r\nHost: x\r\nRange: bytes=0-5\r\n\r\n");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).contains(LiveReloadHandler.SCRIPT);
    }

    @Test
    void leavesOtherFilesUntouched() {
        RawResponse css = raw("GET /style.css HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(css.bodyText()).isEqualTo("h1{color:red}");
        assertThat(css.header("ETag")).doesNotContain("-live");
    }

    @Test
    void streamsAReloadEventWhenAPageChangesAndACssEventForStylesheets() throws Exception {
        try (Socket stream = new Socket("127.0.0.1", server.port())) {
            stream.setSoTimeout(30_000);
            stream.getOutputStream().write("GET /__httpd/events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = stream.getInputStream();
            String head = readUntil(in, "httpd live reload\n\n");
            assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Type: text/event-stream; charset=utf-8\r\n",
                    "Connection: close\r\n").doesNotContain("Content-Length");

            Files.writeString(root.resolve("style.css"), "h1{color:blue}");
            assertThat(readUntil(in, "\n\n")).isEqualTo("event: css\ndata: css\n\n");

            Files.writeString(root.resolve("index.html"), PAGE.replace("hi", "hello"));
            assertThat(readUntil(in, "\n\n")).isEqualTo("event: reload\ndata: reload\n\n");
        }
    }

    @Test
    void boundsTheNumberOfStreamsAndEndsThemAtShutdown() throws Exception {
        try (Socket first = new Socket("127.0.0.1", server.port()); Socket second = new Socket("127.0.0.1", server.port())) {
            for (Socket stream : new Socket[] {first, second}) {
                stream.setSoTimeout(30_000);
                stream.getOutputStream().write("GET /__httpd/events HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                readUntil(stream.getInputStream(), "httpd live reload\n\n");
            }

            RawResponse third = raw("GET /__httpd/events HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(third.status()).isEqualTo(503);

            events.close();
            assertThat(first.getInputStream().read()).isEqualTo(-1);
            assertThat(second.getInputStream().read()).isEqualTo(-1);
        }
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        while (!bytes.toString(StandardCharsets.UTF_8).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("stream ended after: " + bytes.toString(StandardCharsets.UTF_8));
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
