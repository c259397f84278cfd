package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.testing.TestTls;
import httpd.tls.LocalCa;
import httpd.tls.ServerNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTPS flags from the command line to a serving port, and every mistake in them as one line. */
class HttpsCommandTest {
    @TempDir
    Path temp;

    private Path site;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void makeASite() throws IOException {
        site = Files.createDirectories(temp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "secure\n");
    }

    private int run(Consumer<Running> onStarted, String... args) {
        return CommandLineRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), temp, onStarted);
    }

    private int run(String... args) {
        return run(running -> running.server().stop(Duration.ZERO), args);
    }

    /** Starts with these flags, fetches / over https trusting the CA {@code ca} gives once started, and stops. */
    private HttpResponse<String> fetchWhileRunning(Supplier<X509Certificate> ca, String... args) {
        AtomicReference<HttpResponse<String>> response = new AtomicReference<>();
        int code = run(running -> {
            try {
                HttpClient client = TestTls.client(ca.get());
                response.set(client.send(HttpRequest.newBuilder(URI.create("https://localhost:"
                        + running.server().port() + "/")).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                running.server().stop(Duration.ofSeconds(5)); // the client's idle connection closes at once
            }
        }, args);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(0);
        return response.get();
    }

    @Test
    void servesHttpsWithANewLocalCaAndSaysWhereItIs() {
        Path caDir = temp.resolve("ca");

        HttpResponse<String> response = fetchWhileRunning(() -> TestTls.ca(caDir).certificate(),
                "--tls", "--tls-dir", caDir.toString(), "-p", "0", site.toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("secure\n");
        List<String> banner = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(banner.get(0)).matches("httpd \\S+ serving " + java.util.regex.Pattern.quote(site.toString())
                + " at https://127\\.0\\.0\\.1:\\d+/ \\(Ctrl\\+C to stop\\)");
        assertThat(banner).contains("  HTTPS with a new local CA, " + caDir.resolve("ca.crt"),
                "  trust it once per device: java -jar httpd.jar trust; a phone opens /__httpd/ca (http:// works)");
        assertThat(banner).anyMatch(line -> line.matches("  certificate issued for localhost, .*127\\.0\\.0\\.1.* \\(until \\d{4}-\\d\\d-\\d\\d\\)"));
    }

    @Test
    void reusesTheCaAndTheCertificateOnTheNextStart() {
        Path caDir = temp.resolve("ca");
        run("--tls", "--tls-dir", caDir.toString(), "-p", "0", site.toString());
        out.reset();

        run("--tls", "--tls-dir", caDir.toString(), "-p", "0", site.toString());

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("  HTTPS with the local CA " + caDir.resolve("ca.crt"))
                .doesNotContain("certificate issued");
    }

    @Test
    void takesTlsFromTheSettingsFile() throws IOException {
        Path caDir = temp.resolve("ca");
        Files.writeString(Files.createDirectory(temp.resolve("config")).resolve("httpd.properties"),
                "tls=true\ntls-dir=" + caDir + "\nport=0\nroot=" + site + "\n");

        assertThat(run()).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(" at https://127.0.0.1:", "HTTPS with a new local CA");
    }

    @Test
    void servesWithACertificateOfOnesOwnAndWarnsWhatItDoesNotCover() {
        LocalCa ca = LocalCa.openOrCreate(temp.resolve("company"), "it@company", Clock.systemUTC());
        LocalCa.Issued issued = ca.serverCertificate(new ServerNames(List.of("localhost"), List.of("10.9.9.9")));
        Path dir = temp.resolve("company");

        HttpResponse<String> response = fetchWhileRunning(ca::certificate,
                "--cert", issued.certificateFile().toString(), "--key", dir.resolve("server.key").toString(),
                "-p", "0", site.toString());

        assertThat(response.body()).isEqualTo("secure\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("  HTTPS with " + issued.certificateFile() + " (",
                "  warning: the certificate does not cover 127.0.0.1");
    }

    @Test
    void needsAKeyWithACertificate() {
        assertThat(run("--cert", "c.pem", "-p", "0", site.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("httpd: --cert c.pem needs --key FILE, its private key\n");
    }

    @Test
    void needsACertificateWithAKey() {
        assertThat(run("--key", "k.pem", "-p", "0", site.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("httpd: --key k.pem needs --cert FILE, its certificate\n");
    }

    @Test
    void refusesAnOwnCertificateTogetherWithTheCaDirectory() {
        assertThat(run("--cert", "c.pem", "--key", "k.pem", "--tls-dir", "x", site.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("httpd: --tls-dir is for the local CA, --cert/--key bring your own: name one\n");
    }

    @Test
    void namesAMissingCertificateFile() {
        Path missing = temp.resolve("missing.pem");

        assertThat(run("--cert", missing.toString(), "--key", missing.toString(), site.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("httpd: " + missing + " does not exist\n");
    }

    @Test
    void namesAKeyThatIsNotTheCertificates() {
        LocalCa ca = LocalCa.openOrCreate(temp.resolve("ca"), "ann@laptop", Clock.systemUTC());
        Path certificate = ca.serverCertificate(TestTls.LOOPBACK).certificateFile();
        Path otherKey = temp.resolve("ca").resolve("ca.key");

        assertThat(run("--cert", certificate.toString(), "--key", otherKey.toString(), site.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("httpd: " + otherKey + " is not the key of the certificate in " + certificate + "\n");
    }

    @Test
    void namesATextFileGivenAsACertificate() throws IOException {
        Path text = Files.writeString(temp.resolve("notes.txt"), "hello\n");

        assertThat(run("--cert", text.toString(), "--key", text.toString(), site.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("httpd: " + text + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)\n");
    }

    @Test
    void printsHowToTrustTheCaAndRunsNothing() {
        Path caDir = temp.resolve("ca");

        assertThat(run("trust", "--tls-dir", caDir.toString())).isEqualTo(0);

        LocalCa ca = TestTls.ca(caDir);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("The local CA is " + caDir.resolve("ca.crt") + "\n")
                .contains(ca.fingerprint(), "/__httpd/ca", "httpd ran none of these commands.");
    }
}
