package httpd.upload;

/**
 * Whether and how files may be sent to the server: off unless asked for, never overwriting unless asked for,
 * and never larger than a cap.
 *
 * @param enabled   PUT and form uploads into the served folder
 * @param overwrite a PUT may replace an existing file (else 409, and a form upload takes {@code name (1).ext})
 * @param maxBytes  the largest upload taken: a larger one is refused with 413
 */
public record UploadOptions(boolean enabled, boolean overwrite, long maxBytes) {
    /** 1 GiB: a phone's video fits, a disk does not fill from one mistake. */
    public static final long DEFAULT_MAX_BYTES = 1L << 30;
    public static final UploadOptions OFF = new UploadOptions(false, false, DEFAULT_MAX_BYTES);

    public UploadOptions {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1");
        }
    }
}
