package httpd.server;

import httpd.http.Body;
import httpd.http.RequestBody;
import httpd.http.RequestHead;
import httpd.http.Response;

/**
 * A response decided and not yet sent, with what it answers and what becomes of the connection after it.
 *
 * @param request     the request it answers, or null for a request that could not be read or parsed
 * @param response    what the handler (or the connection, for a refusal) decided; closed once sent
 * @param afterwards  what becomes of the connection once it is out
 * @param startNanos  when the request began to be answered ({@link System#nanoTime()}), for the access log
 * @param told        what a trace is told of it besides the response's bytes; null while nobody traces
 * @param body        the request's body, while the answer awaits a handler that may read it; else null
 */
record Answer(RequestHead request, Response response, Afterwards afterwards, long startNanos, Told told,
        RequestBody body) {
    Answer(RequestHead request, Response response, Afterwards afterwards, long startNanos) {
        this(request, response, afterwards, startNanos, null, null);
    }

    Answer(RequestHead request, Response response, Afterwards afterwards, long startNanos, Told told) {
        this(request, response, afterwards, startNanos, told, null);
    }

    /**
     * A request with a body that a handler may read (an upload), not decided yet: that happens on a transfer
     * thread ({@link Exchange#decide(Answer)}).
     */
    static Answer awaitingBody(RequestHead request, RequestBody body, long startNanos, Told told) {
        return new Answer(request, null, Afterwards.CLOSE, startNanos, told, body);
    }

    /** Whether the answer is still to be decided, with the request's body, on a transfer thread. */
    boolean awaitsBody() {
        return response == null;
    }

    /**
     * The request as a trace sees it.
     *
     * @param number  the how-many-th request on the connection
     * @param rawHead its head exactly as received
     * @param why     the decisions taken on the way to the answer
     */
    record Told(int number, byte[] rawHead, RecordedWhy why) {
    }

    /** What becomes of the connection once an answer is out (RFC 9112 §9.3, §9.6). */
    enum Afterwards {
        /** It persists: the next request may follow on it. */
        PERSIST,
        /** It closes: the client asked for that, the server is stopping, or the request's framing was lost. */
        CLOSE,
        /**
         * It closes, but not at once: a request body was left unread, and closing a socket with unread bytes
         * makes TCP reset the connection, which can destroy an answer the client has not read yet.
         */
        LINGER_THEN_CLOSE
    }

    /**
     * Whether sending may take long: a body over {@link Body#SMALL_BYTES}, or one of unknown length (a stream),
     * which a slow client may take minutes to read. Such an answer goes out on a transfer thread. A HEAD never
     * does: its body is not sent ({@link ResponseWriter#bodyToSend}).
     */
    boolean takesLong() {
        long length = ResponseWriter.bodyToSend(this).length();
        return length < 0 || length > Body.SMALL_BYTES;
    }
}
