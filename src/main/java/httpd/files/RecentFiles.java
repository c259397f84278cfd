package httpd.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files that request paths led to lately, so that a path asked for again costs one stat instead of a walk
 * from the root (a walk opens and closes a directory per name: ten system calls for a file in the root).
 * Bounded; the least recently used path leaves first; safe to share between threads.
 *
 * <p><b>Why one stat is enough.</b> An entry is used only when a stat of its path, taken now and following
 * symlinks as the walk does, gives the very {@link FileVersion} the walk found: the same file (device and
 * inode), size and modification time. Whatever is swapped in on the way, a symlink to a file outside the root
 * is another file, so it fails the comparison and the path is walked again, and refused there. What an equal
 * version can still name is the file the walk found inside the root, with the bytes it had: nothing that was
 * not servable. And nothing is opened on the strength of an entry: a file too large to be held in memory is
 * opened by a walk from the root ({@link RootDirectory#open}), as always. Platforms without a file key
 * (Windows) keep no entries.
 */
final class RecentFiles {
    /** Paths beyond this many make room by dropping the least recently used. */
    static final int MAX_ENTRIES = 4096;

    private final Map<String, Resolution.File> byRequestPath = new LinkedHashMap<>(256, 0.75f, true);

    /**
     * The file this request path (as it came, percent-encoded) led to, if a stat says it is still that file;
     * null when there is no entry or the file changed.
     */
    Resolution.File stillThere(String rawPath) {
        Resolution.File known;
        synchronized (this) {
            known = byRequestPath.get(rawPath);
        }
        if (known == null) {
            return null;
        }
        if (known.version().equals(versionNow(known.path()))) {
            return known;
        }
        synchronized (this) {
            byRequestPath.remove(rawPath, known);
        }
        return null;
    }

    /** Remembers what a walk from the root found for this request path. */
    void remember(String rawPath, Resolution.File file) {
        if (file.version().fileKey() == null) {
            return;
        }
        synchronized (this) {
            byRequestPath.put(rawPath, file);
            if (byRequestPath.size() > MAX_ENTRIES) {
                byRequestPath.remove(byRequestPath.keySet().iterator().next());
            }
        }
    }

    synchronized int size() {
        return byRequestPath.size();
    }

    private static FileVersion versionNow(Path file) {
        try {
            return FileVersion.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
