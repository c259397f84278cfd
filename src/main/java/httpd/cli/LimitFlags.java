package httpd.cli;

import httpd.embed.Httpd;
import httpd.server.ServerConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The threads, timeouts and limits, a picocli mixin: the settings file knows them by the same names. */
final class LimitFlags {
    /** Sets one checked value, and says where a refused one came from. */
    @FunctionalInterface
    interface Setter {
        void set(String key, Runnable setting) throws UsageError;
    }

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Threads that read and answer requests; connections take turns on them "
                    + "(default: twice the cores, at least 4; here ${DEFAULT-VALUE}).")
    int threads = ServerConfig.DEFAULT_THREADS;

    @Option(names = "--transfer-threads", paramLabel = "N",
            description = "Threads that send large files and live-reload streams, so slow downloads never hold "
                    + "up requests (default: ${DEFAULT-VALUE}).")
    int transferThreads = ServerConfig.DEFAULT_TRANSFER_THREADS;

    @Option(names = "--keep-alive-timeout", defaultValue = "5", paramLabel = "SECONDS",
            description = "Close a persistent connection idle this long (default: ${DEFAULT-VALUE}).")
    int keepAliveSeconds;

    @Option(names = "--header-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "A client must send a whole request head within this time (default: ${DEFAULT-VALUE}).")
    int headerTimeoutSeconds;

    @Option(names = "--send-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Cut a response that makes no progress this long: the client stopped reading (default: ${DEFAULT-VALUE}).")
    int sendTimeoutSeconds;

    @Option(names = "--max-connections", defaultValue = "4096", paramLabel = "N",
            description = "Open connections beyond this get 503 at once (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--shutdown-grace", defaultValue = "10", paramLabel = "SECONDS",
            description = "On Ctrl+C, let responses in flight finish for up to this long (default: ${DEFAULT-VALUE}).")
    int shutdownGraceSeconds;

    /** Sets each on the server's settings, which check them: a refusal is one line naming the key. */
    void applyTo(Httpd httpd, Setter setter) throws UsageError {
        setter.set("threads", () -> httpd.threads(threads));
        setter.set("transfer-threads", () -> httpd.transferThreads(transferThreads));
        setter.set("keep-alive-timeout", () -> httpd.keepAliveTimeout(Duration.ofSeconds(keepAliveSeconds)));
        setter.set("header-timeout", () -> httpd.headerTimeout(Duration.ofSeconds(headerTimeoutSeconds)));
        setter.set("send-timeout", () -> httpd.sendTimeout(Duration.ofSeconds(sendTimeoutSeconds)));
        setter.set("shutdown-grace", () -> httpd.shutdownGrace(Duration.ofSeconds(shutdownGraceSeconds)));
        setter.set("max-connections", () -> httpd.maxConnections(maxConnections));
    }
}
