package httpd.server;

import httpd.http.HeaderField;
import httpd.http.ParserLimits;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the server listens and how it treats connections, fixed before it starts: the network, the threads, the
 * timeouts, the limits and the headers every response carries. What is served, and how, is the handler's.
 * Made with {@link #builder}, which holds every default.
 *
 * @param bindAddress      the address to listen on (loopback unless the user shares on a LAN)
 * @param port             the TCP port, 0 for any free one
 * @param threads          the size of the fixed pool that reads requests and answers them
 * @param transferThreads  the most threads the pool that sends long bodies (large files, event streams) starts
 * @param keepAliveTimeout how long an idle persistent connection is kept open
 * @param headerTimeout    how long a client may take to send a whole request head
 * @param sendTimeout      a response that makes no progress for this long (the client stopped reading) is cut
 * @param shutdownGrace    how long responses in flight may take to finish at shutdown
 * @param maxConnections   open connections beyond this get a 503 at once
 * @param accessLog        whether each request is written to the access log
 * @param limits           the request-head limits
 * @param extraHeaders     headers added to every response ({@code --header}, {@code --cors})
 */
public record ServerConfig(
        InetAddress bindAddress,
        int port,
        int threads,
        int transferThreads,
        Duration keepAliveTimeout,
        Duration headerTimeout,
        Duration sendTimeout,
        Duration shutdownGrace,
        int maxConnections,
        boolean accessLog,
        ParserLimits limits,
        List<HeaderField> extraHeaders) {

    /** Two request threads per core, at least 4: enough to keep the cores busy, few enough to rarely switch. */
    public static final int DEFAULT_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /**
     * Enough that a download normally has a thread of its own at once, however slow its client; the pool starts
     * them only as needed, and one blocked in a write keeps little of its stack resident (see README).
     */
    public static final int DEFAULT_TRANSFER_THREADS = 512;
    public static final int DEFAULT_MAX_CONNECTIONS = 4096;

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(keepAliveTimeout, "keepAliveTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(limits, "limits");
        extraHeaders = List.copyOf(extraHeaders);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range (0-65535)");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        if (threads < 1 || transferThreads < 1) {
            throw new IllegalArgumentException("threads and transferThreads must be at least 1");
        }
    }

    /** The defaults for everything but where to listen; set what differs, then {@link Builder#build}. */
    public static Builder builder(InetAddress bindAddress, int port) {
        return new Builder(bindAddress, port);
    }

    /** Collects the settings of a {@link ServerConfig}, starting from the defaults. */
    public static final class Builder {
        private final InetAddress bindAddress;
        private int port;
        private int threads = DEFAULT_THREADS;
        private int transferThreads = DEFAULT_TRANSFER_THREADS;
        private Duration keepAliveTimeout = Duration.ofSeconds(5);
        private Duration headerTimeout = Duration.ofSeconds(10);
        private Duration sendTimeout = Duration.ofSeconds(60);
        private Duration shutdownGrace = Duration.ofSeconds(10);
        private int maxConnections = DEFAULT_MAX_CONNECTIONS;
        private boolean accessLog = true;
        private ParserLimits limits = ParserLimits.DEFAULT;
        private List<HeaderField> extraHeaders = List.of();

        private Builder(InetAddress bindAddress, int port) {
            this.bindAddress = bindAddress;
            this.port = port;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder transferThreads(int transferThreads) {
            this.transferThreads = transferThreads;
            return this;
        }

        public Builder keepAliveTimeout(Duration keepAliveTimeout) {
            this.keepAliveTimeout = keepAliveTimeout;
            return this;
        }

        public Builder headerTimeout(Duration headerTimeout) {
            this.headerTimeout = headerTimeout;
            return this;
        }

        public Builder sendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
            return this;
        }

        public Builder shutdownGrace(Duration shutdownGrace) {
            this.shutdownGrace = shutdownGrace;
            return this;
        }

        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        public Builder accessLog(boolean accessLog) {
            this.accessLog = accessLog;
            return this;
        }

        public Builder limits(ParserLimits limits) {
            this.limits = limits;
            return this;
        }

        public Builder extraHeaders(List<HeaderField> extraHeaders) {
            this.extraHeaders = extraHeaders;
            return this;
        }

        /** @throws IllegalArgumentException for a port, thread count or connection cap out of range */
        public ServerConfig build() {
            return new ServerConfig(bindAddress, port, threads, transferThreads, keepAliveTimeout, headerTimeout,
                    sendTimeout, shutdownGrace, maxConnections, accessLog, limits, extraHeaders);
        }
    }
}
