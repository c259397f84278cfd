package httpd.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TlsDirectoryTest {
    @ParameterizedTest(name = "{0} on {1} with {2}={3}")
    @CsvSource({
        "'',       Linux,      '',             '',                  /home/ann/.local/share/httpd",
        "'',       Linux,      XDG_DATA_HOME,  /data/ann,           /data/ann/httpd",
        "'',       Linux,      XDG_DATA_HOME,  relative/ignored,    /home/ann/.local/share/httpd",
        "'',       Mac OS X,   '',             '',                  /home/ann/.local/share/httpd",
        "'',       Windows 11, LOCALAPPDATA,   /Users/ann/AppData/Local, /Users/ann/AppData/Local/httpd",
        "'',       Windows 11, '',             '',                  /home/ann/AppData/Local/httpd",
        "/tmp/ca,  Linux,      XDG_DATA_HOME,  /data/ann,           /tmp/ca",
    })
    void findsTheUsersDataDirectoryUnlessToldWhere(String explicit, String os, String variable, String value,
            String expected) {
        Map<String, String> env = new HashMap<>();
        if (!variable.isEmpty()) {
            env.put(variable, value);
        }

        Path dir = TlsDirectory.locate(explicit.isEmpty() ? null : Path.of(explicit), env, Path.of("/home/ann"), os);

        assertThat(dir).isEqualTo(Path.of(expected));
    }
}
