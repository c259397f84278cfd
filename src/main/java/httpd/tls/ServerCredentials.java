package httpd.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a TLS server proves itself with: its private key and its certificate chain, the server's own certificate
 * first and each next one the issuer of the one before it (RFC 8446 §4.4.2).
 */
public record ServerCredentials(PrivateKey privateKey, List<X509Certificate> chain) {
    public ServerCredentials {
        if (privateKey == null || chain == null || chain.isEmpty()) {
            throw new IllegalArgumentException("a private key and at least one certificate are needed");
        }
        chain = List.copyOf(chain);
    }

    /** The server's own certificate, the one whose names the client checks. */
    public X509Certificate certificate() {
        return chain.get(0);
    }
}
