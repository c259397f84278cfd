package httpd.http;

import java.util.Locale;
import java.util.Objects;

/** One header field as received: its name (case kept for the trace) and its value with OWS trimmed. */
public record HeaderField(String name, String value) {
    public HeaderField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Field names are case-insensitive (RFC 9110 §5.1). */
    public boolean hasName(String other) {
        return name.equalsIgnoreCase(other);
    }

    /**
     * What is wrong with this field as one to add to every response, or empty: a name that is not a token, a value
     * with CR, LF or another control character (a second header could be injected), or a field the server frames
     * messages with itself.
     */
    public java.util.Optional<String> problemAsExtraHeader() {
        if (!Syntax.isToken(name)) {
            return java.util.Optional.of("the name is not a token");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c > 0xff) {
                return java.util.Optional.of("control characters (such as CR or LF) are not allowed");
            }
        }
        if (java.util.Set.of("content-length", "transfer-encoding", "connection").contains(lowerCaseName())) {
            return java.util.Optional.of("httpd sets " + name + " itself");
        }
        return java.util.Optional.empty();
    }

    public String lowerCaseName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
