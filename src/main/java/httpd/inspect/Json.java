package httpd.inspect;

import java.util.List;

/** The few JSON values the inspector's events are made of, written by hand: strings, numbers, lists of strings. */
final class Json {
    private final StringBuilder out = new StringBuilder(512);
    private boolean first = true;

    Json() {
        out.append('{');
    }

    Json field(String name, String value) {
        name(name);
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    Json field(String name, long value) {
        name(name);
        out.append(value);
        return this;
    }

    Json field(String name, boolean value) {
        name(name);
        out.append(value);
        return this;
    }

    Json strings(String name, List<String> values) {
        name(name);
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            string(values.get(i));
        }
        out.append(']');
        return this;
    }

    /** A list of [name, value] pairs, as header fields are. */
    Json pairs(String name, List<String[]> pairs) {
        name(name);
        out.append('[');
        for (int i = 0; i < pairs.size(); i++) {
            out.append(i > 0 ? ",[" : "[");
            string(pairs.get(i)[0]);
            out.append(',');
            string(pairs.get(i)[1]);
            out.append(']');
        }
        out.append(']');
        return this;
    }

    String end() {
        return out.append('}').toString();
    }

    private void name(String name) {
        if (!first) {
            out.append(',');
        }
        first = false;
        string(name);
        out.append(':');
    }

    /** RFC 8259 §7: quote, backslash and controls escaped; U+2028/9 too, so the text is safe inside a script. */
    private void string(String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029 || c >= 0x7f && c < 0xa0) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
