package httpd.http;

import java.text.MessageFormat;

/**
 * One kind of decision a server takes on the way to an answer, and the rule behind it: the line the inspector
 * and {@code --trace} show under an exchange, so a class sees why a 304 and not a 200. Each layer keeps its
 * decisions in an enum of its own; this is what they share. The line is made only when someone is listening
 * ({@link Why}), so telling a decision costs nothing otherwise.
 */
public interface Decision {
    /** The line, with {@code {0}} and {@code {1}} standing for the details (a path, a header's value). */
    String template();

    /** The rule it follows, such as {@code RFC 9110 §13.1.2}; empty when it is this server's own choice. */
    String rule();

    /** The line for these details, with the rule in brackets at its end. */
    default String line(String... details) {
        String text = template().indexOf('{') < 0 ? template()
                : MessageFormat.format(template().replace("'", "''"), (Object[]) details);
        return rule().isEmpty() ? text : text + " (" + rule() + ")";
    }
}
