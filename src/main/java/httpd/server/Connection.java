package httpd.server;

import httpd.http.HttpStatus;
import httpd.server.Answer.Afterwards;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection's life on the server's threads: wait for a request head, taking turns with the other
 * connections ({@link HeadWait}); hand it to the {@link Exchange}; send the answer here, or on a transfer thread
 * when that may take long (or when the request has a body a handler may read: an upload); then wait for the next
 * request while the connection persists (RFC 9112 §9.3).
 * Pipelined requests are the next head already in the buffer, so they are answered in order.
 *
 * <p>A connection waiting for a request holds its thread only while no other connection needs one. When others
 * are queued it gives the thread back and queues itself behind them, so idle keep-alive clients and clients
 * that trickle their head cannot starve a small pool. After a long body sent on a transfer thread, it queues
 * for a request thread again ({@link Scheduler}).
 */
final class Connection implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    /** How long a connection whose request body was not read stays half-closed before it closes. */
    private static final Duration LINGER = Duration.ofSeconds(2);

    private final long id;
    private final Transport transport;
    private final ConnectionContext context;
    private final String client;
    private final SendProgress progress = new SendProgress();
    private ConnectionState state = ConnectionState.QUEUED;
    private ConnectionInput input;
    private HeadWait headWait;
    private Exchange exchange;
    private int requests;
    /** An answer handed to a transfer thread and not sent yet. */
    private Answer handedOver;

    Connection(long id, Transport transport, ConnectionContext context) {
        this.id = id;
        this.transport = transport;
        this.context = context;
        this.client = transport.peer().getAddress().getHostAddress();
    }

    long id() {
        return id;
    }

    @Override
    public String toString() {
        return "connection " + id;
    }

    /** On a request thread: serves requests until the connection gives its thread back, hands over, or ends. */
    @Override
    public void run() {
        try {
            if (exchange == null) {
                open();
            }
            serve();
        } catch (IOException | RuntimeException e) {
            endAfter(e);
        }
    }

    /** Serving failed: the connection ends. */
    private void endAfter(Exception e) {
        if (e instanceof IOException) {
            // the client went away or the connection was cut at shutdown: nothing to answer
            log.debug("connection {} from {} ended: {}", id, client, e.toString());
        } else {
            log.error("connection {} from {} failed", id, client, e);
        }
        end(Ending.ERROR);
    }

    private void open() throws IOException {
        transport.open();
        input = new ConnectionInput(transport, context.maxHeadBytes(), context.buffers());
        long headerTimeoutNanos = context.config().headerTimeout().toNanos();
        headWait = new HeadWait(input, context.scheduler(), headerTimeoutNanos);
        headWait.expectRequestBy(System.nanoTime() + headerTimeoutNanos);
        exchange = new Exchange(context, id, client, transport, input, progress);
        if (context.trace() != Trace.NONE) {
            context.trace().opened(id, client + ":" + transport.peer().getPort());
        }
    }

    /** Each turn of the loop is one request; every way out of it leaves the connection to someone. */
    private void serve() throws IOException {
        Scheduler scheduler = context.scheduler();
        while (markIdle()) {
            switch (headWait.await(scheduler.patient())) {
                case YIELD -> {
                    scheduler.yieldedWithoutRequest();
                    yieldThread();
                    return;
                }
                case CLOSED -> {
                    end(Ending.CLIENT);
                    return;
                }
                case IDLE -> {
                    end(Ending.IDLE);
                    return;
                }
                case TIMED_OUT -> {
                    exchange.send(exchange.refusal(HttpStatus.REQUEST_TIMEOUT), false);
                    end(Ending.HEADER_DEADLINE);
                    return;
                }
                case COMPLETE -> scheduler.foundRequest();
            }
            if (!markBusy()) {
                end(Ending.STOPPING);
                return;
            }
            requests++;
            Answer answer = exchange.answer(requests);
            if (answer == null) {
                end(Ending.CLIENT);
                return;
            }
            if (answer.awaitsBody() || answer.takesLong()) {
                handOver(answer);
                return;
            }
            exchange.send(answer, false);
            if (!persistsAfter(answer)) {
                return;
            }
            if (!input.holdsBytes() && scheduler.othersWaiting()) {
                // The client has yet to read this answer, so its next request is rarely here already:
                // rather than look, let a waiting connection have the thread.
                scheduler.yieldedWithoutRequest();
                yieldThread();
                return;
            }
        }
        end(Ending.STOPPING);
    }

    /** Gives the thread back while waiting for a request: the trace says so. */
    private void yieldThread() {
        context.trace().yielded(id);
        giveThreadBack();
    }

    /** After an answer is out: the connection waits for the next request (true), or closes, now or soon. */
    private boolean persistsAfter(Answer answer) {
        switch (answer.afterwards()) {
            case PERSIST -> {
                headWait.expectRequestBy(System.nanoTime() + context.config().keepAliveTimeout().toNanos());
                return true;
            }
            case LINGER_THEN_CLOSE -> lingerThenClose();
            case CLOSE -> end(Ending.ANSWER);
        }
        return false;
    }

    /** The connection queues for a request thread again, behind all others. */
    private void giveThreadBack() {
        releaseBuffer();
        if (!markQueued() || !context.scheduler().serveAgain(this)) {
            end(Ending.REFUSED);
        }
    }

    /** The answer goes out on a transfer thread; the connection then queues for a request thread again. */
    private void handOver(Answer answer) {
        releaseBuffer();
        handedOver = answer;
        if (!context.scheduler().transfer(this::sendHandedOver)) {
            end(Ending.REFUSED);
        }
    }

    /**
     * On a transfer thread: decides an answer that awaited its request's body (an upload, read here), sends the
     * answer, then the connection goes on as the answer said.
     */
    private void sendHandedOver() {
        Answer answer = handedOver;
        handedOver = null;
        try {
            if (answer.awaitsBody()) {
                answer = exchange.decide(answer);
            }
            exchange.send(answer, true);
        } catch (IOException | RuntimeException e) {
            endAfter(e);
            return;
        }
        if (persistsAfter(answer)) {
            giveThreadBack();
        }
    }

    /**
     * Half-closes, and closes {@link #LINGER} later, holding no thread meanwhile: closing at once with the
     * client's body bytes unread would make TCP reset the connection, which can destroy the answer (RFC 9112
     * §9.6).
     */
    private void lingerThenClose() {
        releaseBuffer();
        if (!halfClose() || !context.scheduler().later(this::closeAfterLinger, LINGER)) {
            end(Ending.ANSWER);
        }
    }

    private synchronized boolean halfClose() {
        if (state == ConnectionState.CLOSED) {
            return false;
        }
        state = ConnectionState.IDLE; // nothing left to do: a shutdown may close it at once
        return Quietly.attempt(transport::shutdownOutput, "half-closing", this);
    }

    /** After {@link #LINGER}: what the client sent meanwhile is discarded, so the close is a clean one. */
    private void closeAfterLinger() {
        Quietly.attempt(() -> input.discardReceived(Long.MAX_VALUE), "discarding before closing", this);
        end(Ending.LINGERED);
    }

    /** The connection leaves this thread: an empty buffer stays with the thread, for the next connection. */
    private void releaseBuffer() {
        if (input != null) {
            input.releaseBuffer();
        }
        transport.releaseBuffers();
    }

    private void end(Ending ending) {
        releaseBuffer();
        close();
        if (handedOver != null && !handedOver.awaitsBody()) { // handed over, never sent: the server is stopping
            Quietly.attempt(handedOver.response()::close, "closing an unsent response of", this);
            handedOver = null;
        }
        context.trace().closed(id, requests, ending.text());
        context.closed().accept(this);
    }

    private synchronized boolean markIdle() {
        return mark(ConnectionState.IDLE, !context.stopping().getAsBoolean());
    }

    private synchronized boolean markBusy() {
        return mark(ConnectionState.BUSY, true);
    }

    private synchronized boolean markQueued() {
        return mark(ConnectionState.QUEUED, !context.stopping().getAsBoolean());
    }

    private boolean mark(ConnectionState next, boolean allowed) {
        if (state == ConnectionState.CLOSED || !allowed) {
            return false;
        }
        state = next;
        return true;
    }

    /** What the response being sent has done so far, for the watchdog. */
    SendProgress progress() {
        return progress;
    }

    /** Whether a response is being made or sent: a request has been read and its answer is not out yet. */
    synchronized boolean isBusy() {
        return state == ConnectionState.BUSY;
    }

    /** At shutdown: a connection waiting for a request is closed at once; one mid-response is left to finish. */
    synchronized void closeIfIdle() {
        if (state != ConnectionState.BUSY) {
            cut();
        }
    }

    /** Closes from the thread that serves the connection: nothing else is blocked on it. */
    private synchronized void close() {
        state = ConnectionState.CLOSED;
        Quietly.attempt(transport::close, "closing", this);
    }

    /** Closes whatever the connection is doing; a blocked read or write then fails at once. */
    synchronized void cut() {
        state = ConnectionState.CLOSED;
        Quietly.attempt(transport::cut, "cutting", this);
    }
}
