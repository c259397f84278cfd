package httpd.files;

import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/** What a request path turned out to name under the document root. */
public sealed interface Resolution {
    /** A regular file inside the root (for a directory path, its index.html). */
    record File(Path path, BasicFileAttributes attributes) implements Resolution {
    }

    /** A directory inside the root that has no index.html. */
    record Directory(Path path) implements Resolution {
    }

    /** A directory asked for without its trailing slash: redirect to this absolute path. */
    record Redirect(String location) implements Resolution {
    }

    /** Nothing servable: missing, outside the root, hidden, or not a regular file. */
    record NotFound() implements Resolution {
    }

    Resolution NOT_FOUND = new NotFound();
}
