package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestTargetTest {
    static Stream<Arguments> targets() {
        return Stream.of(
                Arguments.of("/", "/", ""),
                Arguments.of("/a/b.html", "/a/b.html", ""),
                Arguments.of("/a?x=1&y=2", "/a", "x=1&y=2"),
                Arguments.of("/a?", "/a", ""),
                Arguments.of("/a#frag", "/a", ""),
                Arguments.of("/a?q#frag", "/a", "q"),
                Arguments.of("//docs/x", "//docs/x", ""),
                Arguments.of("http://example.com/p?q", "/p", "q"),
                Arguments.of("HTTP://example.com:8080", "/", ""),
                Arguments.of("https://example.com?q", "/", "q"),
                Arguments.of("*", "*", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("targets")
    void splitsPathAndQuery(String target, String path, String query) throws Exception {
        RequestTarget parsed = RequestTarget.parse(target);

        assertThat(parsed.path()).isEqualTo(path);
        assertThat(parsed.query()).isEqualTo(query);
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com:443", "a/b", "ftp://x/y", "http:///nohost", "../x"})
    void rejectsOtherTargetForms(String target) {
        assertThatThrownBy(() -> RequestTarget.parse(target))
                .isInstanceOfSatisfying(HttpException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    }
}
