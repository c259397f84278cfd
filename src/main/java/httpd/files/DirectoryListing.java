package httpd.files;

import httpd.http.Html;
import httpd.share.QrPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The HTML page listing a directory that has no index.html: folders first, then files, each sorted by
 * name, with size and modification time. Names are HTML-escaped and links percent-encoded, so a file
 * called {@code <img src=x onerror=alert(1)>.txt} or {@code 100% #1?.txt} shows and links correctly.
 */
final class DirectoryListing {
    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    /**
     * The folder as a ZIP ({@link FolderDownload}): a query on the page's own URL, so it works under any prefix a
     * proxy adds.
     */
    private static final String DOWNLOAD_LINK = "<p class=\"download\"><a href=\"?" + FolderDownload.QUERY
            + "\" download>Download as .zip</a></p>\n";
    /** The download link, with an arrow into a tray before it. */
    private static final String DOWNLOAD_STYLE = "p.download{margin:0 0 .8rem}p.download a::before{content:\"\";"
            + "display:inline-block;width:1.1em;height:1.1em;margin-right:.4em;vertical-align:-.2em;"
            + "background:no-repeat center/contain url(\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'"
            + " viewBox='0 0 16 16'><path fill='none' stroke='%232f6fd6' stroke-width='1.6' d='M8 2v8M4.5 6.5 8 10l3.5-3.5"
            + "M2.5 11v2.5h11V11'/></svg>\")}";

    /** The page's look, with a phone layout that stacks size and time under the name; made once. */
    private static final String STYLE = style();

    /**
     * A QR code of the page's own address, for a phone to open this folder. Only the browser knows the scheme and
     * host it used, so a script asks for the code of {@code location.href} (less its fragment); the server puts
     * its LAN address in place of localhost, and has no code when it listens on loopback only. The image stays
     * hidden until it has loaded: without script, or without a code, the page is as it was.
     */
    private static final String QR_IMAGE = "<img class=\"qr\" id=\"qr\" hidden width=\"96\" height=\"96\""
            + " alt=\"QR code of this page's address\" title=\"Scan to open this folder on a phone\">"
            + "<script>(function(){var i=document.getElementById(\"qr\");i.onload=function(){i.hidden=false};"
            + "i.src=\"" + QrPage.PATH + "?url=\"+encodeURIComponent(location.href.split(\"#\")[0])})()</script>";

    /** One row of the listing, as the HTML page and the JSON listing ({@link JsonListing}) show it. */
    record Entry(String name, boolean directory, long size, long modifiedMillis) {
    }

    private final PathResolver resolver;
    private final Path root;
    private final Function<String, String> typeOf;
    private final ZoneId zone;
    private final boolean uploadForm;

    /**
     * @param resolver   what lists a directory safely, and decides what is hidden
     * @param typeOf     the media type a file name is served with, which picks its icon
     * @param uploadForm whether the page carries the drop zone that uploads into the folder ({@link UploadForm})
     */
    DirectoryListing(PathResolver resolver, Function<String, String> typeOf, ZoneId zone, boolean uploadForm) {
        this.resolver = resolver;
        this.root = resolver.root();
        this.typeOf = typeOf;
        this.zone = zone;
        this.uploadForm = uploadForm;
    }

    byte[] render(Path directory) throws IOException {
        String title = "Index of " + displayPath(directory);
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(Html.escape(title)).append("</title><style>").append(STYLE)
                .append(uploadForm ? UploadForm.STYLE : "")
                .append("</style></head>\n<body><header><h1>").append(Html.escape(title)).append("</h1>")
                .append(QR_IMAGE).append("</header>\n");
        html.append(DOWNLOAD_LINK);
        html.append(uploadForm ? UploadForm.FORM : "");
        html.append("<table>\n")
                .append("<thead><tr><th class=\"name\">Name</th><th class=\"size\">Size</th>")
                .append("<th class=\"modified\">Modified</th></tr></thead>\n<tbody>\n");
        if (!directory.equals(root)) {
            html.append("<tr class=\"dir\"><td class=\"name\"><a class=\"up\" href=\"../\">../</a></td>")
                    .append("<td class=\"size\"></td><td class=\"modified\"></td></tr>\n");
        }
        for (Entry entry : entries(directory)) {
            String suffix = entry.directory ? "/" : "";
            EntryKind kind = EntryKind.of(entry.directory, entry.directory ? "" : typeOf.apply(entry.name));
            html.append(entry.directory ? "<tr class=\"dir\">" : "<tr>")
                    .append("<td class=\"name\"><a class=\"").append(kind.cssClass).append("\" href=\"")
                    .append(Html.escape(PercentEncoding.encodeSegment(entry.name))).append(suffix).append("\">")
                    .append(Html.escape(entry.name)).append(suffix).append("</a></td><td class=\"size\">")
                    .append(entry.directory ? "-" : humanSize(entry.size)).append("</td><td class=\"modified\">")
                    .append(MODIFIED.format(java.time.Instant.ofEpochMilli(entry.modifiedMillis).atZone(zone)))
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n").append(uploadForm ? UploadForm.SCRIPT : "").append("</body></html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String style() {
        StringBuilder css = new StringBuilder(4096).append(
                "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1d2330}"
                + "h1{font-size:1.3rem;font-weight:600;word-break:break-all}"
                + "header{display:flex;align-items:center;justify-content:space-between;gap:1rem}"
                + "img.qr{flex:none;width:96px;height:96px}"
                + "table{border-collapse:collapse;width:100%}th,td{padding:.35rem .6rem;text-align:left}"
                + "th{border-bottom:2px solid #d6dce8;font-weight:600}tbody tr:nth-child(even){background:#f5f7fb}"
                + "td.size,th.size{text-align:right;white-space:nowrap}td.modified{white-space:nowrap;color:#5b6475}"
                + "td.name{overflow-wrap:anywhere}"
                + "a{color:#2f6fd6;text-decoration:none}a:hover{text-decoration:underline}"
                + "td.name a::before{content:\"\";display:inline-block;width:1.15em;height:1.15em;margin-right:.45em;"
                + "vertical-align:-.2em;background:no-repeat center/contain}"
                + "td.name a.up::before{background-image:url(\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'"
                + " viewBox='0 0 16 16'><path fill='none' stroke='%238a93a6' stroke-width='1.6' d='M8 13V4M4 8l4-4 4 4'/>"
                + "</svg>\")}" + DOWNLOAD_STYLE);
        for (EntryKind kind : EntryKind.values()) {
            css.append(kind.cssRule());
        }
        return css.append("@media (max-width:40rem){body{margin:1rem auto;padding:0 .75rem}thead{display:none}"
                + "table,tbody{display:block}tr{display:flex;flex-wrap:wrap;align-items:baseline;"
                + "padding:.45rem .3rem;border-bottom:1px solid #e3e7ef}td{display:block;padding:0}"
                + "td.name{flex:1 0 100%}td.size,td.modified{font-size:.85rem;color:#5b6475;text-align:left}"
                + "td.size{padding-left:1.6em}td.modified{padding-left:.8em}tr.dir td.size{display:none}"
                + "tr.dir td.modified{padding-left:1.6em}img.qr{width:80px;height:80px}}").toString();
    }

    /** Entries that would be served (hidden names and links leaving the root are left out), sorted. */
    List<Entry> entries(Path directory) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (RootDirectory.Listed listed : resolver.entries(directory)) {
            BasicFileAttributes attributes = listed.target().attributes();
            if (attributes.isDirectory() || attributes.isRegularFile()) {
                entries.add(new Entry(listed.name(), attributes.isDirectory(), attributes.size(),
                        attributes.lastModifiedTime().toMillis()));
            }
        }
        entries.sort(Comparator.comparing((Entry e) -> !e.directory)
                .thenComparing(e -> e.name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(e -> e.name));
        return entries;
    }

    private String displayPath(Path directory) {
        StringBuilder path = new StringBuilder("/");
        for (Path name : root.relativize(directory)) {
            if (!name.toString().isEmpty()) {
                path.append(name).append('/');
            }
        }
        return path.toString();
    }

    /** A strong entity tag for a rendered page: the first 64 bits of its SHA-256, quoted. */
    static String etagOf(byte[] page) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(page);
            return "\"" + HexFormat.of().formatHex(digest, 0, 8) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
