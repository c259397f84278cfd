package httpd.files;

import httpd.http.Syntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses a Range header against a representation's size (RFC 9110 §14.1.2, §14.2). A header that is
 * invalid, or in a unit other than bytes, is ignored (the whole file is sent); one whose ranges all lie
 * beyond the end is unsatisfiable (416).
 */
final class ByteRanges {
    /** More ranges than this in one request are treated as no Range at all (a cheap amplification guard). */
    static final int MAX_RANGES = 16;

    /** One satisfiable range, both ends included. */
    record Range(long first, long last) {
        long length() {
            return last - first + 1;
        }
    }

    /** The verdict on a Range header. */
    sealed interface Result {
    }

    /** Send the whole representation with 200. */
    record Ignore() implements Result {
    }

    /** Answer 416 with {@code Content-Range: bytes *}{@code /size}. */
    record Unsatisfiable() implements Result {
    }

    /** Send these ranges with 206. */
    record Satisfiable(List<Range> ranges) implements Result {
    }

    private ByteRanges() {
    }

    static Result parse(String header, long size) {
        String value = header.trim();
        int equals = value.indexOf('=');
        if (equals < 0 || !value.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Ignore();
        }
        String[] specs = value.substring(equals + 1).split(",", -1);
        if (specs.length > MAX_RANGES) {
            return new Ignore();
        }
        List<Range> satisfiable = new ArrayList<>();
        for (String spec : specs) {
            String trimmed = spec.trim();
            int dash = trimmed.indexOf('-');
            if (dash < 0) {
                return new Ignore();
            }
            long first = Syntax.parseDigits(trimmed.substring(0, dash));
            long last = Syntax.parseDigits(trimmed.substring(dash + 1));
            if (dash == 0) {
                // suffix-range: the last N bytes
                if (last < 0) {
                    return new Ignore();
                }
                if (last > 0 && size > 0) {
                    satisfiable.add(new Range(Math.max(0, size - last), size - 1));
                }
            } else {
                boolean openEnded = dash == trimmed.length() - 1;
                if (first < 0 || !openEnded && (last < 0 || last < first)) {
                    return new Ignore();
                }
                if (first < size) {
                    satisfiable.add(new Range(first, openEnded ? size - 1 : Math.min(last, size - 1)));
                }
            }
        }
        return satisfiable.isEmpty() ? new Unsatisfiable() : new Satisfiable(List.copyOf(satisfiable));
    }
}
