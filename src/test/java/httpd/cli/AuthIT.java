package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.reload.LiveReloadHandler;
import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The password on a server started as the command line starts it ({@code --watch --inspect}), so that what is
 * checked is the handlers as {@link HttpdCommand} puts them together: every path asks, the right credentials pass.
 */
class AuthIT {
    private static final String PASSWORD = "pässwörd:1";
    private static final String RIGHT = basic("alice:" + PASSWORD);
    private static final String CHALLENGE = "Basic realm=\"httpd\", charset=\"UTF-8\"";

    @TempDir
    Path temp;
    Path root;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Thread serving;
    private Running running;

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void makeASite() throws IOException {
        root = Files.createDirectories(temp.resolve("site"));
        Files.writeString(root.resolve("hello.txt"), "hello\n");
        Files.writeString(root.resolve("page.html"), "<!DOCTYPE html><html><body><h1>hi</h1></body></html>\n");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/notes.txt"), "notes\n");
    }

    /** Starts httpd with these flags on a thread of its own, as {@code main} would, and waits until it listens. */
    private void start(String... flags) throws Exception {
        String[] args = Stream.concat(Stream.of("-p", "0", "-q", "--auth", "alice:" + PASSWORD),
                Stream.concat(Stream.of(flags), Stream.of(root.toString()))).toArray(String[]::new);
        CompletableFuture<Running> started = new CompletableFuture<>();
        serving = new Thread(() -> {
            int code = CommandLineRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), temp, Map.of(), started::complete);
            started.completeExceptionally(new IllegalStateException("httpd ended with " + code + ": " + err));
        }, "httpd-under-test");
        serving.start();
        running = started.get(30, TimeUnit.SECONDS);
    }

    private void startWatchingAndInspecting() throws Exception {
        start("--watch", "--inspect");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (running != null) {
            running.server().stop(Duration.ZERO);
        }
        if (serving != null) {
            serving.join(30_000);
        }
    }

    private RawResponse exchange(String method, String target, String... headerLines) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target)
                .append(" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        try (RawClient client = RawClient.over(new Socket(InetAddress.getLoopbackAddress(), running.server().port()))) {
            return client.send(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8))
                    .readResponse(method.equals("HEAD"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertChallenged(RawResponse response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.head()).startsWith("HTTP/1.1 401 Unauthorized\r\n");
        assertThat(response.header("WWW-Authenticate")).isEqualTo(CHALLENGE);
        assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    }

    static Stream<Arguments> everyPath() {
        return Stream.of(
                Arguments.of("GET", "/hello.txt"),
                Arguments.of("GET", "/"),
                Arguments.of("GET", "/sub/"),
                Arguments.of("GET", "/sub"),
                Arguments.of("GET", "/page.html"),
                Arguments.of("GET", "/missing.txt"),
                Arguments.of("GET", "/%2e%2e/%2e%2e/etc/passwd"),
                Arguments.of("GET", LiveReloadHandler.EVENTS_PATH),
                Arguments.of("GET", "/__httpd/inspect"),
                Arguments.of("GET", "/__httpd/inspect/events"),
                Arguments.of("HEAD", "/hello.txt"),
                Arguments.of("OPTIONS", "/hello.txt"),
                Arguments.of("OPTIONS", "*"),
                Arguments.of("PUT", "/new.txt"),
                Arguments.of("POST", "/"),
                Arguments.of("DELETE", "/hello.txt"),
                Arguments.of("BREW", "/"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyPath")
    void asksEveryPathForThePassword(String method, String target) throws Exception {
        startWatchingAndInspecting();

        RawResponse response = exchange(method, target);

        assertChallenged(response);
        if (!method.equals("HEAD")) {
            assertThat(response.bodyText()).contains("<h1>401 <span>Unauthorized</span></h1>")
                    .doesNotContain("hello", "httpd --watch");
        }
    }

    static Stream<Arguments> wrongCredentials() {
        return Stream.of(
                Arguments.of("wrong user", basic("bob:" + PASSWORD)),
                Arguments.of("wrong password", basic("alice:pässwörd")),
                Arguments.of("password not UTF-8", "Basic " + Base64.getEncoder().encodeToString(
                        ("alice:" + PASSWORD).getBytes(StandardCharsets.ISO_8859_1))),
                Arguments.of("malformed Base64", "Basic YWxpY2U6eA"),
                Arguments.of("not Base64 at all", "Basic alice:" + PASSWORD),
                Arguments.of("another scheme", "Bearer " + RIGHT.substring(6)),
                Arguments.of("no colon", basic("alice")),
                Arguments.of("no credentials", "Basic"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongCredentials")
    void refusesWrongAndMalformedCredentialsWith401(String what, String authorization) throws Exception {
        startWatchingAndInspecting();

        assertChallenged(exchange("GET", "/hello.txt", "Authorization: " + authorization));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic ", "basic ", "BASIC   "})
    void servesAFileToTheRightCredentials(String scheme) throws Exception {
        startWatchingAndInspecting();

        RawResponse response = exchange("GET", "/hello.txt", "Authorization: " + scheme + RIGHT.substring(6));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.bodyText()).isEqualTo("hello\n");
        assertThat(response.header("WWW-Authenticate")).isNull();
    }

    @Test
    void servesListingsPagesWithTheScript404sAndTheInspectorToTheRightCredentials() throws Exception {
        startWatchingAndInspecting();

        RawResponse listing = exchange("GET", "/sub/", "Authorization: " + RIGHT);
        RawResponse page = exchange("GET", "/page.html", "Authorization: " + RIGHT);
        RawResponse missing = exchange("GET", "/missing.txt", "Authorization: " + RIGHT);
        RawResponse inspector = exchange("GET", "/__httpd/inspect", "Authorization: " + RIGHT);

        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.bodyText()).contains("notes.txt");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.bodyText()).contains("<h1>hi</h1>", "httpd --watch", LiveReloadHandler.EVENTS_PATH);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(inspector.status()).isEqualTo(200);
        assertThat(inspector.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
    }

    @Test
    void opensTheLiveReloadStreamToTheRightCredentials() throws Exception {
        startWatchingAndInspecting();

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), running.server().port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET " + LiveReloadHandler.EVENTS_PATH + " HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: " + RIGHT + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));

            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            assertThat(Stream.generate(() -> readLine(in)).takeWhile(line -> !line.isEmpty()))
                    .contains("Content-Type: text/event-stream; charset=utf-8");
        }
    }

    @Test
    void theInspectorTellsWhyAndMasksTheCredentials() throws Exception {
        startWatchingAndInspecting();

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), running.server().port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET /__httpd/inspect/events HTTP/1.1\r\nHost: x\r\n"
                    + "Authorization: " + RIGHT + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(in.readLine()).isEqualTo("HTTP/1.1 200 OK");
            lineWith(in, "event: hello");

            exchange("GET", "/hello.txt", "Authorization: " + RIGHT);
            String accepted = lineWith(in, "\"target\":\"/hello.txt\"");
            exchange("GET", "/hello.txt", "Authorization: " + basic("alice:wrong-" + PASSWORD));
            String refused = lineWith(in, "\"target\":\"/hello.txt\"");

            assertThat(accepted).contains("\"status\":200,", "Basic credentials of user alice match → on to the site"
                    + " (RFC 7617 §2)", "Authorization: ***").doesNotContain(RIGHT.substring(6), "pässwörd");
            assertThat(refused).contains("\"status\":401,", "the user-id or the password is not the one configured")
                    .doesNotContain("Basic YWxp", "wrong-", "pässwörd");
        }
    }

    @Test
    void letsDownloadsThroughButAsksUploadsForThePasswordWithAuthUploadsOnly() throws Exception {
        start("--auth-uploads-only", "--upload");

        RawResponse download = exchange("GET", "/hello.txt");
        RawResponse listing = exchange("GET", "/sub/");
        RawResponse head = exchange("HEAD", "/hello.txt");
        RawResponse put = exchange("PUT", "/new.txt", "Content-Length: 5");
        RawResponse post = exchange("POST", "/sub/", "Content-Length: 0");
        RawResponse delete = exchange("DELETE", "/hello.txt");
        RawResponse putWithPassword = exchange("PUT", "/new.txt", "Authorization: " + RIGHT, "Content-Length: 0");

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.bodyText()).isEqualTo("hello\n");
        assertThat(listing.status()).isEqualTo(200);
        assertThat(head.status()).isEqualTo(200);
        assertChallenged(put);
        assertChallenged(post);
        assertChallenged(delete);
        assertThat(putWithPassword.status()).as("past the password: the upload handler's answer").isEqualTo(201);
        assertThat(root.resolve("new.txt")).isEmptyFile(); // only the upload with the password was taken
    }

    @Test
    void answersACorsPreflightWithoutAPasswordAndLetsPagesElsewhereRead401s() throws Exception {
        start("--cors");

        RawResponse preflight = exchange("OPTIONS", "/hello.txt", "Origin: http://elsewhere.example",
                "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: authorization");
        RawResponse refused = exchange("GET", "/hello.txt", "Origin: http://elsewhere.example");
        RawResponse served = exchange("GET", "/hello.txt", "Origin: http://elsewhere.example", "Authorization: " + RIGHT);

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualTo("authorization");
        assertChallenged(refused);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEqualTo("*");
        assertThat(served.status()).isEqualTo(200);
    }

    /** Reads event stream lines until one holding {@code text}; a heartbeat first means it never came. */
    private static String lineWith(BufferedReader in, String text) {
        while (true) {
            String line = readLine(in);
            if (line.contains(text)) {
                return line;
            }
            if (line.startsWith(":")) {
                throw new IllegalStateException("no line with " + text + " before the heartbeat");
            }
        }
    }

    private static String readLine(BufferedReader in) {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new IllegalStateException("the stream ended");
            }
            return line;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
