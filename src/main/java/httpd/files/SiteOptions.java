package httpd.files;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the files side is built from: the folder it serves and how it answers. Each setting reaches the files
 * code once, through this value.
 *
 * @param root         the document root (its real path is taken once, when the handler is built)
 * @param dotfiles     serve and list names starting with "." ({@link HiddenNames}); else they are 404
 * @param listing      show an HTML listing for a directory without index.html (else 404)
 * @param spa          answer navigations to missing paths with /index.html (single-page apps)
 * @param cacheControl the Cache-Control sent with every file
 * @param cors         answer CORS preflight requests
 * @param compress     gzip text on the fly for clients that accept it ({@link OnTheFly})
 * @param uploadForm   listings carry a drop zone and a file picker that upload into the folder (--upload)
 */
public record SiteOptions(Path root, boolean dotfiles, boolean listing, boolean spa, String cacheControl,
        boolean cors, boolean compress, boolean uploadForm) {
    /** {@code no-cache}: browsers may keep files but must revalidate, so an edit shows on the next reload. */
    public static final String DEFAULT_CACHE_CONTROL = "no-cache";

    public SiteOptions {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(cacheControl, "cacheControl");
    }

    /** The settings of a server that takes no uploads. */
    public SiteOptions(Path root, boolean dotfiles, boolean listing, boolean spa, String cacheControl, boolean cors,
            boolean compress) {
        this(root, dotfiles, listing, spa, cacheControl, cors, compress, false);
    }

    /**
     * This root with every other setting at its default: dotfiles hidden, listings on, no SPA, no CORS,
     * compression on.
     */
    public static SiteOptions defaults(Path root) {
        return new SiteOptions(root, false, true, false, DEFAULT_CACHE_CONTROL, false, true);
    }

    /** These options with compression on or off. */
    public SiteOptions withCompress(boolean on) {
        return new SiteOptions(root, dotfiles, listing, spa, cacheControl, cors, on, uploadForm);
    }

    /** These options with the listings' upload form shown or not. */
    public SiteOptions withUploadForm(boolean on) {
        return new SiteOptions(root, dotfiles, listing, spa, cacheControl, cors, compress, on);
    }
}
