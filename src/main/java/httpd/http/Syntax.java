package httpd.http;

/**
 * The two small rules of HTTP's grammar that several readers of client text apply: what a token is
 * (RFC 9110 §5.6.2) and how a run of digits becomes a number (RFC 9110 §8.6, §14.1.1).
 */
public final class Syntax {
    /**
     * A number of more digits is refused rather than read: eighteen digits always fit in a long, so reading
     * never overflows (RFC 9110 §8.6 asks for that), and nothing httpd counts comes near 10^18 bytes.
     */
    public static final int MAX_DIGITS = 18;

    private Syntax() {
    }

    /** tchar: visible ASCII except the delimiters {@code "(),/:;<=>?@[\]{}}. */
    public static boolean isTokenChar(int c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return switch (c) {
            case '!', '#', '$', '%', '&', '\'', '*', '+', '-', '.', '^', '_', '`', '|', '~' -> true;
            default -> false;
        };
    }

    /** token = 1*tchar. */
    public static boolean isToken(CharSequence text) {
        if (text.length() == 0) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!isTokenChar(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * 1*DIGIT as a number.
     *
     * @return the value, or -1 for anything else: empty, signed, with spaces, or over {@link #MAX_DIGITS} digits
     */
    public static long parseDigits(CharSequence text) {
        if (text.length() == 0 || text.length() > MAX_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
