package httpd.tls;

import java.io.IOException;

/**
 * A TLS connection that failed in its handshake or its records: the client does not trust the certificate,
 * shares no protocol with us, or sent something that is not TLS. The connection ends; it is not httpd's error.
 */
public final class TlsHandshakeException extends IOException {
    private static final long serialVersionUID = 1L;

    TlsHandshakeException(String message) {
        super(message);
    }
}
