package httpd;

import httpd.cli.HttpdCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The entry point: points logback at {@code config/logback.xml} when there is one, runs the command line,
 * and exits with its code. No logger here: one would start logback before it knows where its config is.
 */
public final class Main {
    static final String LOGBACK_CONFIG = "config/logback.xml";
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    private Main() {
    }

    public static void main(String[] args) {
        useWorkingDirectoryLogbackConfig();
        // Logging takes as long to start as everything else: it starts beside the command line and the
        // server, which does not wait for it. Lines logged meanwhile (the first requests' access lines) are
        // held by SLF4J and written once logback is ready; SLF4J's own note saying so is not for users.
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        Thread loggingStarts = new Thread(LoggerFactory::getILoggerFactory, "httpd-log-init");
        loggingStarts.start();
        int exitCode = HttpdCommand.run(args, System.out, System.err);
        awaitQuietly(loggingStarts); // exiting while logback starts would make it print a stack trace
        System.exit(exitCode);
    }

    private static void awaitQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code config/logback.xml} in the working directory, else the setup built into the jar (DefaultLogging). */
    private static void useWorkingDirectoryLogbackConfig() {
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(Path.of(LOGBACK_CONFIG))) {
            System.setProperty("logback.configurationFile", Path.of(LOGBACK_CONFIG).toAbsolutePath().toString());
        }
    }
}
