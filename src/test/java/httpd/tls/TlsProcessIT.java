package httpd.tls;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.testing.TestTls;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar in a process of its own: HTTPS works, and a start without it never loads BouncyCastle. */
class TlsProcessIT {
    @TempDir
    Path temp;

    private Path root;

    @BeforeEach
    void makeASite() throws Exception {
        root = Files.createDirectories(temp.resolve("site"));
        Files.writeString(root.resolve("index.html"), "hi\n");
    }

    /** Runs the jar with these flags, logging each class the JVM loads; fetches / with this client; stops it. */
    private List<String> classesLoadedServing(HttpClient client, String scheme, String... args) throws Exception {
        Path classLog = temp.resolve("classes.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:file=" + classLog, "-jar", Path.of("target", "httpd.jar").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process httpd = new ProcessBuilder(command).directory(temp.toFile()).start();
        try {
            BufferedReader stdout = new BufferedReader(new InputStreamReader(httpd.getInputStream(), StandardCharsets.UTF_8));
            String banner = stdout.readLine();
            Matcher url = Pattern.compile("at (" + scheme + "://127\\.0\\.0\\.1:(\\d+)/) ").matcher(String.valueOf(banner));
            assertThat(url.find()).as(banner).isTrue();

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create(scheme + "://localhost:" + url.group(2) + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("hi\n");

            httpd.toHandle().destroy();
            stdout.lines().forEach(line -> { }); // up to the exit
            assertThat(httpd.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(httpd.exitValue()).isZero();
            return Files.readAllLines(classLog);
        } finally {
            httpd.destroyForcibly();
        }
    }

    @Test
    void startsWithoutTlsWithoutLoadingBouncyCastleOrTheTlsCode() throws Exception {
        List<String> loaded = classesLoadedServing(HttpClient.newHttpClient(), "http", "--port", "0", root.toString());

        assertThat(loaded).anyMatch(line -> line.contains("httpd.server.Connection "));
        assertThat(loaded).noneMatch(line -> line.contains("org.bouncycastle"));
        assertThat(loaded).noneMatch(line -> line.contains("httpd.tls.") || line.contains("httpd.cli.Https ")
                || line.contains("httpd.embed.HttpsSetup "));
    }

    @Test
    void servesHttpsFromTheJar() throws Exception {
        Path caDir = temp.resolve("ca");
        HttpClient client = TestTls.client(TestTls.ca(caDir).certificate());

        List<String> loaded = classesLoadedServing(client, "https", "--tls", "--tls-dir", caDir.toString(), "--port",
                "0", root.toString());

        assertThat(loaded).anyMatch(line -> line.contains("httpd.tls.TlsTransport "));
    }
}
