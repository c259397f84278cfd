package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --compress} (the default), {@code --no-compress}, and {@code compress=} in the settings file. */
class CompressCommandTest {
    @TempDir
    Path temp;

    @BeforeEach
    void aPageWorthCompressing() throws IOException {
        Files.writeString(temp.resolve("page.html"), "<p>a line of a page</p>\n".repeat(100));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "''|gzip",
        "--compress|gzip",
        "--no-compress|none",
        "--config=off.properties|none",
        "--config=off.properties --compress|gzip",
    })
    void encodesAPageUnlessTurnedOff(String options, String encoding) throws IOException {
        Files.writeString(temp.resolve("off.properties"), "compress=false\n");
        AtomicReference<String> sent = new AtomicReference<>();
        String[] args = (options + " -p 0 " + temp).trim().split(" +");
        int code = CommandLineRun.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), temp, running -> {
                    sent.set(contentEncoding("http://127.0.0.1:" + running.server().port() + "/page.html"));
                    running.server().stop(Duration.ZERO);
                });

        assertThat(code).isZero();
        assertThat(sent).hasValue(encoding);
    }

    private static String contentEncoding(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.discarding())
                    .headers().firstValue("Content-Encoding").orElse("none");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
