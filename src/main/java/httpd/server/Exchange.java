package httpd.server;

import httpd.http.ErrorPages;
import httpd.http.HttpException;
import httpd.http.HttpStatus;
import httpd.http.HttpVersion;
import httpd.http.RequestBody;
import httpd.http.RequestContext;
import httpd.http.RequestHandler;
import httpd.http.RequestHead;
import httpd.http.RequestParser;
import httpd.http.Response;
import httpd.http.Why;
import httpd.server.Answer.Afterwards;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request and its answer, from the head in the buffer to the access-log line: parse the head, let the
 * handler decide, write the response, log it. Read top to bottom, this is HTTP/1.1 as a server does it.
 *
 * <p>Nothing here waits for the network or knows about threads: {@link Connection} calls {@link #answer} once a
 * whole head is buffered, and {@link #send} where the answer is to go out (on a transfer thread, for a long
 * body). One exchange object serves every request of its connection, one at a time, and keeps what can be
 * reused between them (the parser's buffers, the head's bytes).
 */
final class Exchange {
    /** A request body up to this size is read and thrown away so that the connection can persist. */
    private static final long MAX_DISCARDED_BODY = 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(Exchange.class);

    private final ConnectionContext context;
    private final long id;
    private final String client;
    private final Transport transport;
    private final ConnectionInput input;
    private final RequestParser parser;
    private final ResponseWriter writer;
    private final SendProgress progress;
    /** How long reading a request body waits for the client's next bytes. */
    private final int stallMillis;
    private boolean handshakeTraced;
    /** The context handlers get while nobody traces: the client, and no one to tell decisions to. */
    private final RequestContext untold;

    /** @param client the client's address, as the access log shows it */
    Exchange(ConnectionContext context, long id, String client, Transport transport, ConnectionInput input,
            SendProgress progress) {
        this.context = context;
        this.id = id;
        this.client = client;
        this.transport = transport;
        this.input = input;
        this.progress = progress;
        this.parser = new RequestParser(context.config().limits());
        ServerConfig config = context.config();
        this.writer = new ResponseWriter(transport,
                new ResponseHeadBytes(context.serverName(), config.extraHeaders(), context.date()), progress);
        this.untold = new RequestContext(transport.peer().getAddress(), Why.NONE);
        this.stallMillis = (int) Math.min(Integer.MAX_VALUE, config.sendTimeout().toMillis());
    }

    /**
     * Parses the buffered head and decides the answer, without sending it. While someone traces, the head's
     * bytes and every decision on the way are kept with the answer ({@link Answer.Told}).
     *
     * @param number the how-many-th request on the connection this is
     * @return the answer, or null when the stream ended cleanly before a request began
     */
    Answer answer(int number) throws IOException {
        long start = System.nanoTime();
        Answer.Told told = null;
        if (context.trace() != Trace.NONE) {
            traceHandshakeOnce();
            byte[] rawHead = input.rawHead();
            context.trace().request(id, rawHead);
            told = new Answer.Told(number, rawHead, new RecordedWhy());
        }
        Why why = told == null ? Why.NONE : told.why();
        RequestHead request;
        try {
            request = parser.parse(input);
        } catch (HttpException e) {
            log.debug("connection {}: bad request: {}", id, e.getMessage());
            why.note(ConnectionDecision.BAD_HEAD, refusal(e), Integer.toString(e.status().code()));
            return new Answer(null, ErrorPages.of(e.status(), e.getMessage()), Afterwards.CLOSE, start, told);
        }
        input.headParsed();
        if (request == null) {
            return null;
        }
        boolean later = readsBodyLater(request);
        RequestBody body = ConnectionBody.of(request, input, transport, stallMillis, progress, later);
        if (later && body.isPresent()) {
            return Answer.awaitingBody(request, body, start, told);
        }
        return decide(request, body, start, told);
    }

    /**
     * A request whose body a handler may read (an upload) is decided on a transfer thread, where reading it for
     * minutes holds no thread that requests need; the decision then goes on from there ({@link #decide}).
     */
    private static boolean readsBodyLater(RequestHead request) {
        return (request.hasTransferEncoding() || request.contentLength() > 0)
                && (request.method().equals("PUT") || request.method().equals("POST"));
    }

    /** The answer to a request that {@link #answer} left for a transfer thread, because a handler may read its body. */
    Answer decide(Answer awaiting) throws IOException {
        return decide(awaiting.request(), awaiting.body(), awaiting.startNanos(), awaiting.told());
    }

    /** Lets the handler decide, then whether the connection can go on: the body must be behind it. */
    private Answer decide(RequestHead request, RequestBody body, long start, Answer.Told told) throws IOException {
        Why why = told == null ? Why.NONE : told.why();
        RequestContext requestContext = told == null && body == RequestBody.NONE ? untold
                : new RequestContext(untold.client(), why, body);
        Response response = handle(request, requestContext);
        boolean bodyGone = bodyGone(request, body);
        boolean persistent = request.wantsPersistentConnection() && bodyGone && !context.stopping().getAsBoolean()
                && !unencryptedOnTlsPort(); // that client is sent to https: this connection has done its part
        if (response.body().length() < 0 && !chunks(request, response)) {
            persistent = false; // a body of unknown length ends when the connection closes (RFC 9112 §6.3)
        }
        if (told != null) {
            noteAfterwards(request, response, bodyGone, persistent, told.number(), why);
        }
        Afterwards afterwards = persistent ? Afterwards.PERSIST
                : bodyGone ? Afterwards.CLOSE : Afterwards.LINGER_THEN_CLOSE;
        return new Answer(request, response, afterwards, start, told);
    }

    /** Whether this body of unknown length goes chunked, so that the connection may persist after it. */
    private static boolean chunks(RequestHead request, Response response) {
        return ResponseWriter.isMadeAsSent(response.body()) && request.version() == HttpVersion.HTTP_1_1;
    }

    /** A parser's refusal as the trace tells it: what was wrong, and the rule it broke. */
    private static String refusal(HttpException e) {
        return e.rule().isEmpty() ? e.getMessage() : e.getMessage() + " (" + e.rule() + ")";
    }

    /** Why the connection goes on after this answer, or why not: the same tests {@link #answer} made. */
    private void noteAfterwards(RequestHead request, Response response, boolean bodyGone, boolean persistent,
            int number, Why why) {
        if (request.method().equals("HEAD")) {
            why.note(ConnectionDecision.HEAD);
        }
        if (number > 1) {
            why.note(ConnectionDecision.REUSED, Integer.toString(number));
        }
        if (persistent) {
            why.note(ConnectionDecision.KEEP_ALIVE, request.version().text());
            if (input.holdsBytes()) {
                why.note(ConnectionDecision.PIPELINED);
            }
        } else if (!request.wantsPersistentConnection()) {
            why.note(request.version() == HttpVersion.HTTP_1_0 && !request.headers().contains("Connection")
                    ? ConnectionDecision.HTTP_1_0 : ConnectionDecision.CLOSE_ASKED);
        } else if (!bodyGone) {
            why.note(ConnectionDecision.BODY_UNREAD);
        } else if (context.stopping().getAsBoolean()) {
            why.note(ConnectionDecision.STOPPING);
        } else if (unencryptedOnTlsPort()) {
            why.note(ConnectionDecision.PLAIN_ON_TLS);
        } else if (response.body().length() < 0 && !chunks(request, response)) {
            why.note(ConnectionDecision.UNTIL_CLOSE);
        }
    }

    /** The answer to a request whose head did not arrive in time, or could not be read: the connection closes. */
    Answer refusal(HttpStatus status) {
        Answer.Told told = null;
        if (context.trace() != Trace.NONE) {
            told = new Answer.Told(0, new byte[0], new RecordedWhy());
            told.why().note(ConnectionDecision.HEAD_TOO_SLOW, Integer.toString(status.code()));
        }
        return new Answer(null, ErrorPages.of(status), Afterwards.CLOSE, System.nanoTime(), told);
    }

    /**
     * Writes the answer and logs it, with the bytes that went out also when the client went away first.
     *
     * @param transfer whether this runs on a transfer thread
     */
    void send(Answer answer, boolean transfer) throws IOException {
        boolean traced = context.trace() != Trace.NONE;
        byte[] smallBody;
        try {
            writer.write(answer, transfer);
        } finally {
            smallBody = writer.takeSentBody(traced ? Exchanged.SMALL_BODY : 0);
            context.accessLog().log(client, answer.request(), answer.response().status().code(),
                    progress.bodyBytesSent(), System.nanoTime() - answer.startNanos(), scheme());
        }
        if (traced) {
            traceExchange(answer, smallBody);
        }
    }

    private void traceExchange(Answer answer, byte[] smallBody) {
        Answer.Told told = answer.told();
        Response response = answer.response();
        context.trace().exchanged(new Exchanged(id, client + ":" + transport.peer().getPort(),
                told == null ? 0 : told.number(), told == null ? new byte[0] : told.rawHead(), answer.request(),
                told == null ? List.of() : told.why().lines(), writer.lastHead(), response.status().code(),
                response.header("Content-Type"), progress.bodyBytesSent(),
                System.nanoTime() - answer.startNanos(), smallBody));
    }

    /**
     * A handler returns every answer; one that fails anyway is a bug, answered with a 500 and logged. A plain
     * request on a TLS port goes to the handler for those (a redirect to https).
     */
    private Response handle(RequestHead request, RequestContext requestContext) {
        RequestHandler handler = unencryptedOnTlsPort() ? context.unencrypted().get() : context.handler();
        try {
            return handler.handle(request, requestContext);
        } catch (RuntimeException e) {
            log.error("handler failed on {}", request.requestLine(), e);
            return ErrorPages.of(HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }

    private boolean unencryptedOnTlsPort() {
        return context.unencrypted().isPresent() && !transport.secure();
    }

    /** On a TLS port, which way this request came (the access log says); on a plain port, nothing. */
    private String scheme() {
        return context.unencrypted().isEmpty() ? null : transport.secure() ? "https" : "http";
    }

    /** The handshake's line comes once, before the connection's first request. */
    private void traceHandshakeOnce() {
        if (!handshakeTraced) {
            handshakeTraced = true;
            transport.handshake().ifPresent(summary -> context.trace().handshake(id, summary));
        }
    }

    /**
     * Whether the body is behind the connection once the handler has answered. A handler that reads the body
     * (an upload) reads it all; for any other the body is of no use, but the next request must not be read out
     * of it (RFC 9112 §6.3), and the server must not wait for it either: the answer never depends on it. What is
     * left of a body up to 1 MiB that has already arrived is discarded and the connection goes on. One still on
     * its way, a larger one, or the rest of a chunked one is never read: the answer says {@code Connection:
     * close}. That is also the answer to {@code Expect: 100-continue} when the body is not wanted: the final
     * status at once instead of 100 (RFC 9110 §10.1.1).
     *
     * @return whether the connection is free of the body
     */
    private boolean bodyGone(RequestHead request, RequestBody body) throws IOException {
        if (body.fullyRead()) {
            return true;
        }
        if (request.hasTransferEncoding() || !(body instanceof ConnectionBody unread)) {
            return false;
        }
        return unread.unread() <= MAX_DISCARDED_BODY && input.discardReceived(unread.unread());
    }
}
