package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --inspect} and its two companions on the command line and in the settings file. */
class InspectCommandTest {
    @TempDir
    Path temp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Consumer<Running> onStarted, String... args) {
        return CommandLineRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), temp, onStarted);
    }

    private int run(String... args) {
        return run(running -> running.server().stop(Duration.ZERO), args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String banner() {
        return "httpd \\S+ serving " + Pattern.quote(temp.toString())
                + " at http://127\\.0\\.0\\.1:(\\d+)/ \\(Ctrl\\+C to stop\\)\n";
    }

    @Test
    void printsTheInspectorsUrlAndServesItThere() {
        AtomicInteger status = new AtomicInteger();
        int code = run(running -> {
            status.set(get("http://127.0.0.1:" + running.server().port() + "/__httpd/inspect"));
            running.server().stop(Duration.ZERO);
        }, "-p", "0", "--inspect", temp.toString());

        assertThat(code).isZero();
        assertThat(stdout()).matches(banner()
                + "  inspector: http://127\\.0\\.0\\.1:\\1/__httpd/inspect \\(Cookie and Authorization values masked\\)\n"
                + "stopped\n");
        assertThat(status).hasValue(200);
    }

    @Test
    void hasNoInspectorWithoutTheFlag() {
        AtomicInteger status = new AtomicInteger();
        assertThat(run(running -> {
            status.set(get("http://127.0.0.1:" + running.server().port() + "/__httpd/inspect"));
            running.server().stop(Duration.ZERO);
        }, "-p", "0", temp.toString())).isZero();

        assertThat(status).hasValue(404);
    }

    @Test
    void takesItFromTheSettingsFile() throws IOException {
        Path config = Files.writeString(temp.resolve("httpd.properties"), "inspect=true\ninspect-secrets=true\n");

        assertThat(run("-p", "0", "--config", config.toString(), temp.toString())).isZero();
        assertThat(stdout()).contains("  inspector: http://127.0.0.1:").doesNotContain("masked");
    }

    @Test
    void warnsWhenOtherMachinesMayWatch() {
        assertThat(run("-p", "0", "--inspect", "--inspect-from-lan", temp.toString())).isZero();
        assertThat(stdout()).contains("  warning: --inspect-from-lan: anyone who can reach this port sees every request,"
                + " their addresses and paths\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--inspect-from-lan", "--inspect-secrets"})
    void refusesACompanionWithoutInspect(String option) {
        assertThat(run("-p", "0", option, temp.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("httpd: " + option + " needs --inspect\n");
    }

    private static int get(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
