package httpd.http;

import java.util.Optional;

/**
 * The request methods httpd knows by name (RFC 9110 §9). Methods are case-sensitive, so {@code get} is not
 * {@link #GET}: it is a method httpd does not know, and earns a 501.
 */
public enum HttpMethod {
    GET, HEAD, OPTIONS, POST, PUT, DELETE, PATCH, CONNECT, TRACE;

    /** {@code values()} clones its array on every call; this is looked up once per request. */
    private static final HttpMethod[] ALL = values();

    /** The method with exactly this name, or empty for a method httpd does not implement. */
    public static Optional<HttpMethod> byName(String name) {
        for (HttpMethod method : ALL) {
            if (method.name().equals(name)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
