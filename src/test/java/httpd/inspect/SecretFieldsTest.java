package httpd.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretFieldsTest {
    private final SecretFields masked = new SecretFields(false);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Cookie: a=1;CR|Cookie: ***;CR",
        "cookie:a=1|cookie: ***",
        "Authorization: Basic dTpw;CR|Authorization: ***;CR",
        "PROXY-AUTHORIZATION: Basic dTpw|PROXY-AUTHORIZATION: ***",
        "Cookie : a=1|Cookie : ***",
        "X-Cookie: a=1;CR|X-Cookie: a=1;CR",
        "Host: cookie: a;CR|Host: cookie: a;CR",
        "GET /Cookie: HTTP/1.1;CR|GET /Cookie: HTTP/1.1;CR",
    })
    void hidesTheValueOfEachCredentialFieldInTheRawBytesLineEndingsKept(String line, String shown) {
        String head = "GET / HTTP/1.1\r\n" + line.replace(";CR", "\r") + "\n\n";
        String expected = "GET / HTTP/1.1\r\n" + shown.replace(";CR", "\r") + "\n\n";

        byte[] result = masked.head(head.getBytes(StandardCharsets.ISO_8859_1));

        assertThat(new String(result, StandardCharsets.ISO_8859_1)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Cookie,a=1,***", "Authorization,Basic x,***", "proxy-authorization,Basic x,***", "Accept,*/*,*/*"})
    void hidesTheValueOfEachCredentialField(String name, String value, String shown) {
        assertThat(masked.value(name, value)).isEqualTo(shown);
        assertThat(new SecretFields(true).value(name, value)).isEqualTo(value);
    }
}
