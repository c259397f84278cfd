package httpd.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * The JDK's TLS, set up the way a web server today is: TLS 1.3 and 1.2 only, the JDK's default suites (all of
 * them with forward secrecy), and ALPN answering {@code http/1.1} (RFC 7301). One per server; an engine per
 * connection. Any SNI name is accepted: there is one certificate, and the client checks its names.
 */
public final class TlsContext {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final String HTTP_1_1 = "http/1.1";

    private final SSLContext context;

    private TlsContext(SSLContext context) {
        this.context = context;
    }

    public static TlsContext of(ServerCredentials credentials) {
        try {
            char[] password = Long.toHexString(new SecureRandom().nextLong()).toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", credentials.privateKey(), password,
                    credentials.chain().toArray(new Certificate[0]));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return new TlsContext(context);
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsException("cannot use this certificate and key for TLS: " + e.getMessage());
        }
    }

    /** An engine for one connection, on the server's side. */
    public SSLEngine newEngine() {
        SSLEngine engine = context.createSSLEngine();
        engine.setUseClientMode(false);
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        engine.setSSLParameters(parameters);
        // http/1.1 when the client offers it; a client offering only h2 goes on without ALPN, as HTTP/1.1
        engine.setHandshakeApplicationProtocolSelector(
                (e, offered) -> List.copyOf(offered).contains(HTTP_1_1) ? HTTP_1_1 : null);
        return engine;
    }
}
