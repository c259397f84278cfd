package httpd.server;

import httpd.http.RequestHandler;
import java.net.Socket;
import java.util.Optional;

/**
 * How an accepted socket becomes the connection's {@link Transport}: plain TCP, or TLS. A TLS port also names who
 * answers a request that arrives there unencrypted (a browser typing {@code http://}): a redirect to https,
 * except for what must stay reachable before a device trusts the certificate.
 */
public interface TransportFactory {
    /** TCP as it is. */
    TransportFactory PLAIN = PlainTransport::new;

    /** @param socket accepted from a {@link java.nio.channels.ServerSocketChannel}'s socket, so it has a channel */
    Transport over(Socket socket);

    /** The handler for plain requests on a TLS port; empty where every request is plain. */
    default Optional<RequestHandler> unencryptedRequests() {
        return Optional.empty();
    }
}
