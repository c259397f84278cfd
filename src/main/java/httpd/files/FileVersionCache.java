package httpd.files;

import httpd.http.Body;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the files side derived from one version of each file it served lately: the {@link Representation}
 * with its validators (ETag, Last-Modified) and, for a small file, its bytes. That covers a precompressed
 * sibling, which has an entry of its own, and the custom 404 page, which is a file like any other. Built
 * where the server is assembled and handed in; bounded in entries and in bytes, the least recently used
 * leaving first; safe to share between threads.
 *
 * <p><b>Identity.</b> An entry answers for a file only while the stat taken on the request's own walk to
 * that file gives the very {@link FileVersion} the entry was made from: the same file key (device and
 * inode), size, and modification time to the file system's full precision. Whatever changes a file changes
 * one of these: an edit or a touch its time, a rename over it or a new file in its place its key; so the
 * request after a change finds no entry and sees the change. One kind of write could still leave all three
 * as they were: one of the same size within the same tick of the file system's clock. So an entry is only
 * kept for a version that had settled ({@link FileVersion#hasSettledBy}) before its bytes were read, and any
 * write after that stamps a later time. Not seen, by this cache as by the ETag made from the same facts, is
 * a file given back by hand the very time, size and inode it had before.
 */
public final class FileVersionCache {
    /** Entries beyond this many make room by dropping the least recently used. */
    static final int MAX_ENTRIES = 4096;

    /**
     * What is known of one version of one file.
     *
     * @param bytes the whole file, read-only and off the heap so the socket takes it without a copy; null
     *              when it is not held (too large, or not settled), and the bytes are then read from the file
     */
    record Entry(Representation representation, ByteBuffer bytes) {
    }

    private final long maxBytes;
    private final Clock clock;
    /** One file in one coding: a file sent as it is and gzip-encoded on the fly has two entries. */
    private record Key(Path file, String contentEncoding) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytesHeld;

    /**
     * @param maxBytes the most bytes of small files held at once (0: none)
     * @param clock    the wall clock that says when a version has settled
     */
    public FileVersionCache(long maxBytes, Clock clock) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes must not be negative");
        }
        this.maxBytes = maxBytes;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The entry for this version of this file, sent in this coding (null: as it is); null when there is none. */
    synchronized Entry find(Path file, FileVersion version, String contentEncoding) {
        Entry entry = entries.get(new Key(file, contentEncoding));
        if (entry == null || !entry.representation().version().equals(version)) {
            return null;
        }
        return entry;
    }

    /** Whether bytes of this version, read from now on, would be kept: it has settled, and it is small. */
    boolean keepsBytesOf(FileVersion version) {
        return version.size() <= Math.min(Body.SMALL_BYTES, maxBytes) && version.hasSettledBy(clock.instant());
    }

    /** Keeps an entry, replacing the one for an earlier version, unless its version has yet to settle. */
    void keep(Entry entry) {
        if (!entry.representation().version().hasSettledBy(clock.instant())) {
            return;
        }
        synchronized (this) {
            Representation representation = entry.representation();
            Entry previous = entries.put(new Key(representation.file(), representation.contentEncoding()), entry);
            bytesHeld += bytesOf(entry) - bytesOf(previous);
            Iterator<Entry> eldest = entries.values().iterator();
            while ((entries.size() > MAX_ENTRIES || bytesHeld > maxBytes) && eldest.hasNext()) {
                bytesHeld -= bytesOf(eldest.next());
                eldest.remove();
            }
        }
    }

    private static long bytesOf(Entry entry) {
        return entry == null || entry.bytes() == null ? 0 : entry.bytes().capacity();
    }

    synchronized int size() {
        return entries.size();
    }

    synchronized long bytesHeld() {
        return bytesHeld;
    }
}
