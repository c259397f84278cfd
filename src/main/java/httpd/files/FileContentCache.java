package httpd.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bytes of small files, kept in memory and checked against the file's identity, size and modification
 * time on every use, so an edit shows at once. A hit costs no open, read or close. Bounded in bytes; the
 * least recently used files leave first.
 */
final class FileContentCache {
    /** Files up to this size are cached. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    private record Version(Object fileKey, long size, long modifiedMillis) {
        static Version of(BasicFileAttributes attributes) {
            return new Version(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime().toMillis());
        }

        boolean isOf(BasicFileAttributes attributes) {
            return size == attributes.size() && modifiedMillis == attributes.lastModifiedTime().toMillis()
                    && fileKey.equals(attributes.fileKey());
        }
    }

    /** @param seen the stat the bytes were read after; a request holding that very object needs no comparing */
    private record Entry(Version version, BasicFileAttributes seen, ByteBuffer bytes) {
    }

    /** Opens a file to read its bytes; the resolver's open, which never leaves the root. */
    interface Opener {
        FileChannel open(Path file) throws IOException;
    }

    private final long capacityBytes;
    private final Opener opener;
    private final Map<Path, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedBytes;

    FileContentCache(long capacityBytes, Opener opener) {
        this.capacityBytes = capacityBytes;
        this.opener = opener;
    }

    /** A cache sized for this JVM: an eighth of the maximum heap, at most 32 MiB. */
    static FileContentCache forThisJvm(Opener opener) {
        return new FileContentCache(Math.min(32L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8), opener);
    }

    /**
     * The file's bytes when it is small enough, from memory if the cached copy is of this very version.
     *
     * @param attributes what a stat of the file said just now
     * @return the bytes (read-only, off the heap, so the socket takes them without a copy), or null for a
     *         file too large to cache or one that changed while it was read
     */
    ByteBuffer bytes(Path file, BasicFileAttributes attributes) throws IOException {
        if (attributes.size() > MAX_FILE_BYTES) {
            return null;
        }
        synchronized (this) {
            Entry entry = entries.get(file);
            if (entry != null && entry.seen() == attributes) {
                return entry.bytes();
            }
            if (entry != null && entry.version().isOf(attributes)) {
                entries.put(file, new Entry(entry.version(), attributes, entry.bytes())); // see Representations
                return entry.bytes();
            }
        }
        if (attributes.fileKey() == null) {
            return null;
        }
        Version version = Version.of(attributes);
        ByteBuffer bytes = read(file, (int) attributes.size());
        if (bytes != null) {
            store(file, new Entry(version, attributes, bytes));
        }
        return bytes;
    }

    private ByteBuffer read(Path file, int size) throws IOException {
        try (FileChannel channel = opener.open(file)) {
            if (channel.size() != size) {
                return null;
            }
            ByteBuffer buffer = ByteBuffer.allocateDirect(size);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer) < 0) {
                    return null;
                }
            }
            return buffer.flip().asReadOnlyBuffer();
        }
    }

    private synchronized void store(Path file, Entry entry) {
        Entry previous = entries.put(file, entry);
        cachedBytes += entry.bytes().capacity() - (previous == null ? 0 : previous.bytes().capacity());
        var eldest = entries.entrySet().iterator();
        while (cachedBytes > capacityBytes && eldest.hasNext()) {
            Entry evicted = eldest.next().getValue();
            eldest.remove();
            cachedBytes -= evicted.bytes().capacity();
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
