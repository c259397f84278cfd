package httpd.files;

import java.nio.file.Path;

/** What a request path turned out to name under the document root. */
sealed interface Resolution {
    /**
     * A regular file inside the root (for a directory path, its index.html).
     *
     * @param path    the file by the names asked for (a symlink's own name, not its target's)
     * @param version the version of what the walk arrived at
     */
    record File(Path path, FileVersion version) implements Resolution {
    }

    /** A directory inside the root that has no index.html. */
    record Directory(Path path) implements Resolution {
    }

    /** A directory asked for without its trailing slash: redirect to this absolute path. */
    record Redirect(String location) implements Resolution {
    }

    /**
     * Nothing servable: missing, outside the root, hidden, or not a regular file.
     *
     * @param why which of these, as far as the resolver can tell
     */
    record NotFound(FileDecision why) implements Resolution {
    }

    Resolution NOT_FOUND = new NotFound(FileDecision.MISSING);
    Resolution HIDDEN = new NotFound(FileDecision.HIDDEN);
    Resolution ABOVE_ROOT = new NotFound(FileDecision.ABOVE_ROOT);
    Resolution NOTHING_SERVABLE = new NotFound(FileDecision.NOTHING_SERVABLE);
}
