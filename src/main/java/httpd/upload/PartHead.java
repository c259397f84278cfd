package httpd.upload;

import httpd.http.HttpStatus;
import httpd.http.RequestBodyException;

/**
 * The text around a form's parts: the boundary its Content-Type names (RFC 2046 §5.1.1), and what a part's head
 * says of it (RFC 7578 §4.2). {@link MultipartReader} finds the bytes; this reads the words.
 */
final class PartHead {
    private static final String RULE = "RFC 7578 §4.1";

    private PartHead() {
    }

    /**
     * The boundary parameter of a {@code multipart/form-data} Content-Type, or null when the type is another or
     * the boundary is missing or not 1 to 70 characters of the set RFC 2046 §5.1.1 allows.
     */
    static String boundaryOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("multipart/form-data")) {
            return null;
        }
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("boundary")) {
                String value = parameter.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return isBoundary(value) ? value : null;
            }
        }
        return null;
    }

    private static boolean isBoundary(String value) {
        if (value.isEmpty() || value.length() > 70 || value.endsWith(" ")) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "'()+_,-./:=? ".indexOf(c) >= 0;
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** A header's value in a part's head, or null; names are case-insensitive. */
    static String headerValue(String head, String name) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** What a part's Content-Disposition says: {@code form-data; name="..."; filename="..."} (RFC 7578 §4.2). */
    record Disposition(String name, String fileName) {
        static Disposition parse(String head) throws RequestBodyException {
            String value = headerValue(head, "content-disposition");
            if (value == null) {
                throw bad("a part has no Content-Disposition");
            }
            String[] type = value.split(";", 2);
            if (!type[0].trim().equalsIgnoreCase("form-data")) {
                throw bad("a part's Content-Disposition is not form-data");
            }
            String name = null;
            String fileName = null;
            String rest = type.length > 1 ? type[1] : "";
            int i = 0;
            while (i < rest.length()) {
                int equals = rest.indexOf('=', i);
                if (equals < 0) {
                    break;
                }
                String key = rest.substring(i, equals).replace(";", "").trim().toLowerCase(java.util.Locale.ROOT);
                int[] end = new int[1];
                String parameter = parameterValue(rest, equals + 1, end);
                if (key.equals("name")) {
                    name = parameter;
                } else if (key.equals("filename")) {
                    fileName = parameter;
                }
                i = end[0];
            }
            if (name == null) {
                throw bad("a part's Content-Disposition has no name");
            }
            return new Disposition(name, fileName == null ? null : browserEscapesUndone(fileName));
        }

        /** A quoted-string (backslash escapes undone) or a token, from {@code from}; {@code end[0]} is set past it. */
        private static String parameterValue(String text, int from, int[] end) {
            int i = from;
            while (i < text.length() && text.charAt(i) == ' ') {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    char c = text.charAt(i);
                    if (c == '\\' && i + 1 < text.length()) {
                        c = text.charAt(++i);
                    }
                    value.append(c);
                    i++;
                }
                end[0] = i + 1;
                return value.toString();
            }
            int semicolon = text.indexOf(';', i);
            int stop = semicolon < 0 ? text.length() : semicolon;
            end[0] = stop;
            return text.substring(i, stop).trim();
        }

        /**
         * Browsers write {@code "}, CR and LF in a file name as {@code %22}, {@code %0D} and {@code %0A} (HTML's
         * multipart/form-data encoding algorithm) and nothing else: exactly those are undone, so a name
         * holding {@code %41} stays as it is.
         */
        private static String browserEscapesUndone(String name) {
            return name.replace("%22", "\"").replace("%0D", "\r").replace("%0A", "\n")
                    .replace("%0d", "\r").replace("%0a", "\n");
        }
    }

    private static RequestBodyException bad(String message) {
        return new RequestBodyException(HttpStatus.BAD_REQUEST, message, RULE);
    }
}
