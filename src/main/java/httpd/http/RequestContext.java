package httpd.http;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What a handler may know of a request beyond its head: who sent it, where the decisions taken on the way are
 * told, and the body, for a handler that reads one.
 *
 * @param client the client's address; null where nobody knows it (a handler called from a test)
 * @param why    where decisions go ({@link Why#NONE} when nobody listens)
 * @param body   the request's content, read only if the handler asks ({@link RequestBody#NONE} when it has none)
 */
public record RequestContext(InetAddress client, Why why, RequestBody body) {
    /** No client known, nobody listening. */
    public static final RequestContext NONE = new RequestContext(null, Why.NONE);

    public RequestContext {
        Objects.requireNonNull(why, "why");
        Objects.requireNonNull(body, "body");
    }

    /** A request without a body. */
    public RequestContext(InetAddress client, Why why) {
        this(client, why, RequestBody.NONE);
    }

    /** The same request, its decisions told somewhere else. */
    public RequestContext withWhy(Why other) {
        return new RequestContext(client, other, body);
    }
}
