package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.http.HeaderField;
import httpd.http.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ListingFormatTest {
    @ParameterizedTest(name = "Accept: {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "application/json|JSON",
        "application/json, text/html;q=0.9|JSON",
        "text/html;q=0.5, application/json;q=0.6|JSON",
        "application/*|JSON",
        "*/*;q=0.1, application/json|JSON",
        "text/html, application/json|HTML",
        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8|HTML",
        "*/*|HTML",
        "text/*, application/json|HTML",
        "application/json;q=0, */*|HTML",
        "image/png|HTML",
        "application/json;q=0|HTML",
        "''|HTML",
    })
    void choosesJsonOnlyWhenTheRequestWeighsItAboveHtml(String accept, ListingFormat format) {
        Headers headers = new Headers(List.of(new HeaderField("Accept", accept)));

        assertThat(ListingFormat.chosenBy(headers)).isEqualTo(format);
    }

    @Test
    void answersHtmlToARequestWithoutAccept() {
        assertThat(ListingFormat.chosenBy(Headers.NONE)).isEqualTo(ListingFormat.HTML);
    }
}
