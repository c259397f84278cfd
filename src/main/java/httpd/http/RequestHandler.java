package httpd.http;

/**
 * Decides the response to one request. It never touches a socket. A request it refuses is answered with a
 * response too (an {@link ErrorPages} page): a handler returns every answer, it never throws one.
 */
@FunctionalInterface
public interface RequestHandler {
    Response handle(RequestHead request);
}
