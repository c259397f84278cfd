package httpd.files;

import java.util.Set;

/**
 * What a listing entry is, as its icon shows it: decided from the media type the file would be served
 * with, so the listing and the Content-Type never disagree. Each icon is a small inline SVG in the page's
 * style sheet, so a listing needs no request beyond itself.
 */
enum EntryKind {
    FOLDER("dir", "<path fill='%23e3a72f' d='M1 3.5h5l1.5 1.5H15v8.5H1z'/>"),
    IMAGE("img", page("%2334a853", "<path fill='%23fff' d='M5 12l2.5-3.5 2 2.5 1.5-1.5L13 12z'/>")),
    VIDEO("vid", page("%23e8453c", "<path fill='%23fff' d='M6.5 7.5v5l4-2.5z'/>")),
    AUDIO("aud", page("%239b59d0", "<circle fill='%23fff' cx='7' cy='11.5' r='1.6'/><path fill='%23fff' d='M7.6 5.5h3.4V7H9v4.5H7.6z'/>")),
    ARCHIVE("zip", page("%23a07b4f", "<path fill='%23fff' d='M7 4h2v1H7zm0 2h2v1H7zm0 2h2v1H7zm-.5 2h3v3h-3z'/>")),
    TEXT("txt", page("%232f6fd6", "<path fill='%23fff' d='M5 7h6v1H5zm0 2h6v1H5zm0 2h4v1H5z'/>")),
    FILE("file", page("%238a93a6", ""));

    private static final Set<String> ARCHIVES = Set.of("application/zip", "application/gzip", "application/x-tar",
            "application/x-7z-compressed", "application/x-bzip2", "application/x-xz", "application/vnd.rar",
            "application/zstd", "application/java-archive", "application/epub+zip");
    private static final Set<String> TEXTS = Set.of("application/json", "application/ld+json", "application/xml",
            "application/xhtml+xml", "application/yaml", "application/toml", "application/x-sh",
            "application/manifest+json", "application/graphql", "application/pdf", "application/rtf",
            "application/msword", "application/vnd.oasis.opendocument.text",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    /** The class name on the link. */
    final String cssClass;
    private final String svgBody;

    EntryKind(String cssClass, String svgBody) {
        this.cssClass = cssClass;
        this.svgBody = svgBody;
    }

    /** A sheet of paper with a folded corner in this colour, and a sign on it. */
    private static String page(String colour, String sign) {
        return "<path fill='" + colour + "' d='M3 1h7l3 3v11H3z'/><path fill='%23fff' fill-opacity='.45' d='M10 1v3h3z'/>"
                + sign;
    }

    static EntryKind of(boolean directory, String mediaType) {
        if (directory) {
            return FOLDER;
        }
        int parameters = mediaType.indexOf(';');
        String type = parameters < 0 ? mediaType : mediaType.substring(0, parameters);
        if (type.startsWith("image/")) {
            return IMAGE;
        }
        if (type.startsWith("video/")) {
            return VIDEO;
        }
        if (type.startsWith("audio/")) {
            return AUDIO;
        }
        if (ARCHIVES.contains(type)) {
            return ARCHIVE;
        }
        if (type.startsWith("text/") || TEXTS.contains(type)) {
            return TEXT;
        }
        return FILE;
    }

    /** The CSS rule that draws this icon before a link of its class. */
    String cssRule() {
        return "td.name a." + cssClass + "::before{background-image:url(\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'"
                + " viewBox='0 0 16 16'>" + svgBody + "</svg>\")}";
    }
}
