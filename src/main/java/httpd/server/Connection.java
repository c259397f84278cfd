package httpd.server;

import httpd.http.ErrorPages;
import httpd.http.HttpException;
import httpd.http.HttpMethod;
import httpd.http.HttpStatus;
import httpd.http.HttpVersion;
import httpd.http.RequestHead;
import httpd.http.RequestParser;
import httpd.http.Response;
import httpd.server.ConnectionInput.HeadResult;
import httpd.server.ResponseWriter.ConnectionHeader;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection, run on a pool thread: read a request head, parse it, let the handler decide,
 * write the response, log it, and go round again while the connection persists (RFC 9112 §9.3).
 * Pipelined requests are simply the next head already waiting in the buffer, so they are answered in order.
 *
 * <p>A connection waiting for a request holds its thread only while no other connection needs one. When
 * others are queued it gives the thread back and queues itself behind them ({@link ConnectionInput#readHead}),
 * so idle keep-alive clients and clients that trickle their head cannot starve a fixed pool. A body that may
 * take long to send (over 64 KiB, or a stream) is handed to a transfer thread, and the connection queues for
 * a request thread again once it is sent ({@link WorkerPools}). A transfer whose client reads too slowly is
 * cut when others wait for a transfer thread ({@link SendRateFloor}).
 */
final class Connection implements Runnable {
    /** A request body up to this size is read and thrown away so that the connection can persist. */
    private static final long MAX_DISCARDED_BODY = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    private enum State { QUEUED, IDLE, BUSY, CLOSED }

    /** What the connection does next: another request on this thread, or leave it. */
    private enum Next {
        /** Read the next request on this thread. */
        STAY,
        CLOSE,
        /** Queue again for a request thread. */
        REQUEUE,
        /** Send the body on a transfer thread ({@link WorkerPools}), then queue again or close. */
        TRANSFER,
        /** Close once the client has had time to read the answer: it may still be sending a body nobody reads. */
        CLOSE_SOON
    }

    /**
     * How long a connection whose request body was not read stays half-closed before it closes. Closing a socket
     * with unread bytes makes TCP reset the connection, and a reset can destroy an answer the client has not read
     * yet (RFC 9112 §9.6); meanwhile the connection holds no thread.
     */
    private static final Duration LINGER = Duration.ofSeconds(2);

    /** A body larger than this may take long to send to a slow client, so it goes out on a transfer thread. */
    private static final long INLINE_BODY_BYTES = 64 * 1024;

    /** A response whose body leaves on a transfer thread. */
    private record Transfer(RequestHead request, Response response, ConnectionHeader header, Next afterwards,
            long start) {
    }

    private final long id;
    private final Socket socket;
    private final String client;
    private final HttpServer server;
    private State state = State.QUEUED;
    private ConnectionInput input;
    private RequestParser parser;
    private volatile ResponseWriter writer;
    private int requests;
    private Transfer transfer;
    /** Whether a body is being sent on a transfer thread: only such a send gives way to waiting transfers. */
    private volatile boolean transferring;
    /** The watchdog's record of what the transfers sent; only the watchdog's thread touches it. */
    private SendMeter meter;
    private final BooleanSupplier othersWaiting;

    Connection(long id, Socket socket, HttpServer server) {
        this.id = id;
        this.socket = socket;
        this.client = socket.getInetAddress().getHostAddress();
        this.server = server;
        this.othersWaiting = server.pools()::hasWaitingConnections;
    }

    long id() {
        return id;
    }

    @Override
    public void run() {
        Next next = Next.CLOSE;
        try {
            if (input == null) {
                open();
            }
            next = serve();
        } catch (IOException e) {
            // the client went away or the socket was closed at shutdown: nothing to answer
            log.debug("connection {} from {} ended: {}", id, client, e.toString());
        } catch (RuntimeException e) {
            log.error("connection {} from {} failed", id, client, e);
        }
        if (input != null) {
            input.releaseBuffer();
        }
        if (next == Next.TRANSFER && server.pools().transfer(this::finishTransfer)) {
            return;
        }
        leave(next);
    }

    /** On a transfer thread: sends the long body, then the connection queues for its next request. */
    private void finishTransfer() {
        Next next = Next.CLOSE;
        try {
            Transfer answer = transfer;
            transfer = null;
            transferring = true;
            try {
                send(answer.request(), answer.response(), answer.header(), answer.start());
            } finally {
                transferring = false;
            }
            next = answer.afterwards();
            if (next == Next.STAY) {
                input.expectRequestBy(System.nanoTime() + server.config().keepAliveTimeout().toNanos());
                next = Next.REQUEUE;
            }
        } catch (IOException e) {
            log.debug("connection {} from {} ended: {}", id, client, e.toString());
        } catch (RuntimeException e) {
            log.error("connection {} from {} failed", id, client, e);
        }
        leave(next);
    }

    private void leave(Next next) {
        if (next == Next.REQUEUE && markQueued() && server.requeue(this)) {
            return;
        }
        if (next == Next.CLOSE_SOON && halfClose() && server.later(this::closeAfterLinger, LINGER)) {
            return;
        }
        end();
    }

    /** Half-closes: the client sees the end of the answer, and the connection waits for nothing on a thread. */
    private synchronized boolean halfClose() {
        if (state == State.CLOSED) {
            return false;
        }
        state = State.IDLE; // nothing left to do: a shutdown may close it at once
        try {
            socket.shutdownOutput();
            return true;
        } catch (IOException e) {
            log.debug("connection {}: half-close failed: {}", id, e.toString());
            return false;
        }
    }

    /** After {@link #LINGER}: what the client sent meanwhile is discarded, so the close is a clean one. */
    private void closeAfterLinger() {
        try {
            input.discardReceived(Long.MAX_VALUE);
        } catch (IOException e) {
            log.debug("connection {}: discarding before close: {}", id, e.toString());
        }
        end();
    }

    private void end() {
        close();
        if (transfer != null) {
            closeUnsent(transfer.response()); // handed over, never sent: the server is stopping
            transfer = null;
        }
        server.trace().closed(id, requests);
        server.connectionClosed(this);
    }

    private void open() throws IOException {
        socket.setTcpNoDelay(true);
        ServerConfig config = server.config();
        int maxHead = config.limits().maxRequestLineBytes() + config.limits().maxHeaderBytes() + 1024;
        input = new ConnectionInput(socket, maxHead, config.headerTimeout().toNanos(), server.pools());
        input.expectRequestBy(System.nanoTime() + config.headerTimeout().toNanos());
        parser = new RequestParser(config.limits());
        writer = new ResponseWriter(socket.getChannel(), server.serverName(), config.extraHeaders(), server.date());
        if (server.trace() != Trace.NONE) {
            server.trace().opened(id, client + ":" + socket.getPort());
        }
    }

    private void traceResponse(long sent) {
        if (server.trace() != Trace.NONE) {
            server.trace().response(id, writer.lastHead(), sent);
        }
    }

    private void closeUnsent(Response response) {
        try {
            response.close();
        } catch (IOException e) {
            log.debug("connection {}: closing an unsent response: {}", id, e.toString());
        }
    }

    private Next serve() throws IOException {
        long keepAliveNanos = server.config().keepAliveTimeout().toNanos();
        while (markIdle()) {
            HeadResult head = input.readHead(othersWaiting, server.pools().yieldPatiently());
            switch (head) {
                case YIELD -> {
                    server.pools().yieldedWithoutRequest();
                    return Next.REQUEUE;
                }
                case CLOSED -> {
                    return Next.CLOSE;
                }
                case TIMED_OUT -> {
                    sendError(HttpStatus.REQUEST_TIMEOUT, null, System.nanoTime());
                    return Next.CLOSE;
                }
                case COMPLETE -> { }
            }
            server.pools().foundRequest();
            if (!markBusy()) {
                return Next.CLOSE;
            }
            long start = System.nanoTime();
            requests++;
            if (server.trace() != Trace.NONE) {
                server.trace().request(id, input.rawHead());
            }
            RequestHead request;
            try {
                request = parser.parse(input);
            } catch (HttpException e) {
                log.debug("connection {}: bad request: {}", id, e.getMessage());
                sendError(e.status(), e.getMessage(), start);
                return Next.CLOSE;
            }
            input.headParsed();
            Next next = request == null ? Next.CLOSE : respond(request, start);
            if (next != Next.STAY) {
                return next;
            }
            input.expectRequestBy(System.nanoTime() + keepAliveNanos);
            if (!input.hasBufferedBytes() && server.pools().hasWaitingConnections()) {
                // The client has yet to read this answer, so its next request is rarely here already:
                // rather than look, let a waiting connection have the thread.
                server.pools().yieldedWithoutRequest();
                return Next.REQUEUE;
            }
        }
        return Next.CLOSE;
    }

    /** Answers one request, or hands a long body over to a transfer thread. */
    private Next respond(RequestHead request, long start) throws IOException {
        boolean bodyGone = discardReceivedBody(request);
        boolean persistent = request.wantsPersistentConnection() && bodyGone && !server.isStopping();
        Response response = handle(request);
        if (response.body().length() < 0) {
            persistent = false; // a body of unknown length ends when the connection closes
        }
        ConnectionHeader connectionHeader = persistent
                ? request.version() == HttpVersion.HTTP_1_0 ? ConnectionHeader.KEEP_ALIVE : ConnectionHeader.NONE
                : ConnectionHeader.CLOSE;
        Next afterwards = persistent ? Next.STAY : bodyGone ? Next.CLOSE : Next.CLOSE_SOON;
        long length = response.body().length();
        if (sendsBody(request) && (length < 0 || length > INLINE_BODY_BYTES)) {
            transfer = new Transfer(request, response, connectionHeader, afterwards, start);
            return Next.TRANSFER;
        }
        send(request, response, connectionHeader, start);
        return afterwards;
    }

    private static boolean sendsBody(RequestHead request) {
        return !HttpMethod.HEAD.name().equals(request.method());
    }

    /** Writes the response and logs it. */
    private void send(RequestHead request, Response answer, ConnectionHeader header, long start) throws IOException {
        try (Response response = answer) {
            try {
                writer.write(response, sendsBody(request), header);
            } finally {
                // what went out, also when the client went away or the send was cut
                server.accessLog().log(client, request, response.status().code(), writer.bodyBytesSent(),
                        System.nanoTime() - start);
            }
            traceResponse(writer.bodyBytesSent());
        }
    }

    private Response handle(RequestHead request) {
        try {
            return server.handler().handle(request);
        } catch (RuntimeException e) {
            log.error("handler failed on {}", request.requestLine(), e);
            return ErrorPages.of(HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }

    /**
     * A static server has no use for a request body, but must not read the next request out of it
     * (RFC 9112 §6.3), and must not wait for it either: the answer never depends on it. A body up to 1 MiB
     * that has already arrived is discarded and the connection goes on. One still on its way, a larger one,
     * or one with a Transfer-Encoding is never read: the answer says {@code Connection: close}. That is also
     * the answer to {@code Expect: 100-continue}: the final status at once instead of 100 (RFC 9110 §10.1.1).
     *
     * @return whether the connection is free of the body
     */
    private boolean discardReceivedBody(RequestHead request) throws IOException {
        if (request.hasTransferEncoding()) {
            return false;
        }
        if (request.contentLength() <= 0) {
            return true;
        }
        return request.contentLength() <= MAX_DISCARDED_BODY && input.discardReceived(request.contentLength());
    }

    /**
     * Answers a request that could not be read or parsed; the connection then closes, as its framing is lost.
     *
     * @param rule which rule of HTTP the request broke, for the page, or null
     */
    private void sendError(HttpStatus status, String rule, long start) {
        try (Response response = ErrorPages.of(status, rule)) {
            long sent = writer.write(response, true, ConnectionHeader.CLOSE);
            server.accessLog().log(client, null, status.code(), sent, System.nanoTime() - start);
            traceResponse(sent);
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

    private synchronized boolean markQueued() {
        if (state == State.CLOSED || server.isStopping()) {
            return false;
        }
        state = State.QUEUED;
        return true;
    }

    /** Whether the response being written has made no progress for {@code nanos}: the client stopped reading. */
    boolean isStalled(long now, long nanos) {
        ResponseWriter current = writer;
        return current != null && current.isStalled(now, nanos);
    }

    /** Whether a response is being made or sent: a request has been read and its answer is not out yet. */
    synchronized boolean isBusy() {
        return state == State.BUSY;
    }

    /**
     * On the watchdog's thread, once a tick: counts what the transfer being sent has sent, and says whether it
     * is to be cut so that its thread goes to a waiting transfer.
     */
    boolean givesWay(SendRateFloor floor, boolean transfersWaiting, long now) {
        ResponseWriter current = writer;
        if (!transferring || current == null || !current.isWriting()) {
            return false;
        }
        if (meter == null) {
            meter = new SendMeter(floor.window());
        }
        long started = current.startNanos();
        meter.sample(started, now, current.bodyBytesSent());
        return floor.givesWay(transfersWaiting, now - started, meter.spanNanos(), meter.bytesInSpan());
    }

    /** At shutdown: a connection waiting for a request is closed at once; one mid-response is left to finish. */
    synchronized void closeIfIdle() {
        if (state != State.BUSY) {
            forceClose();
        }
    }

    /** Closes the socket from the thread that owns it: nothing else is blocked on it, so no shutdown first. */
    private synchronized void close() {
        state = State.CLOSED;
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing connection {}: {}", id, e.toString());
        }
    }

    /** Closes the socket whatever the connection is doing; a blocked read or write then fails at once. */
    synchronized void forceClose() {
        state = State.CLOSED;
        try {
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                // Closing alone does not wake a thread blocked in sendfile on this socket; a shutdown does.
                socket.shutdownOutput();
            }
        } catch (IOException e) {
            log.debug("shutting down connection {}: {}", id, e.toString());
        }
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing connection {}: {}", id, e.toString());
        }
    }
}
