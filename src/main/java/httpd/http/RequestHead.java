package httpd.http;

import java.util.Objects;

/**
 * A parsed request line and header section (RFC 9112 §2.1): everything before the body.
 *
 * @param method        the method token exactly as sent (methods are case-sensitive)
 * @param target        the request-target as sent, still percent-encoded
 * @param version       HTTP/1.0 or HTTP/1.1 (also for a later HTTP/1.x, RFC 9110 §6.2)
 * @param headers       the header fields in the order received
 * @param contentLength the validated Content-Length, or -1 when the request has none
 */
public record RequestHead(String method, String target, HttpVersion version, Headers headers, long contentLength) {
    public RequestHead {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(headers, "headers");
    }

    /** The request line as it appeared on the wire, for the access log; a later HTTP/1.x shows as HTTP/1.1. */
    public String requestLine() {
        return method + " " + target + " " + version.text();
    }

    /** The same request with other header fields (a handler rewriting what it passes on). */
    public RequestHead withHeaders(Headers newHeaders) {
        return new RequestHead(method, target, version, newHeaders, contentLength);
    }

    public boolean hasTransferEncoding() {
        return headers.contains("Transfer-Encoding");
    }

    /**
     * RFC 9112 §9.3: HTTP/1.1 connections persist unless the client says {@code close}; HTTP/1.0 ones close
     * unless it says {@code keep-alive}.
     */
    public boolean wantsPersistentConnection() {
        if (headers.hasToken("Connection", "close")) {
            return false;
        }
        return version == HttpVersion.HTTP_1_1 || headers.hasToken("Connection", "keep-alive");
    }
}
