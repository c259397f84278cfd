package httpd.server;

import httpd.http.ErrorPages;
import httpd.http.HttpException;
import httpd.http.HttpMethod;
import httpd.http.HttpStatus;
import httpd.http.HttpVersion;
import httpd.http.RequestHandler;
import httpd.http.RequestHead;
import httpd.http.RequestParser;
import httpd.http.Response;
import httpd.server.ResponseWriter.ConnectionHeader;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, run on a pool thread: read a request head, let the handler decide, write the
 * response, log it, and go round again while the connection persists (RFC 9112 §9.3). Pipelined requests
 * are simply the next head already waiting in the buffer, so they are answered in order.
 */
final class Connection implements Runnable {
    /** A request body up to this size is read and thrown away so that the connection can persist. */
    private static final long MAX_DISCARDED_BODY = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    private enum State { QUEUED, IDLE, BUSY, CLOSED }

    private final long id;
    private final Socket socket;
    private final String client;
    private final HttpServer server;
    private State state = State.QUEUED;

    Connection(long id, Socket socket, HttpServer server) {
        this.id = id;
        this.socket = socket;
        this.client = socket.getInetAddress().getHostAddress();
        this.server = server;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            serve();
        } catch (IOException e) {
            // the client went away or the socket was closed at shutdown: nothing to answer
            log.debug("connection {} from {} ended: {}", id, client, e.toString());
        } catch (RuntimeException e) {
            log.error("connection {} from {} failed", id, client, e);
        } finally {
            markClosed();
            server.connectionClosed(this);
        }
    }

    private void serve() throws IOException {
        ConnectionInput input = new ConnectionInput(socket);
        RequestParser parser = new RequestParser(server.config().limits());
        ResponseWriter writer = new ResponseWriter(socket.getChannel(), server.serverName(), server.config().extraHeaders(),
                server.date());
        int keepAliveMillis = (int) server.config().keepAliveTimeout().toMillis();
        long headerNanos = server.config().headerTimeout().toNanos();
        while (markIdle() && input.awaitData(keepAliveMillis) && markBusy()) {
            long start = System.nanoTime();
            input.startDeadline(headerNanos);
            RequestHead request;
            try {
                request = parser.parse(input);
            } catch (HttpException e) {
                log.debug("connection {}: bad request: {}", id, e.getMessage());
                sendError(writer, e.status(), start);
                return;
            } catch (SocketTimeoutException e) {
                sendError(writer, HttpStatus.REQUEST_TIMEOUT, start);
                return;
            }
            if (request == null) {
                return;
            }
            if (!respond(request, input, writer, start)) {
                return;
            }
        }
    }

    /** Answers one request; returns whether the connection stays open for another. */
    private boolean respond(RequestHead request, ConnectionInput input, ResponseWriter writer, long start)
            throws IOException {
        boolean persistent = request.wantsPersistentConnection() && discardBody(request, input)
                && !server.isStopping();
        input.clearDeadline();
        ConnectionHeader connectionHeader = persistent
                ? request.version() == HttpVersion.HTTP_1_0 ? ConnectionHeader.KEEP_ALIVE : ConnectionHeader.NONE
                : ConnectionHeader.CLOSE;
        try (Response response = handle(request)) {
            boolean withBody = !HttpMethod.HEAD.name().equals(request.method());
            long sent = 0;
            try {
                sent = writer.write(response, withBody, connectionHeader);
            } finally {
                server.accessLog().log(client, request, response.status().code(), sent, System.nanoTime() - start);
            }
        }
        return persistent;
    }

    private Response handle(RequestHead request) {
        try {
            return server.handler().handle(request);
        } catch (HttpException e) {
            return ErrorPages.of(e.status());
        } catch (RuntimeException e) {
            log.error("handler failed on {}", request.requestLine(), e);
            return ErrorPages.of(HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }

    /**
     * A static server has no use for a request body, but must not read the next request out of it. A small
     * body is read and discarded; a large one, or one with a Transfer-Encoding, closes the connection.
     */
    private static boolean discardBody(RequestHead request, ConnectionInput input) throws IOException {
        if (request.hasTransferEncoding()) {
            return false;
        }
        if (request.contentLength() <= 0) {
            return true;
        }
        return request.contentLength() <= MAX_DISCARDED_BODY && input.discard(request.contentLength());
    }

    /** Answers a request that could not be parsed; the connection then closes, as its framing is lost. */
    private void sendError(ResponseWriter writer, HttpStatus status, long start) {
        try (Response response = ErrorPages.of(status)) {
            long sent = writer.write(response, true, ConnectionHeader.CLOSE);
            server.accessLog().log(client, null, status.code(), sent, System.nanoTime() - start);
        } catch (IOException e) {
            log.debug("connection {}: could not send {}: {}", id, status, e.toString());
        }
    }

    private synchronized boolean markIdle() {
        if (state == State.CLOSED || server.isStopping()) {
            return false;
        }
        state = State.IDLE;
        return true;
    }

    private synchronized boolean markBusy() {
        if (state == State.CLOSED) {
            return false;
        }
        state = State.BUSY;
        return true;
    }

    private synchronized void markClosed() {
        state = State.CLOSED;
    }

    /** At shutdown: a connection waiting for a request is closed at once; one mid-response is left to finish. */
    synchronized void closeIfIdle() {
        if (state != State.BUSY) {
            forceClose();
        }
    }

    /** Closes the socket whatever the connection is doing; a blocked read or write then fails at once. */
    synchronized void forceClose() {
        state = State.CLOSED;
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing connection {}: {}", id, e.toString());
        }
    }
}
