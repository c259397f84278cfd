package httpd.server;

import httpd.http.RequestHead;
import java.util.List;

/**
 * One exchange as a trace sees it once its answer is out: the request as received and as parsed, the decisions
 * taken and why, and the response head as sent.
 *
 * @param connection   the connection's number
 * @param client       the client's address and port
 * @param number       the how-many-th request on the connection (1 for the first)
 * @param rawHead      the request head exactly as received
 * @param request      the parsed head, or null when it could not be parsed
 * @param why          the decisions, one line each, the rule behind each at its end
 * @param responseHead the response head exactly as sent (ISO-8859-1)
 * @param status       the response's status code
 * @param contentType  the response's Content-Type, or null
 * @param bodyBytes    the body bytes sent
 * @param elapsedNanos from the head being taken up to the last byte written
 * @param smallBody    the body's bytes when they went out whole with the head and are at most {@link #SMALL_BODY}
 *                     long (an error page, a small file, a listing); otherwise empty
 */
public record Exchanged(long connection, String client, int number, byte[] rawHead, RequestHead request,
        List<String> why, String responseHead, int status, String contentType, long bodyBytes, long elapsedNanos,
        byte[] smallBody) {
    /** A body up to this long is kept for a trace to show; a larger one only by its size. */
    public static final int SMALL_BODY = 4 * 1024;

    public Exchanged {
        why = List.copyOf(why);
    }
}
