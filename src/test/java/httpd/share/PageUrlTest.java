package httpd.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import httpd.http.HttpException;
import httpd.http.HttpStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageUrlTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "url=http%3A%2F%2F192.168.1.20%3A7891%2F              | http  | 192.168.1.20     | :7891/",
        "url=http://laptop.local/a/                           | http  | laptop.local     | /a/",
        "url=HTTPS://Laptop.Local:8443/a%2520b/?x=1%26y=2%23top | https | Laptop.Local     | :8443/a%20b/?x=1&y=2#top",
        "a=1&url=http%3A%2F%2F%5Bfd00%3A%3A20%5D%3A7891%2F&b= | http  | [fd00::20]       | :7891/",
        "url=http://user:secret@192.168.1.20:7891/            | http  | 192.168.1.20     | :7891/",
        "url=http://host?q                                    | http  | host             | ?q",
        "url=http://a+b/c+d                                   | http  | a+b              | /c+d",
    })
    void takesTheUrlParameterApartDroppingAnyPassword(String query, String scheme, String host, String rest)
            throws HttpException {
        assertThat(PageUrl.fromQuery(query)).isEqualTo(new PageUrl(scheme, host, rest));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                               | BAD_REQUEST",
        "other=1                          | BAD_REQUEST",
        "url=                             | BAD_REQUEST",
        "url=http://a/&url=http://b/      | BAD_REQUEST",
        "url=ftp://host/                  | BAD_REQUEST",
        "url=javascript:alert(1)          | BAD_REQUEST",
        "url=//host/                      | BAD_REQUEST",
        "url=http:///path                 | BAD_REQUEST",
        "url=http://user@/path            | BAD_REQUEST",
        "url=http://host/a%20b c          | BAD_REQUEST",
        "url=http://host/%0d%0aX:1        | BAD_REQUEST",
        "url=http://h%C3%B6st/            | BAD_REQUEST",
        "url=http://host/%FF              | BAD_REQUEST",
        "url=http://host/%4               | BAD_REQUEST",
        "url=http://host/%zz              | BAD_REQUEST",
    })
    void refusesWhatIsNotAnHttpUrl(String query, HttpStatus status) {
        assertThatThrownBy(() -> PageUrl.fromQuery(query)).isInstanceOfSatisfying(HttpException.class,
                e -> assertThat(e.status()).isEqualTo(status));
    }

    @ParameterizedTest(name = "{0} bytes, percent-encoded: {1}")
    @CsvSource({
        "1024, false, ",
        "1025, false, URI_TOO_LONG",
        "1024, true, ",
        "1025, true, URI_TOO_LONG",
    })
    void takesAtMostAKibibyteOfDecodedText(int textBytes, boolean encoded, HttpStatus refused) throws HttpException {
        String prefix = "http://h/";
        // "%41" is one byte of text ("A") in three characters of the query
        String query = "url=" + prefix + (encoded ? "%41" : "A").repeat(textBytes - prefix.length());

        if (refused == null) {
            assertThat(PageUrl.fromQuery(query).text()).hasSize(textBytes);
        } else {
            assertThatThrownBy(() -> PageUrl.fromQuery(query)).isInstanceOfSatisfying(HttpException.class,
                    e -> assertThat(e.status()).isEqualTo(refused));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "localhost, true", "LOCALHOST, true", "app.localhost, true", "127.0.0.1, true", "127.1.2.3, true",
        "0.0.0.0, true", "[::1], true", "[0:0:0:0:0:0:0:1], true", "[::], true", "[::ffff:127.0.0.1], true",
        "192.168.1.20, false", "10.0.0.1, false", "[fd00::20], false", "laptop.local, false",
        "localhost.example, false", "999.0.0.1, false", "128.0.0.1, false", "[1:::2], false",
    })
    void knowsTheHostsOnlyThisMachineCanOpen(String host, boolean loopback) {
        assertThat(new PageUrl("http", host, "/").loopback()).isEqualTo(loopback);
    }

    @ParameterizedTest
    @CsvSource({
        "http://localhost:7891/a/?b, 192.168.1.20, http://192.168.1.20:7891/a/?b",
        "https://[::1]:8443/, [fd00::20], https://[fd00::20]:8443/",
        "http://127.0.0.1/, 10.0.0.5, http://10.0.0.5/",
    })
    void putsAnotherHostInPlaceKeepingPortAndPath(String url, String host, String moved) throws HttpException {
        assertThat(PageUrl.parse(url).withHost(host).text()).isEqualTo(moved);
    }
}
