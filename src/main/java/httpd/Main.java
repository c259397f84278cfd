package httpd;

import httpd.cli.HttpdCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.slf4j.LoggerFactory;

/**
 * The entry point: points logback at {@code config/logback.xml} when it was edited, runs the command line,
 * and exits with its code. No logger here: one would start logback before it knows where its config is.
 */
public final class Main {
    static final String LOGBACK_CONFIG = "config/logback.xml";
    static final String SHIPPED_LOGBACK_CONFIG = "/httpd/logging/logback.xml";
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

    /**
     * {@code config/logback.xml} in the working directory when it was edited, else the setup built into the
     * jar (DefaultLogging), which is what the file says as shipped. Parsing the XML costs a sixth of a
     * second of CPU, a sixth of start-up on two cores; an unedited copy needs no parsing.
     */
    private static void useWorkingDirectoryLogbackConfig() {
        Path config = Path.of(LOGBACK_CONFIG);
        if (System.getProperty("logback.configurationFile") == null && Files.isRegularFile(config)
                && !isAsShipped(config)) {
            System.setProperty("logback.configurationFile", config.toAbsolutePath().toString());
        }
    }

    /** Whether the file holds the same bytes as the copy of config/logback.xml built into the jar. */
    static boolean isAsShipped(Path config) {
        try (InputStream shipped = Main.class.getResourceAsStream(SHIPPED_LOGBACK_CONFIG)) {
            return shipped != null && Arrays.equals(shipped.readAllBytes(), Files.readAllBytes(config));
        } catch (IOException e) {
            return false; // logback will read it, and say what is wrong with it
        }
    }
}
