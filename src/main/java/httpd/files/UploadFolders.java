package httpd.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where an upload may land: a folder under the root that a request path names, found by the very walk that
 * serves files ({@link PathResolver}), so a folder that would not be served (hidden, outside the root, reached
 * through a symlink that leaves it) takes no upload either. A folder with an index.html takes uploads too.
 */
public final class UploadFolders {
    private final PathResolver resolver;

    /** @param site the root and whether hidden names are served, as the files side has them */
    public UploadFolders(SiteOptions site) throws IOException {
        this.resolver = new PathResolver(site.root(), site.dotfiles());
    }

    /**
     * The folder these decoded segments name, as a real path under the root; empty when they name no folder that
     * would be listed.
     */
    public Optional<Path> folder(List<String> segments) {
        return Optional.ofNullable(resolver.folder(segments));
    }

    /** The request path of a file in a folder, percent-encoded, for a Location header. */
    public String pathOf(Path folder, String name) {
        List<String> segments = new java.util.ArrayList<>();
        for (Path part : resolver.root().relativize(folder)) {
            if (!part.toString().isEmpty()) {
                segments.add(part.toString());
            }
        }
        segments.add(name);
        return PathResolver.encodePath(segments);
    }

    /** Whether a name is taken in a folder, by anything: a file, a folder, a link. */
    public static boolean taken(Path folder, String name) {
        return java.nio.file.Files.exists(folder.resolve(name), java.nio.file.LinkOption.NOFOLLOW_LINKS);
    }
}
