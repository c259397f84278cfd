package httpd.http;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What a handler may know of a request beyond its head: who sent it, and where the decisions taken on the way are
 * told.
 *
 * @param client the client's address; null where nobody knows it (a handler called from a test)
 * @param why    where decisions go ({@link Why#NONE} when nobody listens)
 */
public record RequestContext(InetAddress client, Why why) {
    /** No client known, nobody listening. */
    public static final RequestContext NONE = new RequestContext(null, Why.NONE);

    public RequestContext {
        Objects.requireNonNull(why, "why");
    }
}
