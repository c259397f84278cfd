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
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root's 404.html is the body of every 404; it is looked up afresh on each one, so edits show at once. */
class CustomNotFoundPageTest {
    @TempDir
    Path root;

    private StaticFileHandler handler;

    @BeforeEach
    void createHandler() throws IOException {
        handler = new StaticFileHandler(SiteOptions.defaults(root), MimeTypes.load(),
                new FileVersionCache(1024 * 1024, Clock.systemUTC()), ZoneOffset.UTC);
    }

    private Response missing() {
        return handler.handle(new RequestHead("GET", "/missing", HttpVersion.HTTP_1_1, Headers.NONE, -1));
    }

    @Test
    void picksUpANew404PageOnTheNext404() throws Exception {
        assertThat(missing().header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        Files.writeString(root.resolve("404.html"), "<h1>custom</h1>\n");

        Response custom = missing();

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
