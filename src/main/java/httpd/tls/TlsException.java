package httpd.tls;

/**
 * HTTPS cannot be set up as asked: a certificate or key file that is missing, unreadable, encrypted or does not
 * match, or a local CA that cannot be read or written. The message is one line a user can act on.
 */
public final class TlsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TlsException(String message) {
        super(message, null, false, false);
    }
}
