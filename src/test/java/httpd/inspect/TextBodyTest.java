package httpd.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextBodyTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "text/html; charset=utf-8|<p>é</p>",
        "text/css|<p>é</p>",
        "application/json|<p>é</p>",
        "application/manifest+json|<p>é</p>",
        "image/svg+xml|<p>é</p>",
        "text/plain; charset=\"UTF-8\"|<p>é</p>",
        "text/plain; charset=nonesuch|<p>é</p>",
        "image/png|none",
        "application/octet-stream|none",
        "video/mp4|none",
    })
    void showsABodyWhoseTypeSaysText(String contentType, String shown) {
        byte[] body = "<p>é</p>".getBytes(StandardCharsets.UTF_8);

        assertThat(TextBody.of(contentType, body).orElse(null)).isEqualTo(shown);
    }

    @Test
    void decodesInTheCharsetTheTypeNames() {
        byte[] latin1 = "é".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(TextBody.of("text/plain; charset=iso-8859-1", latin1)).hasValue("é");
        assertThat(TextBody.of("text/plain; charset=utf-8", latin1)).isEmpty(); // not UTF-8 after all
    }

    @Test
    void showsNothingOfAnEmptyBodyOrOneWithoutType() {
        assertThat(TextBody.of("text/plain", new byte[0])).isEmpty();
        assertThat(TextBody.of(null, new byte[] {'a'})).isEmpty();
    }
}
