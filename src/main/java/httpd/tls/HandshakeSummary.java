package httpd.tls;

import java.util.Optional;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;

/** What a finished TLS handshake agreed on, for the wire trace. */
public record HandshakeSummary(String protocol, String cipherSuite, Optional<String> alpn, Optional<String> sni,
        boolean resumed) {
    /** @param startMillis when the handshake began: a session made before it was resumed, not new */
    static HandshakeSummary of(SSLEngine engine, long startMillis) {
        SSLSession session = engine.getSession();
        String alpn = engine.getApplicationProtocol();
        Optional<String> sni = Optional.empty();
        if (session instanceof ExtendedSSLSession extended) {
            for (SNIServerName name : extended.getRequestedServerNames()) {
                if (name instanceof SNIHostName host) {
                    sni = Optional.of(host.getAsciiName());
                }
            }
        }
        return new HandshakeSummary(session.getProtocol(), session.getCipherSuite(),
                alpn == null || alpn.isEmpty() ? Optional.empty() : Optional.of(alpn), sni,
                session.getCreationTime() < startMillis);
    }

    /** One line: {@code TLSv1.3 TLS_AES_128_GCM_SHA256 alpn=http/1.1 sni=localhost new session}. */
    public String describe() {
        return protocol + " " + cipherSuite + " alpn=" + alpn.orElse("none") + " sni=" + sni.orElse("none")
                + (resumed ? " resumed session" : " new session");
    }
}
