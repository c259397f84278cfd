package httpd.http;

import java.io.IOException;

/**
 * A request body that cannot be read to its end for a reason the client should be told: malformed chunked framing
 * (400), a client that stopped sending (408). It is an {@link IOException} because it surfaces from a stream's
 * read; the status says what to answer.
 */
public final class RequestBodyException extends IOException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String rule;

    public RequestBodyException(HttpStatus status, String message, String rule) {
        super(message);
        this.status = status;
        this.rule = rule;
    }

    public HttpStatus status() {
        return status;
    }

    /** The rule the bytes broke, such as {@code RFC 9112 §7.1}, or empty. */
    public String rule() {
        return rule;
    }
}
