package httpd.http;

import java.util.Optional;

/**
 * The request methods httpd knows by name (RFC 9110 §9). Methods are case-sensitive, so {@code get} is not
 * {@link #GET}: it is a method httpd does not know, and earns a 501.
 */
public enum HttpMethod {
    GET, HEAD, OPTIONS, POST, PUT, DELETE, PATCH, CONNECT, TRACE;

    /** The method with exactly this name, or empty for a method httpd does not implement. */
    public static Optional<HttpMethod> byName(String name) {
        for (HttpMethod method : values()) {
            if (method.name().equals(name)) {
                return Optional.of(method);
            }
        }
        return Optional.empty();
    }
}
