package httpd.tls;

import httpd.http.ErrorPages;
import httpd.http.HttpStatus;
import httpd.http.RequestHandler;
import httpd.http.RequestHead;
import httpd.http.Response;
import java.util.Locale;
import java.util.Optional;

/**
 * The answer to plain HTTP on a TLS port: the same URL over https, so that a typed {@code http://} or an old
 * bookmark keeps working.
 *
 * <p>307, not 301 or 308: a permanent redirect is cached by browsers with no end, and tomorrow the same port may
 * serve plain HTTP (httpd started without {@code --tls}); the cached redirect would then send every visit to a
 * port that no longer speaks TLS. 307 is never cached unless told to be, and keeps the method (RFC 9110 §15.4.8).
 */
public final class RedirectToHttps implements RequestHandler {
    @Override
    public Response handle(RequestHead request) {
        Optional<String> location = location(request);
        if (location.isEmpty()) {
            return ErrorPages.of(HttpStatus.BAD_REQUEST, "this port speaks HTTPS: connect with https://");
        }
        return ErrorPages.of(HttpStatus.TEMPORARY_REDIRECT, "this port speaks HTTPS: " + location.get())
                .withHeader("Location", location.get())
                .withHeader("Cache-Control", "no-store");
    }

    /** https:// + the Host the client used + the target, or empty without a Host (HTTP/1.0) or for {@code *}. */
    static Optional<String> location(RequestHead request) {
        String target = request.target();
        if (target.toLowerCase(Locale.ROOT).startsWith("http://")) {
            return Optional.of("https://" + target.substring("http://".length()));
        }
        if (!target.startsWith("/")) {
            return Optional.empty();
        }
        return request.headers().first("Host").filter(host -> !host.isEmpty()).map(host -> "https://" + host + target);
    }
}
