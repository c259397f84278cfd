package httpd.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LiveReloadHandlerTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<html><body><p>x</p></body></html>|<html><body><p>x</p>SCRIPT</body></html>",
        "<HTML><BODY>x</BODY></HTML>|<HTML><BODY>xSCRIPT</BODY></HTML>",
        "<p>no body tag</p>|<p>no body tag</p>SCRIPT",
        "<body>a</body><!-- </body> -->|<body>a</body><!-- SCRIPT</body> -->",
        "''|SCRIPT",
    })
    void putsTheScriptBeforeTheLastClosingBodyTagOrAtTheEnd(String page, String expected) {
        byte[] result = LiveReloadHandler.withScript(page.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(result, StandardCharsets.UTF_8)).isEqualTo(expected.replace("SCRIPT", LiveReloadHandler.SCRIPT));
    }
}
