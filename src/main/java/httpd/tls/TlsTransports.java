package httpd.tls;

import httpd.http.RequestHandler;
import httpd.server.Transport;
import httpd.server.TransportFactory;
import java.net.Socket;
import java.util.Optional;

/** A TLS port: every connection over {@link TlsTransport}, and plain requests answered by their own handler. */
public final class TlsTransports implements TransportFactory {
    private final TlsContext context;
    private final RequestHandler unencrypted;

    /** @param unencrypted answers a plain request on this port: {@link RedirectToHttps}, the CA pages before it */
    public TlsTransports(TlsContext context, RequestHandler unencrypted) {
        this.context = context;
        this.unencrypted = unencrypted;
    }

    @Override
    public Transport over(Socket socket) {
        return new TlsTransport(socket, context);
    }

    @Override
    public Optional<RequestHandler> unencryptedRequests() {
        return Optional.of(unencrypted);
    }
}
