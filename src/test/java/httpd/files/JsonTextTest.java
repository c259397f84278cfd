package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsonTextTest {
    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("plain.txt", "\"plain.txt\""),
                Arguments.of("say \"hi\".txt", "\"say \\\"hi\\\".txt\""),
                Arguments.of("back\\slash", "\"back\\\\slash\""),
                Arguments.of("line\nbreak\r\ttab", "\"line\\nbreak\\r\\ttab\""),
                Arguments.of("\b\f", "\"\\b\\f\""),
                Arguments.of("nul\u0000 bell\u0007 esc\u001b", "\"nul\\u0000 bell\\u0007 esc\\u001b\""),
                Arguments.of("del\u007f c1\u0085", "\"del\\u007f c1\\u0085\""),
                Arguments.of("js\u2028\u2029", "\"js\\u2028\\u2029\""),
                Arguments.of("caf\u00e9 \u65e5\u672c \ud83d\udcf7", "\"caf\u00e9 \u65e5\u672c \ud83d\udcf7\""),
                Arguments.of("</script><b>&'", "\"</script><b>&'\""),
                Arguments.of("", "\"\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("names")
    void quotesANameAsAJsonStringEscapingWhatMustBeAndKeepingUnicode(String name, String json) {
        assertThat(JsonText.quote(name)).isEqualTo(json);
    }
}
