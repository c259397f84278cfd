package httpd.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request's content, for the handler that wants it (an upload): read as a stream, never held whole. A handler
 * that does not read it leaves it to the server, which discards it or closes the connection (RFC 9112 §6.3).
 *
 * <p>Nothing is read before the handler asks: a client that sent {@code Expect: 100-continue} gets its
 * {@code 100 Continue} only at the first read (RFC 9110 §10.1.1), so a refusal decided from the head alone (413,
 * 401, 409) reaches it before it sends a byte.
 */
public interface RequestBody {
    /** The body of a request that has none. */
    RequestBody NONE = new RequestBody() {
        @Override
        public long declaredLength() {
            return 0;
        }

        @Override
        public InputStream open() {
            return InputStream.nullInputStream();
        }

        @Override
        public boolean fullyRead() {
            return true;
        }
    };

    /** The Content-Length, -1 when the body is chunked and its length unknown until its end; 0 when there is none. */
    long declaredLength();

    /**
     * The body's bytes, decoded from the chunked coding when it has one; the stream ends where the body ends. A
     * read fails with a {@link RequestBodyException} for a malformed chunked body (400) or a client that stops
     * sending for longer than the server allows (408), with another {@link IOException} when the connection is
     * lost.
     */
    InputStream open() throws IOException;

    /** Whether the whole body has been read, so the next request on the connection starts where it ends. */
    boolean fullyRead();

    /** Whether the request has content at all. */
    default boolean isPresent() {
        return declaredLength() != 0;
    }
}
