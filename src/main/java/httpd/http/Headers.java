package httpd.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The header fields of a request, in the order received, looked up case-insensitively. Lookups walk the
 * list by index: an iterator would be one more object per lookup, and a request makes a dozen of them.
 */
public record Headers(List<HeaderField> fields) {
    public static final Headers NONE = new Headers(List.of());

    public Headers {
        fields = List.copyOf(fields);
    }

    /** The value of the only (or first) field with this name. */
    public Optional<String> first(String name) {
        for (int i = 0; i < fields.size(); i++) {
            HeaderField field = fields.get(i);
            if (field.hasName(name)) {
                return Optional.of(field.value());
            }
        }
        return Optional.empty();
    }

    public List<String> all(String name) {
        List<String> values = new ArrayList<>(2);
        for (int i = 0; i < fields.size(); i++) {
            HeaderField field = fields.get(i);
            if (field.hasName(name)) {
                values.add(field.value());
            }
        }
        return values;
    }

    public int count(String name) {
        int count = 0;
        for (int i = 0; i < fields.size(); i++) {
            HeaderField field = fields.get(i);
            if (field.hasName(name)) {
                count++;
            }
        }
        return count;
    }

    public boolean contains(String name) {
        return count(name) > 0;
    }

    /**
     * Whether a comma-separated list field such as {@code Connection} holds this token, compared
     * case-insensitively (RFC 9110 §5.6.1).
     */
    public boolean hasToken(String name, String token) {
        for (int i = 0; i < fields.size(); i++) {
            HeaderField field = fields.get(i);
            if (!field.hasName(name)) {
                continue;
            }
            for (String element : field.value().split(",")) {
                if (element.trim().toLowerCase(Locale.ROOT).equals(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    public int size() {
        return fields.size();
    }
}
