package httpd.files;

import httpd.http.HttpException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a request path onto a file under the document root, and refuses everything outside it.
 *
 * <p>Security comes from the structure, not from looking for "../" in strings: the path is split into
 * segments, each decoded exactly once ({@link RequestPath}); a decoded segment holding a slash, backslash
 * or control byte never names a file; dot segments are resolved on the list; and the names are then walked
 * from the root one directory at a time, symlinks followed by hand and only while they stay inside
 * ({@link RootDirectory}). Opening a file walks to it again the same way, so the check and the open are one
 * operation: a directory swapped for a symlink in between makes the open fail, never lead outside. A path
 * asked for again is answered from {@link RecentFiles} once a stat shows it still names the file the walk found.
 */
final class PathResolver {
    static final String INDEX_FILE = "index.html";
    private static final Logger log = LoggerFactory.getLogger(PathResolver.class);

    private final Path root;
    private final RootDirectory tree;
    private final boolean serveDotfiles;
    private final RecentFiles recent = new RecentFiles();

    /**
     * @param root          the document root; it is turned into its real path once, here
     * @param serveDotfiles whether names starting with "." may be served
     */
    PathResolver(Path root, boolean serveDotfiles) throws IOException {
        this.root = root.toRealPath();
        this.tree = new RootDirectory(this.root, serveDotfiles);
        this.serveDotfiles = serveDotfiles;
        if (!tree.isSecure()) {
            log.warn("this platform cannot open files relative to a directory: a folder swapped for a symlink "
                    + "while a request is on its way is not caught here");
        }
    }

    Path root() {
        return root;
    }

    /**
     * Resolves a request path (origin-form, still percent-encoded, query removed): the file it led to before if
     * a stat says that file is still there unchanged ({@link RecentFiles}), otherwise a walk from the root.
     *
     * @throws HttpException 400 for an invalid percent-encoding, invalid UTF-8, NUL or another control byte
     */
    Resolution resolve(String rawPath) throws HttpException {
        Resolution.File known = recent.stillThere(rawPath);
        if (known != null) {
            return known;
        }
        Resolution resolution = walk(rawPath);
        if (resolution instanceof Resolution.File file) {
            recent.remember(rawPath, file);
        }
        return resolution;
    }

    /** Resolves a request path by walking it from the root: nothing found on an earlier request is used. */
    private Resolution walk(String rawPath) throws HttpException {
        RequestPath decoded = RequestPath.decode(rawPath).orElse(null);
        if (decoded == null) {
            return Resolution.ABOVE_ROOT;
        }
        if (HiddenNames.anyHidden(decoded.segments(), serveDotfiles)) {
            return Resolution.HIDDEN;
        }
        List<String> segments = decoded.segments();
        if (isSurelyMissing(segments)) {
            return Resolution.NOT_FOUND;
        }
        RootDirectory.Found found = findInside(segments);
        if (found == null) {
            return Resolution.NOTHING_SERVABLE;
        }
        if (found.attributes().isDirectory()) {
            if (!decoded.directory()) {
                return new Resolution.Redirect(encodePath(segments) + "/");
            }
            List<String> indexNames = new ArrayList<>(segments);
            indexNames.add(INDEX_FILE);
            RootDirectory.Found index = findInside(indexNames);
            if (index != null && index.attributes().isRegularFile()) {
                return new Resolution.File(tree.pathOf(indexNames), FileVersion.of(index.attributes()));
            }
            return new Resolution.Directory(tree.pathOf(segments));
        }
        if (found.attributes().isRegularFile() && !decoded.directory()) {
            return new Resolution.File(tree.pathOf(segments), FileVersion.of(found.attributes()));
        }
        return Resolution.NOTHING_SERVABLE;
    }

    /**
     * The folder decoded names lead to by the same walk as {@link #resolve} (hidden names, the root's bounds and
     * symlinks checked), whether or not it holds an index.html; null when they lead to no servable folder.
     */
    Path folder(List<String> segments) {
        if (HiddenNames.anyHidden(segments, serveDotfiles)) {
            return null;
        }
        RootDirectory.Found found = isSurelyMissing(segments) ? null : findInside(segments);
        return found != null && found.attributes().isDirectory() ? tree.pathOf(segments) : null;
    }

    /**
     * Whether the path names nothing even with every symlink followed: then no walk can find it either.
     * One stat, without the cost of an exception, since a 404 flood is common; a race here can only turn
     * an answer into a 404.
     */
    private boolean isSurelyMissing(List<String> segments) {
        try {
            return !tree.pathOf(segments).toFile().exists();
        } catch (InvalidPathException e) {
            return true;
        }
    }

    /** Where the names lead from the root, or null when nowhere servable (missing, outside, hidden). */
    private RootDirectory.Found findInside(List<String> names) {
        try {
            return tree.find(names);
        } catch (IOException | InvalidPathException | SecurityException e) {
            return null;
        }
    }

    /**
     * A file beside a resolved one (a precompressed {@code .gz} or {@code .br} sibling), found by the same
     * walk from the root, or null.
     */
    Resolution.File sibling(Resolution.File file, String suffix) {
        Path path = file.path().resolveSibling(file.path().getFileName() + suffix);
        if (!path.toFile().exists()) {
            return null;
        }
        FileVersion version = versionOf(path);
        return version == null ? null : new Resolution.File(path, version);
    }

    /** The version of the regular file a resolved path names now, found by a walk from the root; or null. */
    FileVersion versionOf(Path file) {
        RootDirectory.Found found = findInside(tree.namesOf(file));
        return found == null || !found.attributes().isRegularFile() ? null : FileVersion.of(found.attributes());
    }

    /**
     * Opens a resolved file by walking to it again from the root ({@link RootDirectory#open}): whatever was
     * renamed or swapped for a symlink since it was resolved, what is opened is inside the root, or the
     * open fails.
     *
     * @throws NoSuchFileException when the file is no longer there as it was resolved
     */
    FileChannel open(Path file) throws IOException {
        try {
            return tree.open(tree.namesOf(file));
        } catch (AccessDeniedException e) {
            throw e;
        } catch (FileSystemException e) {
            // a symlink where a real name was (ELOOP), or a directory that became a file: not that file now
            NoSuchFileException gone = new NoSuchFileException(file.toString());
            gone.initCause(e);
            throw gone;
        }
    }

    /** The servable entries of a directory that {@link #resolve} named, hidden names left out. */
    List<RootDirectory.Listed> entries(Path directory) throws IOException {
        return tree.list(tree.namesOf(directory));
    }

    /**
     * What a resolved path names now, found by a walk from the root: its real names (no symlink among them) and
     * attributes; or null when it leads nowhere servable any more.
     */
    RootDirectory.Found find(Path path) {
        return findInside(tree.namesOf(path));
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
