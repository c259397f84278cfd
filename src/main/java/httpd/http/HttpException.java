package httpd.http;

/**
 * Bytes of a request httpd refuses, carrying the status to answer with. Only parsers throw it (the head, its
 * framing, its target, the path); whoever called the parser turns it into an error page: the exchange for a head,
 * closing the connection after it, a handler for a path. Handlers never throw it: they return every answer.
 */
public class HttpException extends Exception {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String rule;

    public HttpException(HttpStatus status, String message) {
        this(status, message, "");
    }

    /** @param rule the rule the bytes broke, such as {@code RFC 9112 §3.2}, for the inspector's "why" line */
    public HttpException(HttpStatus status, String message, String rule) {
        super(message, null, false, false);
        this.status = status;
        this.rule = rule;
    }

    public HttpStatus status() {
        return status;
    }

    /** The rule the refused bytes broke, or empty. */
    public String rule() {
        return rule;
    }
}
