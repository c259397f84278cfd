package httpd.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * A folder's listing for scripts, asked for with {@code Accept: application/json}: an array with one object per
 * entry, the same entries in the same order as the HTML page ({@link DirectoryListing#entries}), one per line:
 * <pre>{"name":"notes.txt","type":"file","size":1234,"modified":"2025-05-06T07:08:09Z"}</pre>
 * {@code type} is {@code "file"} or {@code "directory"}; {@code size} is the file's length in bytes, and 0 for a
 * folder (what a folder's stat reports is the size of its own table of names, which tells a script nothing, and
 * a number in every entry spares it a check for null); {@code modified} is RFC 3339 in UTC, to the second.
 */
final class JsonListing {
    private final DirectoryListing listing;

    JsonListing(DirectoryListing listing) {
        this.listing = listing;
    }

    byte[] render(Path directory) throws IOException {
        StringBuilder json = new StringBuilder(1024).append('[');
        String separator = "\n";
        for (DirectoryListing.Entry entry : listing.entries(directory)) {
            json.append(separator).append("{\"name\":").append(JsonText.quote(entry.name()))
                    .append(",\"type\":").append(entry.directory() ? "\"directory\"" : "\"file\"")
                    .append(",\"size\":").append(entry.directory() ? 0 : entry.size())
                    .append(",\"modified\":\"").append(modified(entry.modifiedMillis())).append("\"}");
            separator = ",\n";
        }
        return json.append("\n]\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 3339 §5.6 in UTC ({@code Z}), whole seconds: the precision every file system keeps. */
    static String modified(long millis) {
        return DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS));
    }
}
