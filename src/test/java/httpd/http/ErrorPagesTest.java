package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ErrorPagesTest {
    @ParameterizedTest
    @EnumSource(HttpStatus.class)
    void namesTheStatusInWordsAndLinksToTheFrontPage(HttpStatus status) {
        String page = new String(ErrorPages.page(status, null), StandardCharsets.UTF_8);

        assertThat(page).startsWith("<!DOCTYPE html>")
                .contains("<title>" + status + "</title>", "<h1>" + status.code() + " <span>" + status.reason(),
                        "<a href=\"/\">")
                .doesNotContain("What was wrong");
        assertThat(page.getBytes(StandardCharsets.UTF_8).length).as("small enough to send with any error").isLessThan(1536);
    }

    @ParameterizedTest
    @EnumSource(value = HttpStatus.class, names = {"BAD_REQUEST", "NOT_IMPLEMENTED", "HTTP_VERSION_NOT_SUPPORTED"})
    void saysWhichRuleTheRequestBrokeEscaped(HttpStatus status) throws IOException {
        try (Response response = ErrorPages.of(status, "header field name <is> not a \"token\"")) {
            assertThat(response.status()).isEqualTo(status);
            assertThat(response.headers()).contains(new HeaderField("Content-Type", ErrorPages.HTML_TYPE));
            assertThat(bodyOf(response)).contains(
                    "<p>What was wrong: <code>header field name &lt;is&gt; not a &quot;token&quot;</code></p>");
        }
    }

    private static String bodyOf(Response response) {
        return new String(((Body.Bytes) response.body()).bytes(), StandardCharsets.UTF_8);
    }
}
