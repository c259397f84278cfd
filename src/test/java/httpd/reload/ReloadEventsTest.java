package httpd.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReloadEventsTest {
    @ParameterizedTest(name = "{0} css={1} pages={2}")
    @CsvSource(delimiter = '|', value = {
            "style.css                    | true  | 2 | style.css changed (css swapped in 2 pages)",
            "style.css                    | true  | 1 | style.css changed (css swapped in 1 page)",
            "index.html                   | false | 1 | index.html changed (1 page reloaded)",
            "index.html style.css         | false | 3 | index.html, style.css changed (3 pages reloaded)",
            "sub/a.html                   | false | 0 | sub/a.html changed (no page open)",
            "e.js d.js c.js b.js a.js     | false | 2 | a.js, b.js, c.js and 2 more changed (2 pages reloaded)",
            "''                           | false | 2 | files changed (2 pages reloaded)",
    })
    void logsOneLineSayingWhatChangedAndWhatHappened(String files, boolean onlyCss, int pages, String line) {
        Set<Path> changed = Arrays.stream(files.split(" ")).map(Path::of).collect(Collectors.toSet());

        assertThat(ReloadEvents.describe(changed, onlyCss, pages)).isEqualTo(line);
    }
}
