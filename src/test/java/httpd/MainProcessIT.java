package httpd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** httpd as a user runs it: the packaged jar in a separate process, stopped with SIGTERM or Ctrl+C (SIGINT). */
class MainProcessIT {
    @TempDir
    Path root;

    @TempDir
    Path workingDirectory;

    private Process startHttpd(String... args) throws Exception {
        return startHttpdIn(Path.of("").toAbsolutePath(), args);
    }

    private Process startHttpdIn(Path directory, String... args) throws Exception {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(
                List.of(javaBinary, "-jar", Path.of("target", "httpd.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(false).start();
    }

    @Test
    void servesUntilSigtermThenExitsWithZero() throws Exception {
        Files.writeString(root.resolve("index.html"), "hi\n");
        Process httpd = startHttpd("--port", "0", "--root", root.toString());
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(httpd.getInputStream(), StandardCharsets.UTF_8));
            String banner = stdout.readLine();
            Matcher url = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl\\+C to stop\\)$").matcher(banner);
            assertThat(url.find()).as(banner).isTrue();

            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url.group(1))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("hi\n");

            httpd.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its pipes)
            String rest = stdout.lines().collect(java.util.stream.Collectors.joining("\n")); // up to the exit
            assertThat(httpd.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(httpd.exitValue()).isZero();
            // the access log line was written out before the exit, and logging started cleanly
            assertThat(rest).contains("\"GET / HTTP/1.1\" 200 3 \"-\" \"Java-http-client/");
            assertThat(new String(httpd.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        } finally {
            httpd.destroyForcibly();
        }
    }

    @Test
    void saysStoppedInOneLineWhenCtrlCFindsNoDownloadInFlight() throws Exception {
        Files.writeString(root.resolve("index.html"), "hi\n");
        Process httpd = startHttpdIn(workingDirectory, "--port", "0", root.toString());
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(httpd.getInputStream(), StandardCharsets.UTF_8));
            Matcher url = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) ").matcher(stdout.readLine());
            assertThat(url.find()).isTrue();
            assumeCtrlCReaches(httpd);
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString()); // its connection stays open, idle

            interrupt(httpd);

            List<String> rest = stdout.lines().toList(); // up to the exit
            assertThat(httpd.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(httpd.exitValue()).isZero();
            assertThat(rest).filteredOn(line -> !line.startsWith("127.0.0.1 - - ")).containsExactly("stopped");
            assertThat(new String(httpd.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEmpty();
        } finally {
            httpd.destroyForcibly();
        }
    }

    @Test
    void saysWhatTheFirstCtrlCWaitsForAndStopsAtOnceOnTheSecond() throws Exception {
        long size = 256L * 1024 * 1024; // sparse: far more than the socket buffers hold
        try (FileChannel file = FileChannel.open(root.resolve("big.bin"), StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(new byte[] {1}), size - 1);
        }
        Process httpd = startHttpdIn(workingDirectory, "--port", "0", "--shutdown-grace", "300", root.toString());
        try (Socket downloader = new Socket()) {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(httpd.getInputStream(), StandardCharsets.UTF_8));
            Matcher port = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/ ").matcher(stdout.readLine());
            assertThat(port.find()).isTrue();
            assumeCtrlCReaches(httpd);
            downloader.setReceiveBufferSize(64 * 1024);
            downloader.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(port.group(1))));
            downloader.setSoTimeout(60_000);
            OutputStream request = downloader.getOutputStream();
            request.write("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream response = downloader.getInputStream();
            assertThat(response.read(new byte[1024])).isPositive(); // the download has started, and stalls: it is never read

            interrupt(httpd);
            assertThat(stdout.readLine()).isEqualTo("stopping: waiting up to 300 s for 1 download (Ctrl+C again to stop now)");
            interrupt(httpd);
            assertThat(stdout.readLine()).isEqualTo("stopped now, 1 download cut off");

            assertThat(httpd.waitFor(60, TimeUnit.SECONDS)).as("stopped long before the grace period").isTrue();
            assertThat(httpd.exitValue()).isEqualTo(130);
        } finally {
            httpd.destroyForcibly();
        }
    }

    /** Ctrl+C, as the terminal sends it. */
    private static void interrupt(Process process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start();
        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    /**
     * A shell started in the background without job control (as {@code mvn verify &} is) makes its children
     * ignore SIGINT, and the JVM then keeps ignoring it: no Ctrl+C can reach httpd in such a process tree.
     */
    private static void assumeCtrlCReaches(Process process) throws Exception {
        Path status = Path.of("/proc", String.valueOf(process.pid()), "status");
        assumeTrue(Files.isReadable(status), "no /proc here: SIGINT cannot be checked");
        String ignored = Files.readAllLines(status).stream().filter(line -> line.startsWith("SigIgn:"))
                .findFirst().orElseThrow().substring("SigIgn:".length()).strip();
        assumeFalse((Long.parseUnsignedLong(ignored, 16) & (1L << (2 - 1))) != 0,
                "SIGINT is ignored in this process tree (started in the background): Ctrl+C cannot be tested");
    }

    @Test
    void followsAnEditedConfigLogbackXmlInTheWorkingDirectory() throws Exception {
        Files.writeString(root.resolve("index.html"), "hi\n");
        Path config = Files.createDirectories(workingDirectory.resolve("config")).resolve("logback.xml");
        Files.writeString(config, Files.readString(Path.of("config", "logback.xml"))
                .replace("<encoder class=\"httpd.logging.MessageLineEncoder\"/>",
                        "<encoder><pattern>edited: %msg%n</pattern></encoder>"));
        Process httpd = startHttpdIn(workingDirectory, "--port", "0", "--root", root.toString());
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(httpd.getInputStream(), StandardCharsets.UTF_8));
            Matcher url = Pattern.compile("at (http://127\\.0\\.0\\.1:\\d+/) ").matcher(stdout.readLine());
            assertThat(url.find()).isTrue();

            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url.group(1))).build(),
                    HttpResponse.BodyHandlers.ofString());
            httpd.toHandle().destroy();

            assertThat(stdout.lines().toList()).anySatisfy(line -> assertThat(line)
                    .startsWith("edited: 127.0.0.1 - - [").contains("\"GET / HTTP/1.1\" 200 3 "));
            assertThat(httpd.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            httpd.destroyForcibly();
        }
    }

    @Test
    void exitsWithOneClearLineWhenTheRootIsMissing() throws Exception {
        Process httpd = startHttpd("--root", root.resolve("missing").toString());

        assertThat(httpd.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(httpd.exitValue()).isEqualTo(2);
        assertThat(new String(httpd.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("httpd: root " + root.resolve("missing") + " does not exist" + System.lineSeparator());
    }
}
