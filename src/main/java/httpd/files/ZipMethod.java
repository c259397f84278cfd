package httpd.files;

import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;

/**
 * How a file goes into a folder's ZIP: deflated, or stored as it is when it is compressed already (images, audio,
 * video, archives, office documents, woff fonts, PDF). Deflating those costs CPU and saves next to nothing.
 * Decided from the media type the file would be served with, as {@link EntryKind} and {@link OnTheFly} are, so
 * the three never disagree about what a file is.
 */
enum ZipMethod {
    /** Kept as it is: size and CRC-32 go in the entry's header, so they are taken in a first read. */
    STORED(ZipEntry.STORED),
    DEFLATED(ZipEntry.DEFLATED);

    /**
     * Compressed formats whose type's family does not say so: archives, formats that are ZIP files inside
     * (office documents, EPUB, JAR), woff fonts, PDF (its streams are deflated).
     */
    private static final Set<String> COMPRESSED = Set.of("application/zip", "application/gzip",
            "application/x-bzip2", "application/x-xz", "application/zstd", "application/x-7z-compressed",
            "application/vnd.rar", "application/java-archive", "application/epub+zip", "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text", "application/vnd.oasis.opendocument.spreadsheet",
            "font/woff", "font/woff2", "model/gltf-binary");
    /** Images, audio and video that are not compressed (or only as text is): these gain from deflating. */
    private static final Set<String> UNCOMPRESSED_MEDIA = Set.of("image/svg+xml", "image/bmp", "image/tiff",
            "image/x-icon", "audio/wav", "audio/midi");

    /** The method's number in java.util.zip ({@link ZipEntry#setMethod}). */
    final int zipEntryMethod;

    ZipMethod(int zipEntryMethod) {
        this.zipEntryMethod = zipEntryMethod;
    }

    /**
     * @param name      the file's name: an {@code .svgz} is SVG gzip-encoded already
     * @param mediaType the Content-Type it would be served with, parameters and all
     */
    static ZipMethod of(String name, String mediaType) {
        if (name.toLowerCase(Locale.ROOT).endsWith(".svgz")) {
            return STORED;
        }
        int parameters = mediaType.indexOf(';');
        String type = (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        if (COMPRESSED.contains(type)) {
            return STORED;
        }
        boolean media = type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/");
        return media && !UNCOMPRESSED_MEDIA.contains(type) ? STORED : DEFLATED;
    }
}
