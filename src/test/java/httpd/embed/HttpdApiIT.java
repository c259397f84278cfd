package httpd.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;

/** The embedding API as a Java program uses it: start on port 0, fetch with HttpClient, close. */
class HttpdApiIT {
    @TempDir
    Path root;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void site() throws IOException {
        Files.writeString(root.resolve("index.html"), "<!doctype html><title>home</title><p>home</p>\n");
        Files.writeString(root.resolve(".env"), "SECRET=1\n");
        Files.writeString(root.resolve("page.html"), "<p>a line of a page that compresses</p>\n".repeat(100));
        Files.createDirectories(root.resolve("folder"));
        Files.writeString(root.resolve("folder/a.txt"), "a\n");
    }

    private HttpResponse<String> get(HttpdServer server, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(HttpdServer server, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(30))
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsOnAFreePortAndServesTheFolder() throws Exception {
        try (HttpdServer server = Httpd.serve(root).start()) {
            HttpResponse<String> page = get(server, "/");

            assertThat(server.port()).isPositive();
            assertThat(server.uri()).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/"));
            assertThat(server.uri("/page.html")).isEqualTo(URI.create("http://127.0.0.1:" + server.port() + "/page.html"));
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).isEqualTo("<!doctype html><title>home</title><p>home</p>\n");
            assertThat(page.headers().firstValue("Server")).hasValue("httpd/" + Httpd.version());
        }
    }

