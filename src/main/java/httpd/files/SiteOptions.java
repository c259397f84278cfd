package httpd.files;

import java.util.Objects;

/**
 * How the static file handler behaves beyond mapping paths to files.
 *
 * @param listing      show an HTML listing for a directory without index.html (else 404)
 * @param spa          answer navigations to missing paths with /index.html (single-page apps)
 * @param cacheControl the Cache-Control sent with every file
 * @param cors         answer CORS preflight requests
 */
public record SiteOptions(boolean listing, boolean spa, String cacheControl, boolean cors) {
    /** {@code no-cache}: browsers may keep files but must revalidate, so an edit shows on the next reload. */
    public static final String DEFAULT_CACHE_CONTROL = "no-cache";
    public static final SiteOptions DEFAULT = new SiteOptions(true, false, DEFAULT_CACHE_CONTROL, false);

    public SiteOptions {
        Objects.requireNonNull(cacheControl, "cacheControl");
    }
}
