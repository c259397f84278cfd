package httpd.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The document root as a tree that is walked, never jumped into: every lookup and every open starts at the
 * root and takes one name at a time ({@link DirectoryHandle}), with no symlink followed by the system. A
 * symlink is followed by hand: its text is read and walked on from where it stands (or from the root, for an
 * absolute target under the root), so it is followed only while it stays inside, and at most
 * {@value #MAX_LINKS} of them per lookup. What a walk arrives at is therefore always inside the root, even
 * while another process renames directories and swaps in symlinks.
 */
final class RootDirectory {
    /** As many symlinks as Linux follows in one path lookup (MAXSYMLINKS). */
    static final int MAX_LINKS = 40;

    /**
     * Where a walk arrived.
     *
     * @param names      the real names from the root down (no symlink among them)
     * @param attributes the attributes of what is there, read relative to its directory
     */
    record Found(List<String> names, BasicFileAttributes attributes) {
        Found {
            names = List.copyOf(names);
        }
    }

    /** An entry of a directory, with its symlink (if it is one) followed while it stays inside. */
    record Listed(String name, Found target) {
    }

    private final Path root;
    private final boolean serveDotfiles;
    private final boolean secure;

    /**
     * @param root          the root's real path
     * @param serveDotfiles whether names starting with "." may be walked through; if not, a walk that
     *                      arrives at one, even through a symlink, finds nothing
     */
    RootDirectory(Path root, boolean serveDotfiles) throws IOException {
        this.root = root;
        this.serveDotfiles = serveDotfiles;
        try (DirectoryHandle handle = DirectoryHandle.open(root)) {
            this.secure = handle.isSecure();
        }
    }

    Path root() {
        return root;
    }

    /** Whether lookups and opens are race-free here (the platform has {@code SecureDirectoryStream}). */
    boolean isSecure() {
        return secure;
    }

    /** The absolute path of real names under the root. */
    Path pathOf(List<String> names) {
        Path path = root;
        for (String name : names) {
            path = path.resolve(name);
        }
        return path;
    }

    /** The real names of a path under the root (one that a walk produced). */
    List<String> namesOf(Path path) {
        List<String> names = new ArrayList<>();
        for (Path name : root.relativize(path)) {
            if (!name.toString().isEmpty()) {
                names.add(name.toString());
            }
        }
        return names;
    }

    /**
     * Walks these names from the root.
     *
     * @param names decoded names, none of them holding a separator
     * @return where they lead, or null when nothing is there, a symlink leads outside the root or loops, or a
     *         name follows a file
     */
    Found find(List<String> names) throws IOException {
        Walk walk = new Walk(names);
        try {
            return walk.run();
        } finally {
            walk.close();
        }
    }

    /**
     * Opens the file these names lead to, at the end of the same walk: the name is looked at and opened
     * relative to the one open directory, without following a symlink, so what is opened is what was
     * checked.
     *
     * @throws NoSuchFileException when the names lead to no regular file inside the root
     */
    FileChannel open(List<String> names) throws IOException {
        Walk walk = new Walk(names);
        try {
            Found found = walk.run();
            if (found == null || !found.attributes().isRegularFile()) {
                throw new NoSuchFileException(pathOf(names).toString());
            }
            return walk.directory().openFile(found.names().get(found.names().size() - 1));
        } finally {
            walk.close();
        }
    }

    /**
     * The entries of the directory these names lead to, each symlink followed as a walk would; entries that
     * lead nowhere, outside the root, or to a hidden name are left out.
     */
    List<Listed> list(List<String> directoryNames) throws IOException {
        List<Listed> entries = new ArrayList<>();
        Walk walk = new Walk(directoryNames);
        try {
            Found directory = walk.run();
            if (directory == null || !directory.attributes().isDirectory()) {
                throw new NoSuchFileException(pathOf(directoryNames).toString());
            }
            DirectoryHandle handle = walk.enter();
            for (String name : handle.names()) {
                if (HiddenNames.isHidden(name, serveDotfiles)) {
                    continue;
                }
                BasicFileAttributes attributes = handle.entry(name);
                if (attributes == null) {
                    continue; // gone since the names were read
                }
                List<String> names = new ArrayList<>(directory.names());
                names.add(name);
                Found target = attributes.isSymbolicLink() ? find(names) : new Found(names, attributes);
                if (target != null) {
                    entries.add(new Listed(name, target));
                }
            }
        } finally {
            walk.close();
        }
        return entries;
    }

    /** One walk: the open directories from the root down to where it stands, and the names still to take. */
    private final class Walk {
        private final Deque<String> pending;
        private final List<String> real = new ArrayList<>();
        private final Deque<DirectoryHandle> open = new ArrayDeque<>();
        private int links;

        Walk(List<String> names) {
            this.pending = new ArrayDeque<>(names);
        }

        Found run() throws IOException {
            open.push(DirectoryHandle.open(root));
            BasicFileAttributes here = open.peek().attributes();
            while (!pending.isEmpty()) {
                String name = pending.pop();
                if (!here.isDirectory()) {
                    return null; // a name after a file
                }
                if (name.isEmpty() || name.equals(".")) {
                    continue; // only link text holds these
                }
                if (name.equals("..")) {
                    if (!climb()) {
                        return null;
                    }
                    here = open.peek().attributes();
                    continue;
                }
                BasicFileAttributes entry = open.peek().entry(name);
                if (entry == null) {
                    return null;
                }
                if (entry.isSymbolicLink()) {
                    if (++links > MAX_LINKS || !follow(open.peek().readLink(name))) {
                        return null;
                    }
                    here = open.peek().attributes();
                    continue;
                }
                if (HiddenNames.isHidden(name, serveDotfiles)) {
                    return null;
                }
                real.add(name);
                here = entry;
                if (entry.isDirectory() && !pending.isEmpty()) {
                    open.push(open.peek().openDirectory(name));
                }
            }
            return new Found(real, here);
        }

        /** ".." from where the walk stands: the real parent, since no name walked so far is a symlink. */
        private boolean climb() throws IOException {
            if (real.isEmpty()) {
                return false; // above the root
            }
            real.remove(real.size() - 1);
            open.pop().close();
            return true;
        }

        /**
         * Puts a symlink's text in front of the names still to take: a relative one goes on from this
         * directory, an absolute one from the root, if it names a place under the root.
         */
        private boolean follow(String text) throws IOException {
            Path target = Path.of(text);
            List<String> names = new ArrayList<>();
            if (target.isAbsolute()) {
                Path underRoot = underRoot(target);
                if (underRoot == null) {
                    return false;
                }
                while (open.size() > 1) {
                    open.pop().close();
                }
                real.clear();
                target = underRoot;
            }
            for (Path name : target) {
                names.add(name.toString());
            }
            for (int i = names.size() - 1; i >= 0; i--) {
                pending.push(names.get(i));
            }
            return true;
        }

        /**
         * An absolute target as names below the root, or null. A target spelled through another symlink to
         * the root (the root's real path is what is compared) is tried through its real path; either way the
         * names are walked from the root again, so a race here only changes which names are tried.
         */
        private Path underRoot(Path target) {
            if (target.startsWith(root)) {
                return target.getNameCount() == root.getNameCount() ? Path.of("")
                        : target.subpath(root.getNameCount(), target.getNameCount());
            }
            try {
                Path real = target.toRealPath();
                return real.startsWith(root) ? root.relativize(real) : null;
            } catch (IOException | SecurityException e) {
                return null;
            }
        }

        /** The open directory that holds what the walk arrived at. */
        DirectoryHandle directory() {
            return open.peek();
        }

        /** Opens the directory the walk arrived at, to look inside it. */
        DirectoryHandle enter() throws IOException {
            if (open.size() == real.size() + 1) {
                return open.peek(); // the root, or a directory the walk stepped into and back out of
            }
            DirectoryHandle entered = open.peek().openDirectory(real.get(real.size() - 1));
            open.push(entered);
            return entered;
        }

        void close() throws IOException {
            while (!open.isEmpty()) {
                open.pop().close();
            }
        }
    }
}
