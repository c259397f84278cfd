package httpd.files;

/** Text put into JSON that httpd writes (the JSON listing): a string literal, so a name is never syntax. */
final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /**
     * The text as a JSON string, quotes included (RFC 8259 §7): quote, backslash and the controls U+0000 to
     * U+001F escaped, as they must be; DEL and the C1 controls too, and U+2028/U+2029, which end a line in
     * JavaScript before ES2019, so that the text is safe to paste or print. Everything else is left as it is and
     * goes out as UTF-8 (§8.1).
     */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c >= 0x7f && c < 0xa0 || c == 0x2028 || c == 0x2029) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                                .append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
