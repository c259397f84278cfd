package httpd.tls;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.http.HeaderField;
import httpd.http.Headers;
import httpd.http.HttpVersion;
import httpd.http.RequestHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedirectToHttpsTest {
    @ParameterizedTest(name = "{0} with Host {1}")
    @CsvSource({
        "/,                     localhost:7891,   https://localhost:7891/",
        "/a/b.html?x=1&y=%20,   192.168.1.20:7891, https://192.168.1.20:7891/a/b.html?x=1&y=%20",
        "http://h:1/p?q,        h:1,              https://h:1/p?q",
        "/,                     '',               ''",
        "*,                     localhost:7891,   ''",
    })
    void sendsTheSameUrlOverHttps(String target, String host, String expected) {
        List<HeaderField> fields = new ArrayList<>();
        if (!host.isEmpty()) {
            fields.add(new HeaderField("Host", host));
        }
        RequestHead request = new RequestHead("GET", target, HttpVersion.HTTP_1_1, new Headers(fields), -1);

        assertThat(RedirectToHttps.location(request)).isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(expected));
    }
}
