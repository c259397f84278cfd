package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.SiteOptions;
import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestFiles;
import httpd.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directory listings and the single-page-app fallback, as a browser sees them. */
class ListingAndSpaIT {
    private static final Instant MODIFIED = Instant.parse("2025-05-06T07:08:09Z");

    @TempDir
    Path root;
    TestServer server;

    @BeforeEach
    void createSite() throws IOException {
        write("digits.txt", "0123456789");
        write("index.html", "<h1>app</h1>\n");
        write("404.html", "<h1>custom 404</h1>\n");
        server = TestServer.start(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path write(String name, String content) throws IOException {
        return TestFiles.write(root, name, content, MODIFIED);
    }

    private RawResponse raw(String request) {
        return RawClient.exchange(server, request);
    }

    @Test
    void givesAListingAValidatorAndAnswersAMatchingRevalidationWith304() throws IOException {
        write("files/a.txt", "a");
        RawResponse first = raw(RawClient.get("/files/"));
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{16}\"");
        assertThat(first.header("Cache-Control")).isEqualTo("no-cache");

        RawResponse unchanged = raw(RawClient.get("/files/", "If-None-Match: " + etag));
        assertThat(unchanged.head()).isEqualTo("HTTP/1.1 304 Not Modified\r\nDate: " + TestServer.DATE
                + "\r\nServer: " + TestServer.SERVER + "\r\nETag: " + etag + "\r\nCache-Control: no-cache\r\nVary: Accept\r\n\r\n");

        write("files/a.txt", "a longer a");
        RawResponse edited = raw(RawClient.get("/files/", "If-None-Match: " + etag));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.header("ETag")).isNotEqualTo(etag);
        assertThat(raw("HEAD /files/ HTTP/1.1\r\nHost: x\r\n\r\n").header("ETag")).isEqualTo(edited.header("ETag"));
    }

    @Test
    void listsADirectoryWithoutIndexWithFoldersFirstAndEscapedNames() throws IOException {
        write("files/b.txt", "bb");
        write("files/A.txt", "a");
        write("files/<img src=x onerror=alert(1)>.txt", "x");
        write("files/100% #1?.txt", "x");
        write("files/caf\u00e9 menu.txt", "x");
        write("files/.secret", "hidden");
        Files.createDirectories(root.resolve("files/zeta dir"));

        RawResponse response = raw(RawClient.get("/files/"));
        String html = response.bodyText();

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(html).contains("<title>Index of /files/</title>", "<a class=\"up\" href=\"../\">../</a>",
                "<tr class=\"dir\"><td class=\"name\"><a class=\"dir\" href=\"zeta%20dir/\">zeta dir/</a>",
                "<a class=\"txt\" href=\"%3Cimg%20src=x%20onerror=alert(1)%3E.txt\">&lt;img src=x onerror=alert(1)&gt;.txt</a>",
                "<a class=\"txt\" href=\"100%25%20%231%3F.txt\">100% #1?.txt</a>",
                "<a class=\"txt\" href=\"caf%C3%A9%20menu.txt\">caf\u00e9 menu.txt</a>",
                "<td class=\"size\">2 B</td>");
        assertThat(html).doesNotContain(".secret", "<img src");
        assertThat(html.indexOf("zeta dir/")).isLessThan(html.indexOf("A.txt"));
        assertThat(html.indexOf("A.txt")).isLessThan(html.indexOf("b.txt"));
    }

    @Test
    void listsTheRootWithoutAParentLinkWhenItHasNoIndex() throws IOException {
        Files.delete(root.resolve("index.html"));

        String html = raw(RawClient.get("/")).bodyText();

        assertThat(html).contains("Index of /").doesNotContain("href=\"../\"");
        assertThat(html).contains("digits.txt");
    }

    @Test
    void keepsListingWhenA404PageExistsAndLinksWork() throws Exception {
        write("files/hello world.txt", "hi");

        String html = raw(RawClient.get("/files/")).bodyText();
        String href = html.replaceAll("(?s).*href=\"(hello[^\"]*)\".*", "$1");

        assertThat(html).contains("hello world.txt");
        assertThat(raw(RawClient.get("/files/" + href)).bodyText()).isEqualTo("hi");
    }

    @Test
    void answers404ForADirectoryWithoutIndexWhenListingIsOff() throws IOException {
        write("files/a.txt", "a");
        try (TestServer noListing = TestServer.start(new SiteOptions(root, false, false, false, "no-cache", false, true))) {
            RawResponse response = RawClient.exchange(noListing, RawClient.get("/files/"));

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.bodyText()).isEqualTo("<h1>custom 404</h1>\n");
        }
    }

    // --- single-page apps ---

    @Test
    void servesIndexForNavigationsButKeepsAssetsAs404WithSpa() {
        try (TestServer spa = TestServer.start(new SiteOptions(root, false, true, true, "no-cache", false, true))) {
            RawResponse navigation = RawClient.exchange(spa, RawClient.get("/users/42", "Accept: text/html,application/xhtml+xml,*/*;q=0.8"));
            RawResponse script = RawClient.exchange(spa, RawClient.get("/app.js", "Accept: */*"));
            RawResponse image = RawClient.exchange(spa, RawClient.get("/img/x.png", "Accept: image/avif,image/webp,*/*"));
            RawResponse refused = RawClient.exchange(spa, RawClient.get("/users/42", "Accept: text/html;q=0"));

            assertThat(navigation.status()).isEqualTo(200);
            assertThat(navigation.bodyText()).isEqualTo("<h1>app</h1>\n");
            assertThat(script.status()).isEqualTo(404);
            assertThat(image.status()).isEqualTo(404);
            assertThat(refused.status()).isEqualTo(404);
        }
        assertThat(raw(RawClient.get("/users/42", "Accept: text/html")).status()).isEqualTo(404);
    }
}
