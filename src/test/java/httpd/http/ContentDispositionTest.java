package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentDispositionTest {
    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("photos.zip", "attachment; filename=\"photos.zip\""),
                Arguments.of("my photos (2025).zip", "attachment; filename=\"my photos (2025).zip\""),
                Arguments.of("say \"hi\".zip", "attachment; filename=\"say \\\"hi\\\".zip\""),
                Arguments.of("back\\slash.zip", "attachment; filename=\"back\\\\slash.zip\""),
                Arguments.of("caf\u00e9.zip", "attachment; filename=\"caf_.zip\"; filename*=UTF-8''caf%C3%A9.zip"),
                Arguments.of("\u65e5\u672c.zip",
                        "attachment; filename=\"__.zip\"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.zip"),
                Arguments.of("evil\r\nSet-Cookie: a=b.zip",
                        "attachment; filename=\"evil__Set-Cookie: a=b.zip\"; filename*=UTF-8''evil%0D%0ASet-Cookie%3A%20a%3Db.zip"),
                Arguments.of("100% x.zip\u007f", "attachment; filename=\"100% x.zip_\"; filename*=UTF-8''100%25%20x.zip%7F"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void namesTheFileInPrintableAsciiAndExactlyInUtf8WhenThatDiffers(String name, String field) {
        assertThat(ContentDisposition.attachment(name)).isEqualTo(field);
    }
}
