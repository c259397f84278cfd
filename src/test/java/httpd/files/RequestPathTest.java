package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import httpd.http.HttpException;
import httpd.http.HttpStatus;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestPathTest {
    static Stream<Arguments> decodedPaths() {
        return Stream.of(
                Arguments.of("/", List.of(), true),
                Arguments.of("/a", List.of("a"), false),
                Arguments.of("/a/", List.of("a"), true),
                Arguments.of("//a//b", List.of("a", "b"), false),
                Arguments.of("/a/./b/.", List.of("a", "b"), true),
                Arguments.of("/a/b/..", List.of("a"), true),
                Arguments.of("/a/%2e%2E/b", List.of("b"), false),
                Arguments.of("/a+b", List.of("a+b"), false),
                Arguments.of("/caf%C3%A9", List.of("caf\u00e9"), false),
                Arguments.of("/%2e", List.of(), true));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("decodedPaths")
    void decodesSegmentsAndResolvesDotSegments(String raw, List<String> segments, boolean directory)
            throws HttpException {
        assertThat(RequestPath.decode(raw)).contains(new RequestPath(segments, directory));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/..", "/a/../..", "/%2e%2e", "/a%2Fb", "/a%5Cb", "/a\\b"})
    void namesNoFileWhenItClimbsAboveTheRootOrHidesASeparator(String raw) throws HttpException {
        assertThat(RequestPath.decode(raw)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "/%", "/%4", "/%zz", "/%00", "/a%0Ab", "/%C3", "/%FF", "/a\u0001", "/a%C2%85b", "/%C2%9B2J"})
    void refusesMalformedPathsWith400(String raw) {
        HttpException e = catchThrowableOfType(HttpException.class, () -> RequestPath.decode(raw));
        assertThat(e).as(raw).isNotNull();
        assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
