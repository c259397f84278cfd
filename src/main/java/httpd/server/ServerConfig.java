package httpd.server;

import httpd.http.HeaderField;
import httpd.http.ParserLimits;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the server needs to know, fixed before it starts.
 *
 * @param bindAddress      the address to listen on (loopback unless the user shares on a LAN)
 * @param port             the TCP port, 0 for any free one
 * @param root             the document root
 * @param threads          the size of the fixed pool that reads requests and answers them
 * @param transferThreads  the most threads the pool that sends long bodies (large files, event streams) starts
 * @param serveDotfiles    whether names starting with "." are served
 * @param keepAliveTimeout how long an idle persistent connection is kept open
 * @param headerTimeout    how long a client may take to send a whole request head
 * @param shutdownGrace    how long responses in flight may take to finish at shutdown
 * @param accessLog        whether each request is written to the access log
 * @param limits           the request-head limits
 * @param extraHeaders     headers added to every response ({@code --header}, {@code --cors})
 * @param maxConnections   open connections beyond this get a 503 at once
 * @param sendTimeout      a response that makes no progress for this long (the client stopped reading) is cut
 */
public record ServerConfig(
        InetAddress bindAddress,
        int port,
        Path root,
        int threads,
        int transferThreads,
        boolean serveDotfiles,
        Duration keepAliveTimeout,
        Duration headerTimeout,
        Duration shutdownGrace,
        boolean accessLog,
        ParserLimits limits,
        List<HeaderField> extraHeaders,
        int maxConnections,
        Duration sendTimeout) {

    public ServerConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(keepAliveTimeout, "keepAliveTimeout");
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(limits, "limits");
        extraHeaders = List.copyOf(extraHeaders);
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range (0-65535)");
        }
        Objects.requireNonNull(sendTimeout, "sendTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1");
        }
        if (threads < 1 || transferThreads < 1) {
            throw new IllegalArgumentException("threads and transferThreads must be at least 1");
        }
    }

    /** Two request threads per core, at least 4: enough to keep the cores busy, few enough to rarely switch. */
    public static final int DEFAULT_THREADS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /**
     * Enough that a download normally has a thread of its own at once, however slow its client; the pool starts
     * them only as needed, and one blocked in a write keeps little of its stack resident (see README).
     */
    public static final int DEFAULT_TRANSFER_THREADS = 512;
    public static final int DEFAULT_MAX_CONNECTIONS = 4096;

    /** Defaults for everything but the address, port and root; tests and the CLI start from here. */
    public static ServerConfig defaults(InetAddress bindAddress, int port, Path root) {
        return new ServerConfig(bindAddress, port, root, DEFAULT_THREADS, DEFAULT_TRANSFER_THREADS, false,
                Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(10), true, ParserLimits.DEFAULT, List.of(),
                DEFAULT_MAX_CONNECTIONS, Duration.ofSeconds(60));
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bindAddress, newPort, root, threads, transferThreads, serveDotfiles, keepAliveTimeout,
                headerTimeout, shutdownGrace, accessLog, limits, extraHeaders, maxConnections, sendTimeout);
    }

    public ServerConfig withThreads(int newThreads) {
        return new ServerConfig(bindAddress, port, root, newThreads, transferThreads, serveDotfiles, keepAliveTimeout,
                headerTimeout, shutdownGrace, accessLog, limits, extraHeaders, maxConnections, sendTimeout);
    }

    public ServerConfig withTransferThreads(int newTransferThreads) {
        return new ServerConfig(bindAddress, port, root, threads, newTransferThreads, serveDotfiles, keepAliveTimeout,
                headerTimeout, shutdownGrace, accessLog, limits, extraHeaders, maxConnections, sendTimeout);
    }

    public ServerConfig withTimeouts(Duration newKeepAlive, Duration newHeader, Duration newSend) {
        return new ServerConfig(bindAddress, port, root, threads, transferThreads, serveDotfiles, newKeepAlive,
                newHeader, shutdownGrace, accessLog, limits, extraHeaders, maxConnections, newSend);
    }

    public ServerConfig withExtraHeaders(List<HeaderField> newHeaders) {
        return new ServerConfig(bindAddress, port, root, threads, transferThreads, serveDotfiles, keepAliveTimeout,
                headerTimeout, shutdownGrace, accessLog, limits, newHeaders, maxConnections, sendTimeout);
    }

    public ServerConfig withMaxConnections(int newMax) {
        return new ServerConfig(bindAddress, port, root, threads, transferThreads, serveDotfiles, keepAliveTimeout,
                headerTimeout, shutdownGrace, accessLog, limits, extraHeaders, newMax, sendTimeout);
    }
}
