package httpd.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    /**
     * This process's hard limit, where the platform tells it (Linux: {@code /proc/self/limits}); empty elsewhere.
     * Read from the file rather than through the management beans, which would load some fifty classes at start.
     */
    static OptionalLong ofThisProcess() {
        Path limits = Path.of("/proc/self/limits");
        if (!Files.isReadable(limits)) {
            return OptionalLong.empty();
        }
        try {
            return hardLimit(Files.readAllLines(limits));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The hard column of "Max open files" in {@code /proc/self/limits}; empty when absent or unlimited. */
    static OptionalLong hardLimit(List<String> lines) {
        for (String line : lines) {
            if (line.startsWith("Max open files")) {
                String[] columns = line.substring("Max open files".length()).trim().split("\\s+");
                return columns.length >= 2 && columns[1].chars().allMatch(Character::isDigit)
                        ? OptionalLong.of(Long.parseLong(columns[1])) : OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
