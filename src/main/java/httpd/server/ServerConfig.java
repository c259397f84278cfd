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
 * @param threads          the size of the fixed pool that runs connections
 * @param serveDotfiles    whether names starting with "." are served
 * @param keepAliveTimeout how long an idle persistent connection is kept open
 * @param headerTimeout    how long a client may take to send a whole request head
 * @param shutdownGrace    how long responses in flight may take to finish at shutdown
 * @param accessLog        whether each request is written to the access log
 * @param limits           the request-head limits
 * @param extraHeaders     headers added to every response ({@code --header}, {@code --cors})
 */
public record ServerConfig(
        InetAddress bindAddress,
        int port,
        Path root,
        int threads,
        boolean serveDotfiles,
        Duration keepAliveTimeout,
        Duration headerTimeout,
        Duration shutdownGrace,
        boolean accessLog,
        ParserLimits limits,
        List<HeaderField> extraHeaders) {

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
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
    }

    /** Defaults for everything but the address, port and root; tests and the CLI start from here. */
    public static ServerConfig defaults(InetAddress bindAddress, int port, Path root) {
        return new ServerConfig(bindAddress, port, root, 64, false, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(10), true, ParserLimits.DEFAULT, List.of());
    }

    public ServerConfig withThreads(int newThreads) {
        return new ServerConfig(bindAddress, port, root, newThreads, serveDotfiles, keepAliveTimeout,
                headerTimeout, shutdownGrace, accessLog, limits, extraHeaders);
    }
}
