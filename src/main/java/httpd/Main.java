package httpd;

import httpd.cli.CommandLineRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * The entry point: tells logback where httpd's logging setup is, runs the command line, and exits with its
 * code. No logger here: one would start logback before it knows where its setup is.
 */
public final class Main {
    static final String LOGBACK_PROPERTY = "logback.configurationFile";
    static final String WORKING_DIRECTORY_CONFIG = "config/logback.xml";
    /** config/logback.xml as shipped, which the build packs into the jar (a class path resource, see pom.xml). */
    static final String BUILT_IN_CONFIG = "httpd/logging/logback.xml";
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty(LOGBACK_PROPERTY, logbackConfig(System.getProperty(LOGBACK_PROPERTY), Path.of("")));
        // Logging starts beside the command line and the server, which do not wait for it. Lines logged
        // meanwhile (the first requests' access lines) are held by SLF4J and written once logback is ready;
        // SLF4J's own note saying so is not for users.
        if (System.getProperty(SLF4J_VERBOSITY) == null) {
            System.setProperty(SLF4J_VERBOSITY, "ERROR");
        }
        Thread loggingStarts = new Thread(LoggerFactory::getILoggerFactory, "httpd-log-init");
        loggingStarts.start();
        int exitCode = CommandLineRun.run(args, System.out, System.err);
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
     * The logging setup for logback to read: the one named with {@code -Dlogback.configurationFile}, else
     * {@code config/logback.xml} in the working directory, where users edit it, else the copy built into the
     * jar. Logback itself would look only on the class path, and there a {@code logback.xml} would also
     * configure any program that has httpd's jar on its class path.
     *
     * @param named the property's value, or null
     */
    static String logbackConfig(String named, Path workingDirectory) {
        if (named != null) {
            return named;
        }
        Path config = workingDirectory.resolve(WORKING_DIRECTORY_CONFIG);
        // absolute: logback tries the value as a class path resource first
        return Files.isRegularFile(config) ? config.toAbsolutePath().toString() : BUILT_IN_CONFIG;
    }
}
