package httpd.cli;

import httpd.http.HeaderField;
import httpd.http.Syntax;
import java.util.Locale;
import java.util.Set;

/**
 * Parses a {@code --header "Name: value"} option. Anything that could inject a second header or break the
 * response's framing (CR, LF or another control character; a framing header) is refused at startup.
 */
final class HeaderOption {
    private HeaderOption() {
    }

    static HeaderField parse(String option) throws UsageError {
        return parse(option, "--header '" + printable(option) + "'");
    }

    /** @param what how the error message names the option, e.g. {@code --cache-control 'x'} */
    static HeaderField parse(String option, String what) throws UsageError {
        int colon = option.indexOf(':');
        if (colon <= 0) {
            throw new UsageError("invalid " + what + ": expected \"Name: value\"");
        }
        HeaderField field = new HeaderField(option.substring(0, colon), option.substring(colon + 1).strip());
        java.util.Optional<String> problem = field.problemAsExtraHeader();
        if (problem.isPresent()) {
            throw new UsageError("invalid " + what + ": " + problem.get());
        }
        return field;
    }

    /** The option as it can be shown on one line. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
