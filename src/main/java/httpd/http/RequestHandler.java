package httpd.http;

/** Decides the response to one request. It never touches a socket. */
@FunctionalInterface
public interface RequestHandler {
    /**
     * @throws HttpException for a request refused with a status (the connection loop answers it)
     */
    Response handle(RequestHead request) throws HttpException;
}
