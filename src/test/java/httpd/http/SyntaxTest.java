package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SyntaxTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"GET", "Content-Type", "x", "!#$%&'*+-.^_`|~", "0", "chunked"})
    void acceptsTokens(String text) {
        assertThat(Syntax.isToken(text)).isTrue();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "a b", "a:b", "(a)", "a,b", "a/b", "a;b", "<a>", "a=b", "a?", "@a", "[a]",
        "a\\b", "{a}", "\"a\"", "a\tb", "\u00e9", "a\u007f", "a\u0000"})
    void refusesAnythingElseAsAToken(String text) {
        assertThat(Syntax.isToken(text)).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0|0",
        "7|7",
        "0042|42",
        "123456789012345678|123456789012345678",
        "999999999999999999|999999999999999999",
        "''|-1",
        "1234567890123456789|-1",
        "99999999999999999999|-1",
        "-1|-1",
        "+1|-1",
        "' 1'|-1",
        "'1 '|-1",
        "1e3|-1",
        "0x10|-1",
        "١|-1",
    })
    void readsDigitsAsANumberWithinEighteenDigits(String text, long value) {
        assertThat(Syntax.parseDigits(text)).isEqualTo(value);
    }
}
