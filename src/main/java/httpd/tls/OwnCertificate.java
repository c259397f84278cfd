package httpd.tls;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate of the user's own ({@code --cert FILE --key FILE}: mkcert, a company CA, Let's Encrypt): a PEM
 * chain, the server's certificate first, and its private key, RSA or EC, PKCS#8 or traditional, unencrypted.
 */
public final class OwnCertificate {
    private OwnCertificate() {
    }

    /** @throws TlsException with one line for a missing, unreadable, encrypted or mismatched file */
    public static ServerCredentials load(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = PemFiles.certificates(certificateFile);
        PrivateKey key = PemFiles.privateKey(keyFile);
        if (!KeyMatch.matches(key, chain.get(0))) {
            throw new TlsException(keyFile + " is not the key of the certificate in " + certificateFile);
        }
        return new ServerCredentials(key, chain);
    }
}
