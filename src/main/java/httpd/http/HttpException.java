package httpd.http;

/**
 * Bytes of a request httpd refuses, carrying the status to answer with. Only parsers throw it (the head, its
 * framing, its target, the path); whoever called the parser turns it into an error page: the exchange for a head,
 * closing the connection after it, a handler for a path. Handlers never throw it: they return every answer.
 */
public class HttpException extends Exception {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;

    public HttpException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
