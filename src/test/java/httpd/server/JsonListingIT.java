package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.SiteOptions;
import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestFiles;
import httpd.testing.TestServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Listings for scripts: {@code Accept: application/json} on a real server. */
class JsonListingIT {
    private static final Instant MODIFIED = Instant.parse("2025-05-06T07:08:09.750Z");
    private static final String JSON = "Accept: application/json";
    private static final String BODY = "[\n"
            + "{\"name\":\"sub\",\"type\":\"directory\",\"size\":0,\"modified\":\"2025-05-06T07:08:09Z\"},\n"
            + "{\"name\":\"a.txt\",\"type\":\"file\",\"size\":5,\"modified\":\"2025-05-06T07:08:09Z\"},\n"
            + "{\"name\":\"B.md\",\"type\":\"file\",\"size\":12,\"modified\":\"2025-05-06T07:08:09Z\"}\n"
            + "]\n";

    @TempDir
    Path temp;
    Path root;
    TestServer server;

    @BeforeEach
    void createSite() throws IOException {
        root = Files.createDirectory(temp.resolve("www"));
        write("list/a.txt", "hello");
        write("list/B.md", "# B, twelve\n");
        write("list/sub/inner.txt", "inner");
        write("list/.hidden", "secret");
        Files.writeString(temp.resolve("outside.txt"), "outside");
        Files.createSymbolicLink(root.resolve("list/outside.txt"), temp.resolve("outside.txt"));
        Files.setLastModifiedTime(root.resolve("list/sub"), FileTime.from(MODIFIED));
        server = TestServer.start(root);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void write(String name, String content) throws IOException {
        TestFiles.write(root, name, content, MODIFIED);
    }

    private RawResponse get(String path, String... headers) {
        return RawClient.exchange(server, RawClient.get(path, headers));
    }

    @Test
    void answersAcceptJsonWithExactlyThisArray() {
        RawResponse response = get("/list/", JSON);
        String etag = response.header("ETag");

        assertThat(response.text()).isEqualTo("HTTP/1.1 200 OK\r\n"
                + "Date: " + TestServer.DATE + "\r\n"
                + "Server: " + TestServer.SERVER + "\r\n"
                + "Content-Type: application/json\r\n"
                + "ETag: " + etag + "\r\n"
                + "Cache-Control: no-cache\r\n"
                + "Vary: Accept\r\n"
                + "Content-Length: " + BODY.length() + "\r\n"
                + "\r\n" + BODY);
        assertThat(etag).matches("\"[0-9a-f]{16}\"");
    }

    @Test
    void listsAnEmptyFolderAsAnEmptyArray() throws IOException {
        Files.createDirectories(root.resolve("empty"));

        assertThat(get("/empty/", JSON).bodyText()).isEqualTo("[\n]\n");
    }

    @Test
    void includesDotfilesWhenTheyAreServed() {
        try (TestServer dotfiles = TestServer.start(new SiteOptions(root, true, true, false, "no-cache", false, true))) {
            String body = RawClient.exchange(dotfiles, RawClient.get("/list/", JSON)).bodyText();

            assertThat(body).contains("{\"name\":\".hidden\",\"type\":\"file\",\"size\":6,")
                    .doesNotContain("outside");
        }
    }

    @Test
    void escapesOddNamesAsJsonStrings() throws IOException {
        for (String name : new String[] {"say \"hi\".txt", "back\\slash.txt", "tab\there.txt", "new\nline.txt",
                "bell\u0007.txt", "caf\u00e9 \u65e5\u672c \ud83d\udcf7.txt", "js\u2028.txt", "<b>&amp;.txt"}) {
            write("odd/" + name, "x");
        }

        String body = get("/odd/", JSON).bodyText();

        assertThat(body).contains("{\"name\":\"say \\\"hi\\\".txt\",", "{\"name\":\"back\\\\slash.txt\",",
                "{\"name\":\"tab\\there.txt\",", "{\"name\":\"new\\nline.txt\",", "{\"name\":\"bell\\u0007.txt\",",
                "{\"name\":\"caf\u00e9 \u65e5\u672c \ud83d\udcf7.txt\",", "{\"name\":\"js\\u2028.txt\",",
                "{\"name\":\"<b>&amp;.txt\",");
        assertThat(body.lines().count()).isEqualTo(10); // one line per entry, the brackets on their own
        assertThat(body.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
        assertThat(get("/odd/", JSON).body()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void revalidatesEachFormByItsOwnEtag() {
        String jsonTag = get("/list/", JSON).header("ETag");
        String htmlTag = get("/list/").header("ETag");

        RawResponse notModified = get("/list/", JSON, "If-None-Match: " + jsonTag);
        RawResponse html = get("/list/", "If-None-Match: " + jsonTag);
        RawResponse json = get("/list/", JSON, "If-None-Match: " + htmlTag);

        assertThat(jsonTag).isNotEqualTo(htmlTag);
        assertThat(notModified.text()).isEqualTo("HTTP/1.1 304 Not Modified\r\n"
                + "Date: " + TestServer.DATE + "\r\n"
                + "Server: " + TestServer.SERVER + "\r\n"
                + "ETag: " + jsonTag + "\r\n"
                + "Cache-Control: no-cache\r\n"
                + "Vary: Accept\r\n\r\n");
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(html.header("Vary")).isEqualTo("Accept");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.bodyText()).isEqualTo(BODY);
    }

    @Test
    void answersHeadWithTheHeadOfTheJsonGet() {
        try (RawClient client = server.connect()) {
            RawResponse get = client.send(RawClient.get("/list/", JSON)).readResponse();
            RawResponse head = client.send("HEAD /list/ HTTP/1.1\r\nHost: x\r\n" + JSON + "\r\n\r\n").readResponse(true);

            assertThat(head.head()).isEqualTo(get.head());
        }
    }

    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "application/json|application/json",
        "application/json, text/html;q=0.9|application/json",
        "text/html;q=0.5, application/*|application/json",
        "text/html, application/json|text/html; charset=utf-8",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8|text/html; charset=utf-8",
        "*/*|text/html; charset=utf-8",
        "application/json;q=0|text/html; charset=utf-8",
        "image/png|text/html; charset=utf-8",
    })
    void negotiatesTheFormByTheRequestsWeights(String accept, String contentType) {
        RawResponse response = get("/list/", "Accept: " + accept);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo(contentType);
        assertThat(response.header("Vary")).isEqualTo("Accept");
    }
}
