package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the access log and the wire trace print of a client's text: nothing that could drive a terminal. */
class PrintableTextTest {
    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of("GET /index.html", true, "GET /index.html"),
                Arguments.of("a\"b", true, "a\\x22b"),
                Arguments.of("a\"b", false, "a\"b"),
                Arguments.of("back\\slash", false, "back\\x5cslash"),
                Arguments.of("back\\slash", true, "back\\x5cslash"),
                Arguments.of("caf\u00e9", true, "caf\\xe9"),
                Arguments.of("\u001b[2J\u0007", false, "\\x1b[2J\\x07"),
                Arguments.of("tab\there", true, "tab\\x09here"),
                Arguments.of("\u0000\u007f", false, "\\x00\\x7f"),
                Arguments.of("\u20ac\u4e2d", true, "\\u20ac\\u4e2d"));
    }

    // The text is built in Java, not in a @CsvSource, which would trim the control characters at its ends.
    @ParameterizedTest(name = "[{index}] quoted: {1} -> {2}")
    @MethodSource("texts")
    void keepsPrintableAsciiAndEscapesEverythingElse(String text, boolean quoted, String printed) {
        StringBuilder out = new StringBuilder();

        PrintableText.append(out, text, quoted);

        assertThat(out.toString()).isEqualTo(printed);
    }
}
