package httpd.share;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.SiteOptions;
import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestServer;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /__httpd/qr.svg} on a real server in front of the files, as a listing page's script asks for it. */
class QrPageIT {
    /** TEST-NET-1 (RFC 5737): an address that stands for this machine's LAN one. */
    private static final String LAN_HOST = "192.0.2.7";

    @TempDir
    Path root;
    TestServer server;

    @BeforeEach
    void start() throws IOException {
        Files.createDirectories(root.resolve("photos"));
        Files.writeString(root.resolve("photos/a.txt"), "a");
        server = TestServer.start(SiteOptions.defaults(root), UnaryOperator.identity(),
                files -> new QrPage(Optional.of(LAN_HOST), files));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String qrTarget(String url) {
        return QrPage.PATH + "?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    @Test
    void servesTheCodeOfAPageAsAnSvg() throws Exception {
        String page = "http://laptop.local:" + server.port() + "/photos/";

        HttpResponse<String> response = server.get(qrTarget(page));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=86400");
        assertThat(response.body()).isEqualTo(QrSvg.of(QrCodes.encode(page)));
    }

    @Test
    void showsAPageOpenedAsLocalhostAtTheLanAddress() throws Exception {
        HttpResponse<String> response = server.get(qrTarget("http://127.0.0.1:" + server.port() + "/photos/"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(response.body()).isEqualTo(QrSvg.of(QrCodes.encode("http://" + LAN_HOST + ":" + server.port()
                + "/photos/")));
    }

    @Test
    void answersHeadWithTheHeadOfTheImage() {
        RawResponse get = RawClient.exchange(server, RawClient.get(qrTarget("http://h/")));
        RawResponse head = RawClient.exchange(server, "HEAD " + qrTarget("http://h/") + " HTTP/1.1\r\nHost: x\r\n\r\n");

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Length")).isEqualTo(String.valueOf(get.body().length));
        assertThat(head.header("Content-Type")).isEqualTo("image/svg+xml");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void refusesAMissingUrlAndATooLongOne() {
        RawResponse missing = RawClient.exchange(server, RawClient.get(QrPage.PATH));
        RawResponse tooLong = RawClient.exchange(server, RawClient.get(qrTarget("http://h/" + "a".repeat(1016))));
        RawResponse notHttp = RawClient.exchange(server, RawClient.get(qrTarget("file:///etc/passwd")));

        assertThat(missing.status()).isEqualTo(400);
        assertThat(tooLong.status()).isEqualTo(414);
        assertThat(notHttp.status()).isEqualTo(400);
    }

    @Test
    void listingPagesAskForTheCodeOfTheirOwnAddress() throws Exception {
        HttpResponse<String> listing = server.get("/photos/");

        assertThat(listing.body()).contains("<header><h1>Index of /photos/</h1><img class=\"qr\" id=\"qr\" hidden",
                "i.src=\"/__httpd/qr.svg?url=\"+encodeURIComponent(location.href.split(\"#\")[0])");
    }

    @Test
    void leavesTheSiteAlone() throws Exception {
        assertThat(server.get("/photos/a.txt").body()).isEqualTo("a");
        assertThat(server.get("/__httpd/qr.svgz").statusCode()).isEqualTo(404);
    }
}
