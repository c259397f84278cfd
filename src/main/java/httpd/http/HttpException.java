package httpd.http;

/**
 * A request httpd refuses, carrying the status to answer with. Only the connection loop turns it into a
 * reply; everything below it just throws.
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
