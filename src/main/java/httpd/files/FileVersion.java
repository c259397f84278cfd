package httpd.files;

import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Which version of a file: its identity on the file system (device and inode, where the platform gives one),
 * its size, and its modification time to the file system's full precision, as the stat taken on the walk to
 * it says them. An edit, a touch, a rename over it or a new file in its place changes at least one of them,
 * so two equal versions are the same bytes ({@link FileVersionCache} says when that can be relied on).
 *
 * @param fileKey      the file's identity, or null where the platform has none
 * @param size         its size in bytes
 * @param lastModified its modification time
 */
record FileVersion(Object fileKey, long size, FileTime lastModified) {
    /**
     * How long after its modification time a version is taken as final: longer than the coarsest clock a
     * file system stamps times with (FAT's two seconds), so a write after that moment can no longer leave the
     * time as it was.
     */
    static final Duration SETTLING = Duration.ofSeconds(2);

    static FileVersion of(BasicFileAttributes attributes) {
        return new FileVersion(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime());
    }

    /**
     * Whether nothing written from {@code now} on can leave this version's size and time as they are: the
     * file has an identity, and its time lies at least {@link #SETTLING} before {@code now} (a time in the
     * future never settles until it has passed).
     */
    boolean hasSettledBy(Instant now) {
        return fileKey != null && lastModified.compareTo(FileTime.from(now.minus(SETTLING))) <= 0;
    }
}
