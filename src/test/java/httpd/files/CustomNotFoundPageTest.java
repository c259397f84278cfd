package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.http.Headers;
import httpd.http.HttpStatus;
import httpd.http.HttpVersion;
import httpd.http.RequestHead;
import httpd.http.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomNotFoundPageTest {
    private static final long SECOND = 1_000_000_000L;

    @TempDir
    Path root;

    private final AtomicLong now = new AtomicLong(-5 * SECOND); // nanoTime may be negative
    private StaticFileHandler handler;

    @BeforeEach
    void createHandler() throws IOException {
        handler = new StaticFileHandler(new PathResolver(root, false), MimeTypes.load(),
                new SiteOptions(true, false, "no-cache", false), false, ZoneOffset.UTC, now::get);
    }

    private Response missing() throws Exception {
        return handler.handle(new RequestHead("HEAD", "/missing", HttpVersion.HTTP_1_1, Headers.NONE, -1));
    }

    @Test
    void picksUpANew404PageWithinASecondWithoutLookingForItOnEvery404() throws Exception {
        assertThat(missing().header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        long builtInLength = missing().body().length();
        Files.writeString(root.resolve("404.html"), "<h1>custom</h1>\n");

        now.addAndGet(SECOND - 1);
        Response stillBuiltIn = missing();
        now.addAndGet(1);
        Response custom = missing();

        assertThat(stillBuiltIn.body().length()).isEqualTo(builtInLength);
        assertThat(custom.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(custom.body().length()).isEqualTo("<h1>custom</h1>\n".length());
    }

    @Test
    void noticesADeleted404PageAtOnce() throws Exception {
        Files.writeString(root.resolve("404.html"), "<h1>custom</h1>\n");
        assertThat(missing().body().length()).isEqualTo(16);

        Files.delete(root.resolve("404.html"));

        assertThat(missing().body().length()).isNotEqualTo(16);
    }
}
