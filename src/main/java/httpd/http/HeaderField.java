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

    public String lowerCaseName() {
        return name.toLowerCase(Locale.ROOT);
    }
}
