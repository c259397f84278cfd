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
 */
public record SiteOptions(Path root, boolean dotfiles, boolean listing, boolean spa, String cacheControl,
        boolean cors, boolean compress) {
    /** {@code no-cache}: browsers may keep files but must revalidate, so an edit shows on the next reload. */
    public static final String DEFAULT_CACHE_CONTROL = "no-cache";

    public SiteOptions {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(cacheControl, "cacheControl");
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
        return new SiteOptions(root, dotfiles, listing, spa, cacheControl, cors, on);
    }
}
