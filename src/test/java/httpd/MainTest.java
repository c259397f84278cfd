package httpd;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which logging setup Main gives logback. */
class MainTest {
    @TempDir
    Path workingDirectory;

    private Path writeConfig() throws Exception {
        Path config = Files.createDirectories(workingDirectory.resolve("config")).resolve("logback.xml");
        return Files.writeString(config, "<configuration/>");
    }

    @Test
    void usesConfigLogbackXmlInTheWorkingDirectoryByItsAbsolutePath() throws Exception {
        Path config = writeConfig();

        assertThat(Main.logbackConfig(null, workingDirectory)).isEqualTo(config.toAbsolutePath().toString());
    }

    @Test
    void usesTheSetupBuiltIntoTheJarWhereTheWorkingDirectoryHasNone() throws Exception {
        Path elsewhere = Files.createDirectories(workingDirectory.resolve("elsewhere"));
        Files.createDirectories(workingDirectory.resolve("folder/config/logback.xml")); // a folder, not a file

        assertThat(Main.logbackConfig(null, elsewhere)).isEqualTo(Main.BUILT_IN_CONFIG);
        assertThat(Main.logbackConfig(null, workingDirectory.resolve("folder"))).isEqualTo(Main.BUILT_IN_CONFIG);
        assertThat(Main.class.getClassLoader().getResource(Main.BUILT_IN_CONFIG)).isNotNull();
    }

    @Test
    void leavesAFileNamedWithTheLogbackPropertyAsItIs() throws Exception {
        writeConfig();

        assertThat(Main.logbackConfig("mine.xml", workingDirectory)).isEqualTo("mine.xml");
    }
}
