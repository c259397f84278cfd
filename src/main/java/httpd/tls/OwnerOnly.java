package httpd.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Permissions that keep the CA's key the owner's alone, where the file system has POSIX permissions. */
final class OwnerOnly {
    private OwnerOnly() {
    }

    static boolean supported(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing != null && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
    }

    /** Creates the directory (and its parents) if needed, and makes it rwx------. */
    static void directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (supported(dir)) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
