package httpd.server;

import httpd.http.ChunkedInput;
import httpd.http.HttpStatus;
import httpd.http.HttpVersion;
import httpd.http.RequestBody;
import httpd.http.RequestBodyException;
import httpd.http.RequestHead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The body of one request, read from the connection only when the handler asks: Content-Length bytes, or chunks
 * up to the last one (RFC 9112 §6.3). A client that stops sending for longer than the stall timeout is answered
 * 408; one that closes mid-body has lost its request.
 */
final class ConnectionBody implements RequestBody {
    /** RFC 9110 §10.1.1: sent before the first read when the client waits for it. */
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final RequestHead request;
    private final ConnectionInput input;
    private final Transport transport;
    private final int stallMillis;
    private long remaining;
    private ChunkedInput chunked;
    private boolean opened;

    /** @param stallMillis how long a read may wait for the client's next bytes */
    ConnectionBody(RequestHead request, ConnectionInput input, Transport transport, int stallMillis) {
        this.request = request;
        this.input = input;
        this.transport = transport;
        this.stallMillis = stallMillis;
        this.remaining = Math.max(0, request.contentLength());
    }

    /** The body of this request, or {@link RequestBody#NONE} when it has none. */
    static RequestBody of(RequestHead request, ConnectionInput input, Transport transport, int stallMillis) {
        if (!request.hasTransferEncoding() && request.contentLength() <= 0) {
            return RequestBody.NONE;
        }
        return new ConnectionBody(request, input, transport, stallMillis);
    }

    @Override
    public long declaredLength() {
        return request.hasTransferEncoding() ? -1 : request.contentLength();
    }

    @Override
    public InputStream open() throws IOException {
        if (opened) {
            throw new IllegalStateException("a request body is read once");
        }
        opened = true;
        if (expectsContinue() && !input.holdsBytes()) {
            transport.write(ByteBuffer.wrap(CONTINUE));
        }
        InputStream raw = new Raw();
        if (request.hasTransferEncoding()) {
            chunked = new ChunkedInput(raw);
            return chunked;
        }
        return raw;
    }

    @Override
    public boolean fullyRead() {
        return chunked != null ? chunked.ended() : !request.hasTransferEncoding() && remaining == 0;
    }

    /** The bytes still to come of a Content-Length body, for the server to discard when the handler left them. */
    long unread() {
        return request.hasTransferEncoding() ? -1 : remaining;
    }

    /** Whether this body has been opened by a handler. */
    boolean opened() {
        return opened;
    }

    private boolean expectsContinue() {
        return request.version() == HttpVersion.HTTP_1_1 && request.headers().hasToken("Expect", "100-continue");
    }

    /** The connection's bytes after the head: bounded by Content-Length, or up to the chunked decoder's end. */
    private final class Raw extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int count = read(one, 0, 1);
            return count < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            boolean bounded = !request.hasTransferEncoding();
            if (bounded && remaining == 0) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int wanted = bounded ? (int) Math.min(length, remaining) : length;
            int count = input.readBody(target, offset, wanted, stallMillis);
            if (count == 0) {
                throw new RequestBodyException(HttpStatus.REQUEST_TIMEOUT,
                        "no bytes of the body for " + stallMillis / 1000 + " s", "RFC 9110 §15.5.9");
            }
            if (count < 0) {
                throw new IOException("the client closed the connection in the middle of the body");
            }
            if (bounded) {
                remaining -= count;
            }
            return count;
        }
    }
}
