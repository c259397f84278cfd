package httpd.files;

import httpd.http.HeaderField;
import httpd.http.HttpDates;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.List;

/**
 * One file as it is sent: its bytes on disk, the type of the original, the coding of these bytes (for a
 * precompressed {@code .br} or {@code .gz} sibling) and the validators that identify this version.
 *
 * @param file            the file whose bytes are sent
 * @param attributes      what a stat of it said when the request came
 * @param lastModified    its modification time, truncated to seconds as HTTP dates are
 * @param contentType     the Content-Type of the original file
 * @param contentEncoding "br", "gzip", or null for the file as it is
 * @param etag            a strong entity tag, quoted (RFC 9110 §8.8.3)
 * @param hasVariants     whether another encoding of the same file exists (then responses say Vary)
 * @param lastModifiedText {@code lastModified} as an HTTP date, for the Last-Modified header
 * @param headers         the headers a 200 with these bytes carries, built once per version of the file
 *                        (empty until {@link #withHeaders})
 */
public record Representation(Path file, BasicFileAttributes attributes, Instant lastModified, String contentType,
        String contentEncoding, String etag, boolean hasVariants, String lastModifiedText, List<HeaderField> headers) {

    public Representation(Path file, BasicFileAttributes attributes, Instant lastModified, String contentType,
            String contentEncoding, String etag, boolean hasVariants) {
        this(file, attributes, lastModified, contentType, contentEncoding, etag, hasVariants,
                HttpDates.format(lastModified), List.of());
    }

    public Representation withHeaders(List<HeaderField> okHeaders) {
        return new Representation(file, attributes, lastModified, contentType, contentEncoding, etag, hasVariants,
                lastModifiedText, List.copyOf(okHeaders));
    }

    public Representation withAttributes(BasicFileAttributes sameVersion) {
        return new Representation(file, sameVersion, lastModified, contentType, contentEncoding, etag, hasVariants,
                lastModifiedText, headers);
    }

    public long size() {
        return attributes.size();
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
