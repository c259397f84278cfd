package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptTest {
    @ParameterizedTest(name = "Accept: {0} gives {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "application/json|application/json|1",
        "Application/JSON|application/json|1",
        "application/json;q=0.5|application/json|0.5",
        "application/json ; q=0.5|application/json|0.5",
        "application/*;q=0.3|application/json|0.3",
        "*/*;q=0.2|application/json|0.2",
        "*/*|text/html|1",
        "text/html|application/json|0",
        "text/*|application/json|0",
        "text/*|text/html|1",
        "*/*;q=0.1, application/json;q=0.9|application/json|0.9",
        "application/json;q=0.9, */*;q=1|application/json|0.9",
        "application/*;q=1, application/json;q=0|application/json|0",
        "application/json;q=0.4, application/json;q=0.6|application/json|0.6",
        "application/json;charset=utf-8|application/json|1",
        "application/json;q=bad|application/json|0",
        "app/*|application/json|0",
        "applicationx/*|application/json|0",
        "*/json|application/json|0",
        "''|application/json|0",
    })
    void weighsATypeByTheMostSpecificRangeThatMatchesIt(String accept, String type, double weight) {
        assertThat(Accept.weightOf(accept, type)).isEqualTo(weight);
    }

    @Test
    void acceptsEveryTypeWhenTheFieldIsAbsent() {
        assertThat(Accept.weightOf((String) null, "application/json")).isEqualTo(1);
        assertThat(Accept.weightOf(Headers.NONE, "text/html")).isEqualTo(1);
    }

    @Test
    void readsSeveralAcceptLinesAsOneList() {
        Headers headers = new Headers(List.of(new HeaderField("Accept", "text/html;q=0.5"),
                new HeaderField("Accept", "application/json")));

        assertThat(Accept.weightOf(headers, "application/json")).isEqualTo(1);
        assertThat(Accept.weightOf(headers, "text/html")).isEqualTo(0.5);
    }
}
