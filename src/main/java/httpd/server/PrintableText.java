package httpd.server;

/**
 * Text from a client made safe to print in a log or on a terminal: printable ASCII stays as it is, anything else
 * becomes an escape ({@code \x1b}), so a request can never write control bytes into a log line or drive the
 * terminal it is shown on. The one escaper of the access log and the wire trace.
 */
final class PrintableText {
    private PrintableText() {
    }

    /** Appends every character of {@code text}, each as {@link #append(StringBuilder, char, boolean)} does. */
    static void append(StringBuilder out, CharSequence text, boolean quoted) {
        for (int i = 0; i < text.length(); i++) {
            append(out, text.charAt(i), quoted);
        }
    }

    /**
     * Appends {@code c} as it is when it is printable ASCII, else as {@code \xHH} (up to 0xff) or {@code \\uHHHH}.
     * A backslash is always escaped, so no escape can be forged; a double quote too where quotes delimit the text.
     *
     * @param quoted whether the text stands between double quotes (a field of the access log)
     */
    static void append(StringBuilder out, char c, boolean quoted) {
        if (c >= 0x20 && c < 0x7f && c != '\\' && !(quoted && c == '"')) {
            out.append(c);
        } else if (c <= 0xff) {
            out.append("\\x").append(hexDigit(c >> 4)).append(hexDigit(c));
        } else {
            out.append("\\u").append(hexDigit(c >> 12)).append(hexDigit(c >> 8)).append(hexDigit(c >> 4))
                    .append(hexDigit(c));
        }
    }

    private static char hexDigit(int bits) {
        return Character.forDigit(bits & 0xf, 16);
    }
}
