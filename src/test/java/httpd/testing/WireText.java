package httpd.testing;

/** What text the request parser lets through to the parsers behind it, for fuzz tests that start there. */
public final class WireText {
    private WireText() {
    }

    /** A request-target as the request line carries it: one or more visible ASCII characters (RFC 9112 §3). */
    public static boolean isRequestTarget(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= 0x20 || c >= 0x7f) {
                return false;
            }
        }
        return !text.isEmpty();
    }

    /** A field value as the parser hands it on: no control characters but HTAB (RFC 9110 §5.5). */
    public static boolean isFieldValue(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }
}
