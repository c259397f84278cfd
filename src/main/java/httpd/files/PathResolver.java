package httpd.files;

import httpd.http.HttpException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps a request path onto a file under the document root, and refuses everything outside it.
 *
 * <p>Security comes from the structure, not from looking for "../" in strings: the path is split into
 * segments, each decoded exactly once; a decoded segment holding a slash, backslash or control byte never
 * names a file; dot segments are resolved on the list; and the file's real path (symlinks followed) is
 * compared component-wise with the root's real path, so {@code /srv/www-secret} never passes for
 * {@code /srv/www}.
 */
public final class PathResolver {
    public static final String INDEX_FILE = "index.html";
    private static final int RECENT_PATHS = 1024;

    private final Path root;
    private final boolean serveDotfiles;
    /** Paths resolved to files lately, most recently used last; bounded. */
    private final Map<String, Remembered> recent = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > RECENT_PATHS;
        }
    };

    /**
     * @param root          the document root; it is turned into its real path once, here
     * @param serveDotfiles whether names starting with "." may be served
     */
    public PathResolver(Path root, boolean serveDotfiles) throws IOException {
        this.root = root.toRealPath();
        this.serveDotfiles = serveDotfiles;
    }

    public Path root() {
        return root;
    }

    /**
     * Resolves a request path (origin-form, still percent-encoded, query removed).
     *
     * @throws HttpException 400 for an invalid percent-encoding, invalid UTF-8, NUL or another control byte
     */
    public Resolution resolve(String rawPath) throws HttpException {
        Resolution.File recent = recentlyResolved(rawPath);
        if (recent != null) {
            return recent;
        }
        Resolution resolution = resolveFully(rawPath);
        if (resolution instanceof Resolution.File file && file.attributes().fileKey() != null) {
            remember(rawPath, file);
        }
        return resolution;
    }

    /**
     * The file this path resolved to before, if a stat shows it is still that very file (same identity,
     * size and modification time): then the checks that already passed (segments, dotfiles, the real path
     * inside the root) hold for it still, and one stat replaces a dozen system calls.
     */
    private Resolution.File recentlyResolved(String rawPath) {
        Remembered previous;
        synchronized (recent) {
            previous = recent.get(rawPath);
        }
        if (previous == null) {
            return null;
        }
        try {
            if (previous.isStill(Files.readAttributes(previous.file().path(), BasicFileAttributes.class))) {
                // the same object as before: what is built from it (headers, cached bytes) is known by identity
                return previous.file();
            }
        } catch (IOException | SecurityException e) {
            // gone or unreadable: resolve it afresh
        }
        synchronized (recent) {
            recent.remove(rawPath);
        }
        return null;
    }

    private void remember(String rawPath, Resolution.File file) {
        Remembered remembered = Remembered.of(file);
        synchronized (recent) {
            recent.put(rawPath, remembered);
        }
    }

    /** A file as it was when resolved: its identity, size and modification time, read out once. */
    private record Remembered(Resolution.File file, Object fileKey, long size, FileTime modified) {
        static Remembered of(Resolution.File file) {
            BasicFileAttributes attributes = file.attributes();
            return new Remembered(file, attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
        }

        boolean isStill(BasicFileAttributes now) {
            return now.isRegularFile() && now.size() == size && now.lastModifiedTime().equals(modified)
                    && fileKey.equals(now.fileKey());
        }
    }

    private Resolution resolveFully(String rawPath) throws HttpException {
        RequestPath decoded = RequestPath.decode(rawPath).orElse(null);
        if (decoded == null || !serveDotfiles && decoded.hasDotSegment()) {
            return Resolution.NOT_FOUND;
        }
        List<String> segments = decoded.segments();
        boolean trailingSlash = decoded.directory();
        Path candidate;
        try {
            candidate = root;
            for (String segment : segments) {
                candidate = candidate.resolve(segment);
            }
        } catch (InvalidPathException e) {
            return Resolution.NOT_FOUND;
        }
        BasicFileAttributes attributes = attributesInsideRoot(candidate);
        if (attributes == null) {
            return Resolution.NOT_FOUND;
        }
        if (attributes.isDirectory()) {
            if (!trailingSlash) {
                return new Resolution.Redirect(encodePath(segments) + "/");
            }
            Path index = candidate.resolve(INDEX_FILE);
            BasicFileAttributes indexAttributes = attributesInsideRoot(index);
            if (indexAttributes != null && indexAttributes.isRegularFile()) {
                return new Resolution.File(index, indexAttributes);
            }
            return new Resolution.Directory(candidate);
        }
        if (attributes.isRegularFile() && !trailingSlash) {
            return new Resolution.File(candidate, attributes);
        }
        return Resolution.NOT_FOUND;
    }

    /** The attributes of the file, or null when it is missing or its real path leaves the root. */
    BasicFileAttributes attributesInsideRoot(Path candidate) {
        if (!candidate.toFile().exists()) {
            return null; // a missing file, found without the cost of an exception (a 404 flood is common)
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(candidate, BasicFileAttributes.class);
            Path real = candidate.toRealPath();
            if (!real.startsWith(root)) {
                return null;
            }
            if (!serveDotfiles && hasDotSegment(root.relativize(real))) {
                return null;
            }
            return attributes;
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static boolean hasDotSegment(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** Re-encodes decoded segments as an absolute path, so a Location never starts with "//". */
    static String encodePath(List<String> segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/').append(PercentEncoding.encodeSegment(segment));
        }
        return path.length() == 0 ? "/" : path.toString();
    }
}
