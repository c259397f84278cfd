package httpd.upload;

import httpd.files.HiddenNames;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Saves an upload so that it is never half there: the bytes go to a hidden temporary file beside the target,
 * are flushed to the disk, and only then take the file's name. An upload that fails or is cut off leaves
 * nothing behind (the temporary file is deleted), and a reader of the folder sees either no file or the whole
 * one.
 *
 * <p>Without overwriting, the name is taken with a hard link, which fails when the name exists: two uploads of
 * the same name at once cannot both have it, and neither replaces a file that appeared meanwhile. Where a file
 * system has no hard links (FAT on a USB stick) a rename that refuses an existing name does the same, with a
 * moment between its check and its rename.
 */
final class FileSaver {
    /** Opens the temporary file; tests put a full disk here. */
    @FunctionalInterface
    interface Channels {
        FileChannel create(Path file) throws IOException;

        Channels DISK = file -> FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS);
    }

    /** A write to the disk failed: not the client's doing. */
    static final class WriteFailed extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient Path folder;

        WriteFailed(IOException cause, Path file) {
            super(cause.getMessage(), cause);
            this.folder = file.getParent();
        }

        /** Where the write failed, whose free space tells a full disk. */
        Path folder() {
            return folder;
        }

        /** ENOSPC and EDQUOT: no space, or the user's quota is used up. */
        boolean diskFull() {
            String message = String.valueOf(getCause().getMessage());
            return message.contains("No space left") || message.contains("quota");
        }
    }

    /** A file saved: the name it got and its size. */
    record Saved(Path file, String name, long bytes, boolean replaced) {
    }

    /** How many numbered names ({@code name (1).ext}...) are tried before an upload is refused. */
    private static final int MAX_NUMBERED = 9999;
    private static final int BUFFER = 64 * 1024;

    private final Channels channels;
    private final SecureRandom random = new SecureRandom();

    FileSaver(Channels channels) {
        this.channels = channels;
    }

    /** Saves under the name, or under {@code name (1).ext}, {@code (2)}... when it is taken. */
    Saved saveBesideOthers(Path folder, String name, InputStream content) throws IOException {
        Path temporary = write(folder, content);
        try {
            for (int n = 0; n <= MAX_NUMBERED; n++) {
                String candidate = n == 0 ? name : UploadName.numbered(name, n);
                if (publishNew(temporary, folder.resolve(candidate))) {
                    return new Saved(folder.resolve(candidate), candidate, Files.size(folder.resolve(candidate)), false);
                }
            }
            throw new FileAlreadyExistsException(folder.resolve(name).toString(), null, "every numbered name is taken");
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Saves under exactly this name. Without {@code replace}, a name that is taken (also by one saved while this
     * upload arrived) fails with {@link FileAlreadyExistsException}; with it, an existing file is replaced at
     * once, in one rename.
     */
    Saved saveAs(Path folder, String name, InputStream content, boolean replace) throws IOException {
        Path target = folder.resolve(name);
        Path temporary = write(folder, content);
        try {
            boolean existed = Files.exists(target, LinkOption.NOFOLLOW_LINKS);
            if (replace) {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else if (!publishNew(temporary, target)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            return new Saved(target, name, Files.size(target), replace && existed);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** The content in a hidden temporary file in the folder, on the disk; deleted if anything fails. */
    private Path write(Path folder, InputStream content) throws IOException {
        Path temporary = folder.resolve(HiddenNames.UPLOAD_IN_PROGRESS + HexFormat.of().formatHex(nextBytes()) + ".part");
        boolean done = false;
        try (FileChannel out = create(temporary)) {
            copy(content, out, temporary);
            force(out, temporary);
            done = true;
            return temporary;
        } finally {
            if (!done) {
                Files.deleteIfExists(temporary);
            }
        }
    }

    private FileChannel create(Path temporary) throws IOException {
        try {
            return channels.create(temporary);
        } catch (IOException e) {
            throw new WriteFailed(e, temporary);
        }
    }

    private static void copy(InputStream content, FileChannel out, Path temporary) throws IOException {
        byte[] bytes = new byte[BUFFER];
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int count;
        while ((count = content.read(bytes)) >= 0) {
            if (count == 0) {
                throw new IOException("a read of the upload returned no bytes"); // a blocking read never does
            }
            buffer.clear().limit(count);
            try {
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            } catch (IOException e) {
                throw new WriteFailed(e, temporary);
            }
        }
    }

    /** On the disk before it gets its name: a crash just after the answer does not lose the file. */
    private static void force(FileChannel out, Path temporary) throws IOException {
        try {
            out.force(true);
        } catch (IOException e) {
            throw new WriteFailed(e, temporary);
        }
    }

    /** Gives the temporary file this name unless the name is taken; false when it is. */
    private static boolean publishNew(Path temporary, Path target) throws IOException {
        try {
            Files.createLink(target, temporary);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
            try {
                Files.move(temporary, target); // no hard links here: a rename that refuses an existing name
                return true;
            } catch (FileAlreadyExistsException taken) {
                return false;
            }
        }
    }

    private byte[] nextBytes() {
        byte[] bytes = new byte[8];
        random.nextBytes(bytes);
        return bytes;
    }
}
