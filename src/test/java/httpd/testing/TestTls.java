package httpd.testing;

import httpd.files.SiteOptions;
import httpd.server.Trace;
import httpd.tls.CaPages;
import httpd.tls.LocalCa;
import httpd.tls.RedirectToHttps;
import httpd.tls.ServerNames;
import httpd.tls.TlsContext;
import httpd.tls.TlsTransports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTPS for tests: a local CA in a temporary folder (never the user's), a server on it, and clients that trust
 * exactly that CA.
 */
public final class TestTls {
    public static final ServerNames LOOPBACK = new ServerNames(List.of("localhost"), List.of("127.0.0.1",
            "0:0:0:0:0:0:0:1"));

    private TestTls() {
    }

    public static LocalCa ca(Path dir) {
        return LocalCa.openOrCreate(dir, "test@host", Clock.systemUTC());
    }

    /** A TLS server for the site, its certificate from the CA in {@code caDir}, plain requests redirected. */
    public static TestServer start(Path caDir, SiteOptions site, UnaryOperator<httpd.server.ServerConfig.Builder> customize,
            Trace trace) {
        LocalCa ca = ca(caDir);
        TlsContext context = TlsContext.of(ca.serverCertificate(LOOPBACK).credentials());
        return TestServer.start(site, customize, handler -> new CaPages(ca, handler),
                new TlsTransports(context, new CaPages(ca, new RedirectToHttps())), trace);
    }

    /** A client context that trusts this certificate and nothing else. */
    public static SSLContext trusting(X509Certificate ca) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("ca", ca);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpClient client(X509Certificate ca) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(trusting(ca))
                .connectTimeout(Duration.ofSeconds(30)).build();
    }

    public static URI uri(TestServer server, String path) {
        return URI.create("https://localhost:" + server.port() + path);
    }

    public static HttpResponse<String> get(HttpClient client, TestServer server, String path)
            throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(server, path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A TLS socket to the server, handshake done, offering ALPN http/1.1 and SNI localhost. */
    public static SSLSocket connect(X509Certificate ca, int port) {
        try {
            SSLSocket socket = (SSLSocket) trusting(ca).getSocketFactory()
                    .createSocket(new Socket(InetAddress.getLoopbackAddress(), port), "localhost", port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setApplicationProtocols(new String[] {"http/1.1"});
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            // the JDK sends SNI only for names with a dot (RFC 6066 §3 asks for a fully qualified name)
            parameters.setServerNames(List.of(new SNIHostName("localhost")));
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(20_000);
            socket.startHandshake();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
