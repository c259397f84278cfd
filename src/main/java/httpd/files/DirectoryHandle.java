package httpd.files;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One directory under the root, open, through which its entries are looked at and opened without following
 * a symlink. Where the platform has {@link SecureDirectoryStream} (Linux: {@code openat}, {@code fstatat}
 * with {@code O_NOFOLLOW}), what is checked is what is opened: a name swapped for a symlink between two
 * steps makes the step fail instead of leading elsewhere. Elsewhere the same steps go by path, which
 * checks each name but cannot stop a swap of a parent directory in between.
 */
sealed interface DirectoryHandle extends Closeable {
    /** Opens the root, in the secure form when the platform offers it. */
    static DirectoryHandle open(Path directory) throws IOException {
        DirectoryStream<Path> stream = Files.newDirectoryStream(directory);
        if (stream instanceof SecureDirectoryStream<Path> secure) {
            return new Secure(directory, secure);
        }
        stream.close();
        return new ByPath(directory);
    }

    /** The directory's own attributes. */
    BasicFileAttributes attributes() throws IOException;

    /** The attributes of an entry, a symlink itself rather than its target; null when there is none. */
    BasicFileAttributes entry(String name) throws IOException;

    /** Opens a subdirectory; fails when the name is (now) a symlink or not a directory. */
    DirectoryHandle openDirectory(String name) throws IOException;

    /** Opens a file for reading; fails when the name is (now) a symlink. */
    FileChannel openFile(String name) throws IOException;

    /**
     * The text of a symlink. There is no {@code readlinkat} in the JDK, so this goes by path; that is safe
     * because the text is only ever walked again from the root under the same rules.
     */
    String readLink(String name) throws IOException;

    /** The names of the entries, once. */
    List<String> names() throws IOException;

    /** Whether steps are taken relative to open directories (the race-free form). */
    boolean isSecure();

    private static List<String> namesIn(DirectoryStream<Path> entries) {
        List<String> names = new ArrayList<>();
        for (Path entry : entries) {
            names.add(entry.getFileName().toString());
        }
        return names;
    }

    /** The secure form: every step relative to this open directory, never through a symlink. */
    record Secure(Path path, SecureDirectoryStream<Path> stream) implements DirectoryHandle {
        /** LinkOption is an OpenOption too: O_NOFOLLOW on the openat. */
        private static final Set<OpenOption> READ_NOFOLLOW = Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);

        @Override
        public BasicFileAttributes attributes() throws IOException {
            return stream.getFileAttributeView(BasicFileAttributeView.class).readAttributes();
        }

        @Override
        public BasicFileAttributes entry(String name) throws IOException {
            try {
                return stream.getFileAttributeView(Path.of(name), BasicFileAttributeView.class,
                        LinkOption.NOFOLLOW_LINKS).readAttributes();
            } catch (NoSuchFileException | NotDirectoryException e) {
                return null;
            }
        }

        @Override
        public DirectoryHandle openDirectory(String name) throws IOException {
            return new Secure(path.resolve(name), stream.newDirectoryStream(Path.of(name), LinkOption.NOFOLLOW_LINKS));
        }

        @Override
        public FileChannel openFile(String name) throws IOException {
            SeekableByteChannel channel = stream.newByteChannel(Path.of(name), READ_NOFOLLOW);
            if (channel instanceof FileChannel file) {
                return file; // a real file channel, so a large body still leaves by sendfile
            }
            channel.close();
            throw new IOException("the platform opened " + path.resolve(name) + " without a file channel");
        }

        @Override
        public String readLink(String name) throws IOException {
            return Files.readSymbolicLink(path.resolve(name)).toString();
        }

        @Override
        public List<String> names() {
            return namesIn(stream);
        }

        @Override
        public boolean isSecure() {
            return true;
        }

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /** The fallback: the same steps by path, each refusing a symlink in its last name. */
    record ByPath(Path path) implements DirectoryHandle {
        @Override
        public BasicFileAttributes attributes() throws IOException {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public BasicFileAttributes entry(String name) throws IOException {
            try {
                return Files.readAttributes(path.resolve(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException | NotDirectoryException e) {
                return null;
            }
        }

        @Override
        public DirectoryHandle openDirectory(String name) throws IOException {
            Path child = path.resolve(name);
            if (!Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isDirectory()) {
                throw new NotDirectoryException(child.toString());
            }
            return new ByPath(child);
        }

        @Override
        public FileChannel openFile(String name) throws IOException {
            return FileChannel.open(path.resolve(name), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        }

        @Override
        public String readLink(String name) throws IOException {
            return Files.readSymbolicLink(path.resolve(name)).toString();
        }

        @Override
        public List<String> names() throws IOException {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                return namesIn(entries);
            }
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public void close() {
        }
    }
}
