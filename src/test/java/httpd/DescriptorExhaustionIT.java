package httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Too many open files" at accept: logged once, and serving resumes when descriptors free up. */
class DescriptorExhaustionIT {
    @TempDir
    Path root;

    @Test
    void logsOnceAndRecoversWhenDescriptorsRunOut() throws Exception {
        Files.writeString(root.resolve("index.html"), "ok\n");
        Path stderr = root.resolveSibling(root.getFileName() + "-stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = "ulimit -n 200 && exec '" + java + "' -jar '" + Path.of("target", "httpd.jar").toAbsolutePath()
                + "' --quiet --port 0 --root '" + root + "'";
        Process httpd = new ProcessBuilder("bash", "-c", command).redirectError(stderr.toFile()).start();
        List<Socket> hogs = new ArrayList<>();
        try {
            String banner = new BufferedReader(new InputStreamReader(httpd.getInputStream(), StandardCharsets.UTF_8)).readLine();
            Matcher url = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/").matcher(banner);
            assertThat(url.find()).as(banner).isTrue();
            int port = Integer.parseInt(url.group(1));

            for (int i = 0; i < 400; i++) {
                hogs.add(new Socket("127.0.0.1", port)); // idle connections until the server runs out of descriptors
            }
            awaitLogLine(stderr, "accept failed");
            for (Socket hog : hogs) {
                hog.close();
            }

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).isEqualTo("ok\n");
            long failures = Files.readAllLines(stderr).stream().filter(line -> line.contains("accept failed")).count();
            assertThat(failures).isBetween(1L, 3L);
        } finally {
            for (Socket hog : hogs) {
                hog.close();
            }
            httpd.destroy();
            httpd.waitFor(30, TimeUnit.SECONDS);
            httpd.destroyForcibly();
        }
    }

    /** Polls the server's stderr file for a line (the server is another process: no event to wait on). */
    private static void awaitLogLine(Path log, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (Files.readString(log).contains(text)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no '" + text + "' in " + Files.readString(log));
    }
}
