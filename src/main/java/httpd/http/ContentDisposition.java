package httpd.http;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} field that makes a browser save a response under a name (RFC 6266). Any name
 * is safe here: the plain {@code filename} is a quoted-string of printable ASCII, anything else replaced by
 * {@code _}, so no control byte (a CR LF in a folder's name) ever reaches the head; a name that needed replacing
 * also goes exactly as {@code filename*} (RFC 8187, UTF-8 percent-encoded), which browsers prefer (RFC 6266
 * §4.3).
 */
public final class ContentDisposition {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ContentDisposition() {
    }

    /** {@code attachment; filename="..."}, with {@code filename*=UTF-8''...} for a name that is not plain ASCII. */
    public static String attachment(String fileName) {
        StringBuilder plain = new StringBuilder(fileName.length() + 2).append('"');
        boolean exact = true;
        for (int i = 0; i < fileName.length(); i++) {
            char c = fileName.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                plain.append('_');
                exact = false;
            } else {
                // a quoted-pair for the two characters a quoted-string cannot hold as they are (RFC 9110 §5.6.4)
                plain.append(c == '"' || c == '\\' ? "\\" + c : String.valueOf(c));
            }
        }
        String value = "attachment; filename=" + plain.append('"');
        return exact ? value : value + "; filename*=UTF-8''" + extValue(fileName);
    }

    /** RFC 8187 §3.2.1: every byte but an attr-char percent-encoded. */
    private static String extValue(String text) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isAttrChar(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    private static boolean isAttrChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0;
    }
}
