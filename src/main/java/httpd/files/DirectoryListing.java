package httpd.files;

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

/**
 * The HTML page listing a directory that has no index.html: folders first, then files, each sorted by
 * name, with size and modification time. Names are HTML-escaped and links percent-encoded, so a file
 * called {@code <img src=x onerror=alert(1)>.txt} or {@code 100% #1?.txt} shows and links correctly.
 */
final class DirectoryListing {
    private static final DateTimeFormatter MODIFIED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;"
            + "padding:0 1rem;color:#1d2330}h1{font-size:1.3rem;font-weight:600;word-break:break-all}"
            + "table{border-collapse:collapse;width:100%}th,td{padding:.35rem .6rem;text-align:left}"
            + "th{border-bottom:2px solid #d6dce8;font-weight:600}tr:nth-child(even) td{background:#f5f7fb}"
            + "td.size,th.size{text-align:right;white-space:nowrap}td.modified{white-space:nowrap;color:#5b6475}"
            + "a{color:#2f6fd6;text-decoration:none}a:hover{text-decoration:underline}";

    private record Entry(String name, boolean directory, long size, long modifiedMillis) {
    }

    private final PathResolver resolver;
    private final Path root;
    private final ZoneId zone;

    /** @param resolver what lists a directory safely, and decides what is hidden */
    DirectoryListing(PathResolver resolver, ZoneId zone) {
        this.resolver = resolver;
        this.root = resolver.root();
        this.zone = zone;
    }

    byte[] render(Path directory) throws IOException {
        String title = "Index of " + displayPath(directory);
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>").append(escape(title)).append("</title><style>").append(STYLE)
                .append("</style></head>\n<body><h1>").append(escape(title)).append("</h1>\n<table>\n")
                .append("<tr><th>Name</th><th class=\"size\">Size</th><th>Modified</th></tr>\n");
        if (!directory.equals(root)) {
            html.append("<tr><td><a href=\"../\">../</a></td><td class=\"size\"></td><td class=\"modified\"></td></tr>\n");
        }
        for (Entry entry : entries(directory)) {
            String suffix = entry.directory ? "/" : "";
            html.append("<tr><td><a href=\"").append(escape(PercentEncoding.encodeSegment(entry.name))).append(suffix)
                    .append("\">").append(escape(entry.name)).append(suffix).append("</a></td><td class=\"size\">")
                    .append(entry.directory ? "-" : humanSize(entry.size)).append("</td><td class=\"modified\">")
                    .append(MODIFIED.format(java.time.Instant.ofEpochMilli(entry.modifiedMillis).atZone(zone)))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Entries that would be served (hidden names and links leaving the root are left out), sorted. */
    private List<Entry> entries(Path directory) throws IOException {
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

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
