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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --upload}, {@code --upload-overwrite}, {@code --max-upload}, and their keys in the settings file. */
class UploadCommandTest {
    @TempDir
    Path temp;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String options, AtomicInteger status, String path, int bytes) {
        String[] args = (options + " -p 0 " + temp).trim().split(" +");
        return CommandLineRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), temp, running -> {
                    status.set(put("http://127.0.0.1:" + running.server().port() + path, bytes));
                    running.server().stop(Duration.ZERO);
                });
    }

    private static int put(String url, int bytes) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(new byte[bytes])).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "''|405",
        "--upload|201",
        "--config=up.properties|201",
        "--upload --max-upload 10|413",
        "--upload --max-upload=1K|201",
        "--config=small.properties|413",
    })
    void takesAnUploadOnlyWhenAskedAndUpToTheCap(String options, int expected) throws IOException {
        Files.writeString(temp.resolve("up.properties"), "upload=true\n");
        Files.writeString(temp.resolve("small.properties"), "upload=true\nmax-upload=10\n");
        AtomicInteger status = new AtomicInteger();

        assertThat(run(options, status, "/new.bin", 100)).isZero();

        assertThat(status).hasValue(expected);
    }

    @Test
    void theBannerSaysUploadsAreOn() {
        run("--upload --max-upload 20M", new AtomicInteger(), "/x.bin", 1);

        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "  uploads on: listing pages take files, and PUT (curl -T FILE URL); up to 20M each, never overwriting");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--upload --max-upload 0|max-upload must be a size such as 500M or 2G, not '0'",
        "--upload --max-upload lots|max-upload must be a size such as 500M or 2G, not 'lots'",
        "--upload --max-upload 5X|max-upload must be a size such as 500M or 2G, not '5X'",
        "--upload-overwrite|--upload-overwrite needs --upload",
    })
    void refusesABadUploadSettingInOneLine(String options, String line) {
        int code = run(options, new AtomicInteger(), "/x", 1);

        assertThat(code).isEqualTo(CommandLineRun.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("httpd: " + line + "\n");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "1048576|1048576", "500K|512000", "20M|20971520", "1G|1073741824", "2GiB|2147483648", "1 g|1073741824",
        "7b|7", "0|0", "''|-1", "M|-1", "-1|-1", "1.5G|-1", "99999999999999999G|-1",
    })
    void readsSizes(String text, long bytes) {
        assertThat(ByteSize.parse(text)).isEqualTo(bytes);
    }
}
