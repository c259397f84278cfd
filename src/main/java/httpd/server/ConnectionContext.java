package httpd.server;

import httpd.http.RequestHandler;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What every connection of a server shares, handed to each one when it is made: the connection needs nothing
 * else from the server.
 *
 * @param config      the settings: timeouts, limits, the headers every response carries
 * @param handler     decides the response to each request
 * @param unencrypted on a TLS port, the handler for requests that arrived in plain text; empty on a plain port
 * @param serverName  the Server header's value
 * @param date        the Date header's value, formatted once a second
 * @param accessLog   one line per response
 * @param trace       the bytes on the wire, for {@code --trace} ({@link Trace#NONE} for nowhere)
 * @param scheduler   the threads a connection runs on, and its turn among the others
 * @param buffers     where a connection gets a buffer while it holds bytes of a request
 * @param stopping    whether the server is stopping: no connection persists then
 * @param closed      told of each connection once it has closed, so the server forgets it
 */
record ConnectionContext(
        ServerConfig config,
        RequestHandler handler,
        Optional<RequestHandler> unencrypted,
        String serverName,
        PerSecondText date,
        AccessLog accessLog,
        Trace trace,
        Scheduler scheduler,
        InputBuffers buffers,
        BooleanSupplier stopping,
        Consumer<Connection> closed) {

    ConnectionContext {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(unencrypted, "unencrypted");
        Objects.requireNonNull(scheduler, "scheduler");
    }

    /** The most bytes a connection buffers for one head: more is more than the parser takes. */
    int maxHeadBytes() {
        return config.limits().maxRequestLineBytes() + config.limits().maxHeaderBytes() + 1024;
    }
}
