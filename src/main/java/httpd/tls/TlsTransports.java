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
    /** Enough spare buffers for the connections that are served at once, three each, and some. */
    private final TlsBufferPool buffers = new TlsBufferPool(256);

    /** @param unencrypted answers a plain request on this port: {@link RedirectToHttps}, the CA pages before it */
    public TlsTransports(TlsContext context, RequestHandler unencrypted) {
        this.context = context;
        this.unencrypted = unencrypted;
    }

    @Override
    public Transport over(Socket socket) {
        return new TlsTransport(socket, context, buffers);
    }

    @Override
    public Optional<RequestHandler> unencryptedRequests() {
        return Optional.of(unencrypted);
    }
}
