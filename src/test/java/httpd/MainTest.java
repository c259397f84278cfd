package httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path folder;

    @Test
    void recognisesTheLogbackConfigAsShipped() {
        assertThat(Main.isAsShipped(Path.of(Main.LOGBACK_CONFIG))).isTrue();
    }

    @Test
    void seesAnyEditToTheLogbackConfig() throws Exception {
        String shipped = Files.readString(Path.of(Main.LOGBACK_CONFIG));
        Path edited = Files.writeString(folder.resolve("logback.xml"), shipped.replace("level=\"INFO\"", "level=\"DEBUG\""));
        Path trailingSpace = Files.writeString(folder.resolve("spaced.xml"), shipped + " ");

        assertThat(Main.isAsShipped(edited)).isFalse();
        assertThat(Main.isAsShipped(trailingSpace)).isFalse();
    }
}
