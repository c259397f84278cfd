package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.testing.RawClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --auth}, {@code HTTPD_AUTH} and {@code auth=}: which one wins, every mistake as one line, the banner. */
class AuthCommandTest {
    private static final String FROM_FLAG_HINT = "; HTTPD_AUTH=user:password keeps it out of ps and shell history";

    @TempDir
    Path temp;
    private final Map<String, String> env = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Consumer<Running> onStarted, String... args) {
        return CommandLineRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), temp, env, onStarted);
    }

    private int run(String... args) {
        return run(running -> running.server().stop(Duration.ZERO), args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path settings(String lines) throws IOException {
        return Files.writeString(temp.resolve("httpd.properties"), lines);
    }

    @Test
    void asksEveryRequestForThePasswordTypedAndSaysSoWithoutShowingIt() {
        AtomicInteger status = new AtomicInteger();
        int code = run(running -> {
            status.set(statusOfGet(running.server().port()));
            running.server().stop(Duration.ZERO);
        }, "-p", "0", "-q", "--auth", "alice:s3cret", temp.toString());

        assertThat(code).isZero();
        assertThat(status).hasValue(401);
        assertThat(stdout()).contains("\n  password required for every request (user alice, from --auth"
                + FROM_FLAG_HINT + ")\n").doesNotContain("s3cret").doesNotContain("warning");
    }

    @Test
    void takesThePasswordFromTheEnvironment() {
        env.put("HTTPD_AUTH", "env-user:s3cret");

        assertThat(run("-p", "0", temp.toString())).isZero();
        assertThat(stdout()).contains("\n  password required for every request (user env-user, from HTTPD_AUTH)\n")
                .doesNotContain("s3cret");
    }

    @Test
    void takesThePasswordFromTheSettingsFile() throws IOException {
        Path config = settings("auth=file-user:s3cret\n");

        assertThat(run("-p", "0", "--config", config.toString(), temp.toString())).isZero();
        assertThat(stdout()).contains("\n  password required for every request (user file-user, from " + config + ")\n")
                .doesNotContain("s3cret");
    }

    @Test
    void prefersTheFlagToTheEnvironmentAndTheEnvironmentToTheFile() throws IOException {
        env.put("HTTPD_AUTH", "env-user:x");
        Path config = settings("auth=file-user:x\n");

        assertThat(run("-p", "0", "--config", config.toString(), "--auth", "flag-user:x", temp.toString())).isZero();
        assertThat(run("-p", "0", "--config", config.toString(), temp.toString())).isZero();

        assertThat(stdout()).contains("(user flag-user, from --auth" + FROM_FLAG_HINT + ")\n",
                "(user env-user, from HTTPD_AUTH)\n").doesNotContain("file-user");
    }

    @Test
    void coversOnlyUploadsWithAuthUploadsOnly() throws IOException {
        env.put("HTTPD_AUTH", "alice:x");
        Path config = settings("auth-uploads-only=true\n");

        assertThat(run("-p", "0", "--auth-uploads-only", temp.toString())).isZero();
        assertThat(run("-p", "0", "--config", config.toString(), temp.toString())).isZero();

        assertThat(stdout().lines().filter(line -> line.startsWith("  password")))
                .containsExactly("  password required for uploads, not downloads (user alice, from HTTPD_AUTH)",
                        "  password required for uploads, not downloads (user alice, from HTTPD_AUTH)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "--auth alice        | --auth: expected user:password (no colon found)",
            "--auth :s3cret      | --auth: the user name before the colon is empty",
            "--auth s3cret:      | --auth: the password after the colon is empty",
            "--auth-uploads-only | --auth-uploads-only needs --auth user:password (or HTTPD_AUTH)",
    })
    void reportsABadFlagInOneLineThatNeverShowsTheValue(String arguments, String message) {
        String[] words = arguments.strip().split(" ");
        String[] args = new String[words.length + 3];
        System.arraycopy(new String[] {"-p", "0", temp.toString()}, 0, args, 0, 3);
        System.arraycopy(words, 0, args, 3, words.length);

        assertThat(run(args)).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: " + message + "\n").doesNotContain("s3cret");
        assertThat(stdout()).isEmpty();
    }

    @ParameterizedTest(name = "HTTPD_AUTH=''{0}''")
    @CsvSource(delimiter = '|', value = {
            "''            | expected user:password (no colon found)",
            "s3cret        | expected user:password (no colon found)",
            ":s3cret       | the user name before the colon is empty",
            "alice:        | the password after the colon is empty",
    })
    void reportsABadEnvironmentVariableInOneLine(String value, String message) {
        env.put("HTTPD_AUTH", value);

        assertThat(run("-p", "0", temp.toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: HTTPD_AUTH: " + message + "\n").doesNotContain("s3cret");
    }

    @Test
    void reportsABadSettingWithItsFileAndKey() throws IOException {
        Path config = settings("auth=s3cret\n");

        assertThat(run("-p", "0", "--config", config.toString(), temp.toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: " + config + ": auth: expected user:password (no colon found)\n");
    }

    @Test
    void refusesAuthUploadsOnlyFromTheSettingsFileWithoutAPassword() throws IOException {
        Path config = settings("auth-uploads-only=true\n");

        assertThat(run("-p", "0", "--config", config.toString(), temp.toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: --auth-uploads-only needs --auth user:password (or HTTPD_AUTH)\n");
    }

    @Test
    void neverShowsAPasswordTypedTwice() {
        assertThat(run("-p", "0", "--auth", "a:first-s3cret", "--auth", "a:second-s3cret", temp.toString()))
                .isEqualTo(2);
        assertThat(stderr()).hasLineCount(1).doesNotContain("s3cret");
    }

    @Test
    void warnsThatUploadsAreOpenToTheNetworkWithoutAPassword() {
        assertThat(run("-p", "0", "-b", "0.0.0.0", "--upload", temp.toString())).isZero();
        assertThat(stdout()).contains("\n  warning: uploads are open to anyone on the network: add --auth user:password\n")
                .doesNotContain("in clear");
    }

    @Test
    void warnsThatThePasswordCrossesTheNetworkInClearWithoutTls() {
        assertThat(run("-p", "0", "-b", "0.0.0.0", "--upload", "--auth", "alice:s3cret", temp.toString())).isZero();
        assertThat(stdout()).contains("\n  warning: the password crosses the network in clear (Basic is only Base64):"
                + " add --tls\n").doesNotContain("uploads are open");
    }

    @Test
    void warnsOfNothingOnLoopback() {
        assertThat(run("-p", "0", "--upload", "--auth", "alice:s3cret", temp.toString())).isZero();
        assertThat(run("-p", "0", "--upload", temp.toString())).isZero();
        assertThat(stdout()).doesNotContain("warning");
    }

    /** One GET on a connection that closes after it, so that nothing is left open for the stop to cut. */
    private static int statusOfGet(int port) {
        try (RawClient client = RawClient.over(new Socket(InetAddress.getLoopbackAddress(), port))) {
            return client.send("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").readResponse().status();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
