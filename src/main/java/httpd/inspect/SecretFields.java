package httpd.inspect;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The header fields whose values are other people's credentials: {@code Cookie}, {@code Authorization} and
 * {@code Proxy-Authorization}. Unless {@code --inspect-secrets}, the inspector shows their names and hides their
 * values, in the raw bytes as in the parsed fields, since a projector shows them to a whole room.
 */
final class SecretFields {
    /** ASCII, so that the raw bytes show it as it is and a replayed request stays plain text. */
    static final String MASK = "***";
    private static final Set<String> NAMES = Set.of("cookie", "authorization", "proxy-authorization");

    private final boolean shown;

    /** @param shown whether values are shown as they are ({@code --inspect-secrets}) */
    SecretFields(boolean shown) {
        this.shown = shown;
    }

    boolean masks() {
        return !shown;
    }

    static boolean isSecret(String name) {
        return NAMES.contains(name.trim().toLowerCase(Locale.ROOT));
    }

    /** A field's value as the inspector shows it. */
    String value(String name, String value) {
        return shown || !isSecret(name) ? value : MASK;
    }

    /**
     * The head's bytes with each secret field's value replaced by the mask, byte for byte otherwise (line
     * endings included, bare LF or CRLF).
     */
    byte[] head(byte[] raw) {
        if (shown) {
            return raw;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length);
        int start = 0;
        while (start < raw.length) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int lineEnd = end < raw.length ? end + 1 : end; // the LF, if any, stays with its line
            out.writeBytes(masked(Arrays.copyOfRange(raw, start, lineEnd)));
            start = lineEnd;
        }
        return out.toByteArray();
    }

    private static byte[] masked(byte[] line) {
        int colon = -1;
        for (int i = 0; i < line.length; i++) {
            if (line[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0 || !isSecret(new String(line, 0, colon, StandardCharsets.ISO_8859_1))) {
            return line;
        }
        int ending = line.length;
        while (ending > colon + 1 && (line[ending - 1] == '\n' || line[ending - 1] == '\r')) {
            ending--;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(line, 0, colon + 1);
        out.writeBytes((" " + MASK).getBytes(StandardCharsets.US_ASCII));
        out.write(line, ending, line.length - ending);
        return out.toByteArray();
    }
}
