package httpd.http;

/**
 * Decides the response to one request. It never touches a socket. A request it refuses is answered with a
 * response too (an {@link ErrorPages} page): a handler returns every answer, it never throws one.
 */
@FunctionalInterface
public interface RequestHandler {
    Response handle(RequestHead request);

    /**
     * The same answer, with the client known and the decisions told to {@link RequestContext#why()}. The server
     * calls this one; a handler that explains itself or wraps another overrides it and passes the context on.
     */
    default Response handle(RequestHead request, RequestContext context) {
        return handle(request);
    }
}
