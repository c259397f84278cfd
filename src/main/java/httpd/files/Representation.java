package httpd.files;

import httpd.http.HttpDates;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One version of a file as it is sent (RFC 9110 §3.2): whose bytes, what they are, and the validators that
 * name this version (§8.8).
 *
 * @param file             the file whose bytes are sent: the one asked for, or its {@code .br} or {@code .gz} sibling
 * @param version          which version of it
 * @param contentType      the Content-Type of the file asked for
 * @param contentEncoding  "br", "gzip", or null for the file as it is
 * @param etag             a strong entity tag, quoted (RFC 9110 §8.8.3)
 * @param lastModified     the modification time, truncated to seconds as HTTP dates are
 * @param lastModifiedText {@code lastModified} as an HTTP date, for the Last-Modified header
 */
record Representation(Path file, FileVersion version, String contentType, String contentEncoding, String etag,
        Instant lastModified, String lastModifiedText) {

    /** The representation of this version of a file, its validators made from the version alone. */
    static Representation of(Path file, FileVersion version, String contentType, String contentEncoding) {
        long modifiedMillis = version.lastModified().toMillis();
        Instant lastModified = Instant.ofEpochMilli(modifiedMillis).truncatedTo(ChronoUnit.SECONDS);
        return new Representation(file, version, contentType, contentEncoding,
                etagOf(version.size(), modifiedMillis, contentEncoding), lastModified, HttpDates.format(lastModified));
    }

    long size() {
        return version.size();
    }

    /**
     * A strong ETag from size and modification time: it changes whenever an edit changes either, which is
     * what a browser revalidating on reload needs. Each encoding gets its own tag (RFC 9110 §8.8.3).
     */
    static String etagOf(long size, long modifiedMillis, String contentEncoding) {
        String tag = Long.toHexString(size) + "-" + Long.toHexString(modifiedMillis);
        return "\"" + (contentEncoding == null ? tag : tag + "-" + contentEncoding) + "\"";
    }
}
