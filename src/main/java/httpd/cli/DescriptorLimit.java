package httpd.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Whether the process may open as many files as {@code --max-connections} lets connections in: each connection
 * is one descriptor, and files being sent, the log and the JVM take more. Beyond the limit {@code accept} fails
 * and new clients wait instead of getting the 503 the cap promises. (The JVM raises its soft limit to the hard
 * one at start, so the hard limit is what counts.)
 */
final class DescriptorLimit {
    /** Descriptors that are not connections: the JVM's jars, files being sent, the listening socket, the log. */
    static final long RESERVE = 256;

    private DescriptorLimit() {
    }

    /** The banner's warning, when the cap does not fit under the limit. */
    static Optional<String> warning(int maxConnections, OptionalLong openFileLimit) {
        if (openFileLimit.isEmpty() || maxConnections + RESERVE <= openFileLimit.getAsLong()) {
            return Optional.empty();
        }
        long limit = openFileLimit.getAsLong();
        return Optional.of("warning: --max-connections " + maxConnections + " is above what the open-file limit of "
                + limit + " allows: beyond about " + Math.max(0, limit - RESERVE) + " connections new clients wait"
                + " instead of getting 503; raise it (ulimit -Hn, LimitNOFILE=) or lower --max-connections");
    }

    /** This process's limit, where the platform tells it (Unix); empty elsewhere. */
    static OptionalLong ofThisProcess() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return OptionalLong.of(unix.getMaxFileDescriptorCount());
        }
        return OptionalLong.empty();
    }
}
