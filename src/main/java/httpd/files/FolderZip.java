package httpd.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A folder written as a ZIP while it is read, in constant memory whatever the files' sizes: 64 KiB of a file at
 * a time, each piece leaving as soon as java.util.zip gives it out (ZIP64 where sizes or counts need it). It holds
 * exactly what the listings of the folder and its subfolders show: the entries {@link PathResolver#entries} gives,
 * so no hidden name unless dotfiles are served and no symlink leading outside the root; a symlink to a folder
 * that holds it is not followed again, so a loop ends. All entries sit under one folder named after the one
 * zipped, so unpacking makes one folder, not a heap of files.
 *
 * <p>A file is deflated at the fastest level, or stored when it is compressed already ({@link ZipMethod}); a
 * stored entry's header carries its size and CRC-32, so such a file is read twice. A file or folder that has
 * gone or cannot be opened is left out, and the download goes on. Once an entry has begun its bytes are out,
 * so a file that then fails to read (or shrinks, or changes between the two reads) ends the whole body: a
 * client must not take a ZIP holding a cut file for a whole one.
 */
final class FolderZip {
    private static final int READ_BYTES = 64 * 1024;
    /** The listing's order: folders first, then by name regardless of case. */
    private static final Comparator<RootDirectory.Listed> ORDER = Comparator
            .comparing((RootDirectory.Listed e) -> !e.target().attributes().isDirectory())
            .thenComparing(RootDirectory.Listed::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(RootDirectory.Listed::name);
    private static final Logger log = LoggerFactory.getLogger(FolderZip.class);

    private final PathResolver resolver;
    private final Function<String, String> typeOf;

    /** @param typeOf the media type a file name is served with, which decides stored or deflated */
    FolderZip(PathResolver resolver, Function<String, String> typeOf) {
        this.resolver = resolver;
        this.typeOf = typeOf;
    }

    /**
     * Writes the folder as a ZIP, its entries under {@code topName/}.
     *
     * @param directory a folder under the root, as {@link PathResolver#resolve} named it
     * @param alive     told while a file is read without anything written, so the pause is not taken for a stall
     * @throws IOException when the client went away, or a file failed after its entry began
     */
    void write(Path directory, String topName, OutputStream out, Runnable alive) throws IOException {
        RootDirectory.Found top = resolver.find(directory);
        if (top == null || !top.attributes().isDirectory()) {
            throw new IOException(directory + " is no longer a folder to zip");
        }
        Stream zip = new Stream(out);
        try {
            new Walk(zip, alive).folder(directory, topName + "/", top);
            zip.finish();
        } finally {
            zip.release();
        }
    }

    /** java.util.zip's stream, UTF-8 names, the fastest level, and its deflater's native memory freed at the end. */
    private static final class Stream extends ZipOutputStream {
        Stream(OutputStream out) {
            super(out, StandardCharsets.UTF_8);
            // the fastest level, as for gzip on the fly: a LAN is faster than a deflater at higher levels
            setLevel(Deflater.BEST_SPEED);
        }

        /**
         * Frees the deflater without {@link #close}, which would finish the ZIP: after a failure that would write
         * a central directory, making a cut download look whole.
         */
        void release() {
            def.end();
        }
    }

    /** One ZIP being written: the folders open on the way down, and the buffer files are read through. */
    private final class Walk {
        private final Stream zip;
        private final Runnable alive;
        /** The real names of the folders being written, from the zipped one down: a link back to one is a loop. */
        private final Deque<List<String>> open = new ArrayDeque<>();
        private final byte[] bytes = new byte[READ_BYTES];
        private final ByteBuffer buffer = ByteBuffer.wrap(bytes);

        Walk(Stream zip, Runnable alive) {
            this.zip = zip;
            this.alive = alive;
        }

        /** A folder's own entry, then what it holds, in the listing's order. */
        void folder(Path directory, String entryName, RootDirectory.Found found) throws IOException {
            List<RootDirectory.Listed> entries;
            try {
                entries = new ArrayList<>(resolver.entries(directory));
            } catch (IOException e) {
                log.debug("zip: folder {} left out, it cannot be listed: {}", directory, e.toString());
                return;
            }
            entries.sort(ORDER);
            ZipEntry entry = new ZipEntry(entryName);
            entry.setLastModifiedTime(found.attributes().lastModifiedTime());
            // stored and empty, as zip tools write a folder, rather than an empty deflate stream
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(0);
            entry.setCompressedSize(0);
            entry.setCrc(0);
            zip.putNextEntry(entry);
            zip.closeEntry();
            open.push(found.names());
            for (RootDirectory.Listed listed : entries) {
                BasicFileAttributes attributes = listed.target().attributes();
                Path real = pathOf(listed.target().names());
                if (attributes.isDirectory()) {
                    if (open.contains(listed.target().names())) {
                        log.debug("zip: {} leads back to a folder being zipped, not followed", directory.resolve(listed.name()));
                    } else {
                        folder(real, entryName + listed.name() + "/", listed.target());
                    }
                } else if (attributes.isRegularFile()) {
                    file(real, entryName + listed.name(), listed.name(), attributes);
                }
            }
            open.pop();
        }

        private Path pathOf(List<String> realNames) {
            Path path = resolver.root();
            for (String name : realNames) {
                path = path.resolve(name);
            }
            return path;
        }

        /** A file, opened by a walk from the root like any file served; left out when it cannot be opened. */
        private void file(Path file, String entryName, String name, BasicFileAttributes attributes) throws IOException {
            ZipMethod method = ZipMethod.of(name, typeOf.apply(name));
            FileChannel channel;
            try {
                channel = resolver.open(file);
            } catch (IOException e) {
                log.debug("zip: {} left out, it cannot be opened: {}", file, e.toString());
                return;
            }
            try (channel) {
                ZipEntry entry = new ZipEntry(entryName);
                entry.setLastModifiedTime(attributes.lastModifiedTime());
                if (method == ZipMethod.STORED) {
                    stored(channel, entry, file);
                } else {
                    zip.putNextEntry(entry);
                    copy(channel, Long.MAX_VALUE);
                }
                zip.closeEntry();
            }
        }

        /** A stored entry: a first read for its size and CRC-32, which go in its header, then the bytes. */
        private void stored(FileChannel channel, ZipEntry entry, Path file) throws IOException {
            CRC32 crc = new CRC32();
            long size = 0;
            try {
                for (int read = read(channel, READ_BYTES); read >= 0; read = read(channel, READ_BYTES)) {
                    crc.update(bytes, 0, read);
                    size += read;
                }
                channel.position(0);
            } catch (IOException e) {
                log.debug("zip: {} left out, it cannot be read: {}", file, e.toString());
                return;
            }
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(size);
            entry.setCompressedSize(size);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            if (copy(channel, size) < size) {
                throw new IOException(file + " shrank while it was zipped");
            }
            // a file that changed between the reads fails java.util.zip's CRC check at closeEntry
        }

        /** Copies up to {@code limit} bytes of the file into the current entry; returns how many there were. */
        private long copy(FileChannel channel, long limit) throws IOException {
            long copied = 0;
            while (copied < limit) {
                int read = read(channel, (int) Math.min(READ_BYTES, limit - copied));
                if (read < 0) {
                    break;
                }
                zip.write(bytes, 0, read);
                copied += read;
            }
            return copied;
        }

        /** Reads up to {@code most} bytes into {@link #bytes}, from where the last read ended. */
        private int read(FileChannel channel, int most) throws IOException {
            int read = channel.read(buffer.clear().limit(most));
            alive.run();
            return read;
        }
    }
}
