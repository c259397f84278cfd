package httpd.share;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.http.Body;
import httpd.http.HeaderField;
import httpd.http.Headers;
import httpd.http.HttpStatus;
import httpd.http.HttpVersion;
import httpd.http.RequestHead;
import httpd.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QrPageTest {
    private static final Response SITE = Response.builder(HttpStatus.NO_CONTENT).header("X-From", "site").build();
    private final QrPage lan = new QrPage(Optional.of("192.168.1.20"), request -> SITE);
    private final QrPage loopbackOnly = new QrPage(Optional.empty(), request -> SITE);

    private static RequestHead request(String method, String target) {
        return new RequestHead(method, target, HttpVersion.HTTP_1_1, Headers.NONE, -1);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "GET,    /__httpd/qr.svg,                                  400",
        "GET,    /__httpd/qr.svg?,                                 400",
        "GET,    /__httpd/qr.svg?url=,                             400",
        "GET,    /__httpd/qr.svg?text=http://h/,                   400",
        "GET,    /__httpd/qr.svg?url=ftp%3A%2F%2Fh%2F,             400",
        "GET,    /__httpd/qr.svg?url=data:text/html;base64%2CPHA+, 400",
        "GET,    /__httpd/qr.svg?url=http://h/%ZZ,                 400",
        "POST,   /__httpd/qr.svg?url=http://h/,                    405",
        "DELETE, /__httpd/qr.svg?url=http://h/,                    405",
        "GET,    /__httpd/qr.svg?url=http://h/,                    200",
        "HEAD,   /__httpd/qr.svg?url=http://h/,                    200",
        "GET,    http://h/__httpd/qr.svg?url=http://h/,            200",
        "GET,    /__httpd/qr.svg/,                                 204",
        "GET,    /__httpd/qr.svgz?url=http://h/,                   204",
        "GET,    /photos/,                                         204",
        "POST,   /photos/,                                         204",
    })
    void answersItsOwnPathAndPassesEverythingElseOn(String method, String target, int status) {
        assertThat(lan.handle(request(method, target)).status().code()).isEqualTo(status);
    }

    @Test
    void refusesTextLongerThanAKibibyteAsAUriTooLong() {
        String longest = "http://h/" + "a".repeat(QrCodes.MAX_TEXT_BYTES - 9);

        assertThat(lan.handle(request("GET", "/__httpd/qr.svg?url=" + longest)).status()).isEqualTo(HttpStatus.OK);
        assertThat(lan.handle(request("GET", "/__httpd/qr.svg?url=" + longest + "a")).status())
                .isEqualTo(HttpStatus.URI_TOO_LONG);
    }

    @Test
    void answersAPostWithTheMethodsAllowed() {
        assertThat(lan.handle(request("POST", "/__httpd/qr.svg?url=http://h/")).header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void servesTheCodeOfTheUrlAsACacheableSvg() {
        Response response = lan.handle(request("GET", "/__httpd/qr.svg?url=http%3A%2F%2F192.168.1.20%3A7891%2Fa%2F"));

        assertThat(response.headers()).containsExactly(new HeaderField("Content-Type", "image/svg+xml"),
                new HeaderField("Cache-Control", "public, max-age=86400"),
                new HeaderField("Content-Security-Policy", "default-src 'none'"),
                new HeaderField("X-Content-Type-Options", "nosniff"));
        assertThat(body(response)).isEqualTo(QrSvg.of(QrCodes.encode("http://192.168.1.20:7891/a/")));
    }

    @Test
    void showsALoopbackPageAtTheLanAddressAndLetsNoCacheKeepIt() {
        Response response = lan.handle(request("GET", "/__httpd/qr.svg?url=http%3A%2F%2Flocalhost%3A7891%2Fa%2F"));

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(body(response)).isEqualTo(QrSvg.of(QrCodes.encode("http://192.168.1.20:7891/a/")));
    }

    @Test
    void hasNoCodeForALoopbackPageWhenListeningOnLoopbackOnly() {
        for (String host : List.of("localhost", "127.0.0.1", "%5B%3A%3A1%5D")) {
            Response response = loopbackOnly.handle(request("GET", "/__httpd/qr.svg?url=http://" + host + ":7891/"));

            assertThat(response.status()).as(host).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        }
        assertThat(loopbackOnly.handle(request("GET", "/__httpd/qr.svg?url=http://laptop.local/")).status())
                .isEqualTo(HttpStatus.OK);
    }

    private static String body(Response response) {
        return new String(((Body.Bytes) response.body()).bytes(), StandardCharsets.UTF_8);
    }
}
