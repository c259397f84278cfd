package httpd.files;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Compression on the fly: which files are worth gzip-encoding when they have no precompressed sibling, and
 * the encoding of a small one, done once per file version and kept with it in {@link FileVersionCache}.
 * Images, audio, video, fonts and archives are compressed already; encoding them again costs CPU and saves
 * nothing.
 */
final class OnTheFly {
    /** Below this a file gains too little for its gzip header and the client's work (nginx's default is 20). */
    static final long MIN_BYTES = 1024;
    static final String CODING = "gzip";
    /**
     * Up to this size a file is encoded whole, once per version, and its encoding kept (within the cache's
     * cap): a page or a bundled script is asked for again and again, and encoding it each time is what costs.
     * A larger file is encoded as it is sent, in constant memory.
     */
    static final long WHOLE_BYTES = 1024 * 1024;

    private static final Set<String> TYPES = Set.of("application/javascript", "application/json",
            "application/xml", "application/manifest+json", "image/svg+xml", "application/xhtml+xml",
            "application/wasm", "application/x-javascript", "application/ld+json", "application/rss+xml",
            "application/atom+xml", "text/javascript");

    private OnTheFly() {
    }

    /** Whether a file of this name, type and size is gzip-encoded for a client that accepts it. */
    static boolean worthIt(String name, String contentType, long size) {
        // an .svgz is SVG gzip-encoded already: encoding it again would only make it larger
        return !name.toLowerCase(Locale.ROOT).endsWith(".svgz") && worthIt(contentType, size);
    }

    /** Whether a file of this type and size is gzip-encoded for a client that accepts it. */
    static boolean worthIt(String contentType, long size) {
        if (size < MIN_BYTES || contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(Locale.ROOT);
        return type.startsWith("text/") && !type.equals("text/event-stream") || TYPES.contains(type)
                || type.endsWith("+json") || type.endsWith("+xml");
    }

    /**
     * The gzip encoding of these bytes, off the heap like the bytes it stands beside. At the default level:
     * it is done once per version, so a few more microseconds buy fewer bytes for every client after.
     */
    static ByteBuffer gzip(ByteBuffer identity) {
        ByteBuffer source = identity.duplicate();
        byte[] bytes = new byte[source.remaining()];
        source.get(bytes);
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream out = new GZIPOutputStream(encoded, 8192) {
            {
                def.setLevel(Deflater.DEFAULT_COMPRESSION);
            }
        }) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        byte[] result = encoded.toByteArray();
        return ByteBuffer.allocateDirect(result.length).put(result).flip().asReadOnlyBuffer();
    }
}
