package httpd;

import httpd.cli.HttpdCommand;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The entry point: points logback at {@code config/logback.xml} when there is one, runs the command line,
 * and exits with its code. No logger here: one would start logback before it knows where its config is.
 */
public final class Main {
    static final String LOGBACK_CONFIG = "config/logback.xml";

    private Main() {
    }

    public static void main(String[] args) {
        useWorkingDirectoryLogbackConfig();
        System.exit(HttpdCommand.run(args, System.out, System.err));
    }

    /** {@code config/logback.xml} in the working directory, else the logback.xml inside the jar. */
    private static void useWorkingDirectoryLogbackConfig() {
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(Path.of(LOGBACK_CONFIG))) {
            System.setProperty("logback.configurationFile", Path.of(LOGBACK_CONFIG).toAbsolutePath().toString());
        }
    }
}