    /** One option, one request, one assertion: each setting of the builder reaches the server. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "dotfiles|/.env|200",
        "no dotfiles|/.env|404",
        "listing off|/folder/|404",
        "listing|/folder/|200",
        "spa|/no/such/page|200",
        "no spa|/no/such/page|404",
    })
    void eachFilesSettingReachesTheServer(String setting, String path, int status) throws Exception {
        UnaryOperator<Httpd> apply = switch (setting) {
            case "dotfiles" -> h -> h.dotfiles(true);
            case "listing off" -> h -> h.listing(false);
            case "spa" -> h -> h.spa(true);
            default -> UnaryOperator.identity();
        };
        try (HttpdServer server = apply.apply(Httpd.serve(root)).start()) {
            assertThat(get(server, path, "Accept", "text/html").statusCode()).isEqualTo(status);
        }
    }

    @Test
    void cacheControlCorsHeaderCompressionAndServerNameReachTheResponse() throws Exception {
        try (HttpdServer server = Httpd.serve(root).cacheControl("max-age=60").cors(true)
                .header("X-Frame-Options", "DENY").compress(false).serverName("site/1").start()) {
            HttpResponse<String> page = get(server, "/page.html", "Accept-Encoding", "gzip");

            assertThat(page.headers().firstValue("Cache-Control")).hasValue("max-age=60");
            assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
            assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(page.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(page.headers().firstValue("Server")).hasValue("site/1");
        }
        try (HttpdServer server = Httpd.serve(root).start()) {
            assertThat(get(server, "/page.html", "Accept-Encoding", "gzip").headers().firstValue("Content-Encoding"))
                    .hasValue("gzip");
        }
    }

    @Test
    void uploadsTheirOverwriteAndTheirCapReachTheServer() throws Exception {
        try (HttpdServer server = Httpd.serve(root).start()) {
            assertThat(put(server, "/new.txt", "x").statusCode()).isEqualTo(405);
        }
        try (HttpdServer server = Httpd.serve(root).upload(true).maxUpload(10).start()) {
            assertThat(put(server, "/new.txt", "new").statusCode()).isEqualTo(201);
            assertThat(put(server, "/big.txt", "more than ten bytes").statusCode()).isEqualTo(413);
            assertThat(put(server, "/new.txt", "again").statusCode()).isEqualTo(409);
        }
        try (HttpdServer server = Httpd.serve(root).upload(true).uploadOverwrite(true).start()) {
            assertThat(put(server, "/new.txt", "again").statusCode()).isEqualTo(200);
        }
        assertThat(Files.readString(root.resolve("new.txt"))).isEqualTo("again");
    }

    @Test
    void aPasswordReachesEveryRequestOrOnlyUploads() throws Exception {
        String right = "Basic " + Base64.getEncoder().encodeToString("ann:pw:1".getBytes(StandardCharsets.UTF_8));
        try (HttpdServer server = Httpd.serve(root).auth("ann", "pw:1").start()) {
            assertThat(get(server, "/").statusCode()).isEqualTo(401);
            assertThat(get(server, "/", "Authorization", right).statusCode()).isEqualTo(200);
        }
        try (HttpdServer server = Httpd.serve(root).upload(true).auth("ann", "pw:1").authUploadsOnly(true).start()) {
            assertThat(get(server, "/").statusCode()).isEqualTo(200);
            assertThat(put(server, "/up.txt", "x").statusCode()).isEqualTo(401);
            assertThat(put(server, "/up.txt", "x", "Authorization", right).statusCode()).isEqualTo(201);
        }
    }

    @Test
    void liveReloadTheInspectorAndTheTraceReachTheServer() throws Exception {
        ByteArrayOutputStream traced = new ByteArrayOutputStream();
        try (HttpdServer server = Httpd.serve(root).watch(true).inspector(true, false, false)
                .trace(new PrintStream(traced, true, StandardCharsets.UTF_8), false).start()) {
            assertThat(get(server, "/").body()).contains("new EventSource('/__httpd/events')");
            assertThat(get(server, "/__httpd/inspect").statusCode()).isEqualTo(200);
        }
        assertThat(traced.toString(StandardCharsets.UTF_8)).contains("GET / HTTP/1.1");
        try (HttpdServer server = Httpd.serve(root).start()) {
            assertThat(get(server, "/__httpd/inspect").statusCode()).isEqualTo(404);
            assertThat(get(server, "/").body()).doesNotContain("EventSource");
        }
    }

    @Test
    void theAccessLogIsOnAtInfoOnItsOwnLoggerUnlessTurnedOff() throws Exception {
        Logger access = (Logger) LoggerFactory.getLogger("httpd.access");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        access.addAppender(lines);
        try {
            try (HttpdServer server = Httpd.serve(root).start()) {
                get(server, "/");
            }
            try (HttpdServer server = Httpd.serve(root).accessLog(false).start()) {
                get(server, "/");
            }
        } finally {
            access.detachAppender(lines);
        }
        assertThat(lines.list).hasSize(1);
        assertThat(lines.list.get(0).getFormattedMessage()).contains("\"GET / HTTP/1.1\" 200");
    }

    @Test
    void limitsAndTimeoutsReachTheServer() throws Exception {
        try (HttpdServer server = Httpd.serve(root).maxConnections(1).headerTimeout(Duration.ofSeconds(1)).start();
                Socket first = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            first.getOutputStream().write("GET / HTTP/1.1\r\nHost: t\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            readHead(first.getInputStream());
            HttpResponse<String> second = get(server, "/");
            assertThat(second.statusCode()).isEqualTo(503);
        }
        try (HttpdServer server = Httpd.serve(root).headerTimeout(Duration.ofSeconds(1)).start();
                Socket silent = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            silent.getOutputStream().write("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readHead(silent.getInputStream())).startsWith("HTTP/1.1 408 ");
        }
    }

    @Test
    void twoServersSideBySideShareNothing(@TempDir Path other) throws Exception {
        Files.writeString(other.resolve("index.html"), "other\n");
        try (HttpdServer first = Httpd.serve(root).start(); HttpdServer second = Httpd.serve(other).spa(true).start()) {
            assertThat(first.port()).isNotEqualTo(second.port());
            assertThat(get(first, "/").body()).contains("home");
            assertThat(get(second, "/").body()).isEqualTo("other\n");
            assertThat(get(first, "/missing", "Accept", "text/html").statusCode()).isEqualTo(404);
            assertThat(get(second, "/missing", "Accept", "text/html").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void closeLetsADownloadInFlightFinishAndLeavesNoThreadBehind() throws Exception {
        byte[] large = new byte[8 * 1024 * 1024];
        new java.util.Random(1).nextBytes(large);
        Files.write(root.resolve("large.bin"), large);
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        HttpdServer server = Httpd.serve(root).watch(true).start();
        CompletableFuture<Void> closed;
        long received;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setReceiveBufferSize(64 * 1024);
            OutputStream out = socket.getOutputStream();
            out.write("GET /large.bin HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200 ");
            received = in.readNBytes(64 * 1024).length; // the download is under way
            closed = CompletableFuture.runAsync(server::close);
            received += in.readAllBytes().length;
        }
        closed.get();
        assertThat(received).isEqualTo(large.length);
        Set<String> left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t))
                .filter(Thread::isAlive).map(Thread::getName).filter(name -> !name.startsWith("ForkJoinPool")
                        && !name.startsWith("HttpClient")).collect(Collectors.toSet());
        assertThat(left).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "port 70000|port 70000 is out of range (0-65535)",
        "threads 0|threads must be between 1 and 10000, not 0",
        "max-connections 0|max-connections must be at least 1",
        "send-timeout 0|send-timeout must be at least 1 second",
        "header|invalid header 'X-A: a\\r\\nB: b': control characters (such as CR or LF) are not allowed",
        "framing header|invalid header 'Content-Length: 5': httpd sets Content-Length itself",
    })
    void refusesABadSettingWithTheCommandLinesMessage(String setting, String message) {
        Httpd httpd = Httpd.serve(root);
        assertThatThrownBy(() -> {
            switch (setting) {
                case "port 70000" -> httpd.port(70000);
                case "threads 0" -> httpd.threads(0);
                case "max-connections 0" -> httpd.maxConnections(0);
                case "send-timeout 0" -> httpd.sendTimeout(Duration.ZERO);
                case "header" -> httpd.header("X-A", "a\r\nB: b");
                default -> httpd.header("Content-Length", "5");
            }
        }).isInstanceOf(IllegalArgumentException.class).hasMessage(message.replace("\\r\\n", "\r\n"));
    }

    @Test
    void refusesARootThatIsNoFolderWithTheCommandLinesMessage() throws IOException {
        Path missing = root.resolve("missing");
        Path file = Files.writeString(root.resolve("file.txt"), "x");

        assertThatThrownBy(() -> Httpd.serve(missing).start()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("root " + missing + " does not exist");
        assertThatThrownBy(() -> Httpd.serve(file).start()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("root " + file + " is not a directory");
    }

    @Test
    void aBusyPortIsAnIOException() throws IOException {
        try (HttpdServer first = Httpd.serve(root).start()) {
            assertThatThrownBy(() -> Httpd.serve(root).port(first.port()).start()).isInstanceOf(IOException.class);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
