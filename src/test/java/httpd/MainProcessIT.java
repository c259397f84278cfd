package httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** httpd as a user runs it: the packaged jar in a separate process, stopped with SIGTERM. */
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

            assertThat(stdout.readLine()).startsWith("edited: 127.0.0.1 - - [").contains("\"GET / HTTP/1.1\" 200 3 ");
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
