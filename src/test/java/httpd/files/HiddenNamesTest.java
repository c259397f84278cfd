package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HiddenNamesTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        ".env, true",
        ".git, true",
        "..., true",
        "env, false",
        "a.env, false",
        "index.html, false",
    })
    void hidesNamesThatStartWithADot(String name, boolean hidden) {
        assertThat(HiddenNames.isHidden(name)).isEqualTo(hidden);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "a/b/c.txt, false",
        ".git/config, true",
        "a/.cache/b, true",
        "a/b/.env, true",
        "a.b/c.d, false",
    })
    void findsAHiddenNameAnywhereInAPath(String path, boolean hidden) {
        assertThat(HiddenNames.anyHidden(Path.of(path))).isEqualTo(hidden);
        assertThat(HiddenNames.anyHidden(List.of(path.split("/")))).isEqualTo(hidden);
    }
}
