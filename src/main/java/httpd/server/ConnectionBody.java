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
    /** Where the watchdog sees the body arrive, so that a trickling upload gives way like a trickling download. */
    private final SendProgress progress;
    private final boolean onTransferThread;
    private long remaining;
    private ChunkedInput chunked;
    private boolean opened;

    /**
     * @param stallMillis      how long a read may wait for the client's next bytes
     * @param progress         the connection's, which the watchdog reads
     * @param onTransferThread whether the body is read on a transfer thread, where a slow one gives way
     */
    ConnectionBody(RequestHead request, ConnectionInput input, Transport transport, int stallMillis,
            SendProgress progress, boolean onTransferThread) {
        this.request = request;
        this.input = input;
        this.transport = transport;
        this.stallMillis = stallMillis;
        this.progress = progress;
        this.onTransferThread = onTransferThread;
        this.remaining = Math.max(0, request.contentLength());
    }

    /** The body of this request, or {@link RequestBody#NONE} when it has none. */
    static RequestBody of(RequestHead request, ConnectionInput input, Transport transport, int stallMillis,
            SendProgress progress, boolean onTransferThread) {
        if (!request.hasTransferEncoding() && request.contentLength() <= 0) {
            return RequestBody.NONE;
        }
        return new ConnectionBody(request, input, transport, stallMillis, progress, onTransferThread);
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
        // the watchdog's rate floor counts these bytes as it counts a download's; the response's own
        // bytes are counted afresh when it starts (ResponseWriter)
        progress.started(System.nanoTime(), onTransferThread);
        InputStream raw = new Raw();
        if (request.hasTransferEncoding()) {
            chunked = new ChunkedInput(raw);
            return new EndTold(chunked);
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

    /** RFC 9112 §8: a message cut short is incomplete, and nothing of it is kept. */
    private static RequestBodyException cutOff(String why) {
        return new RequestBodyException(HttpStatus.BAD_REQUEST, "the upload was cut off (" + why + ")", "RFC 9112 §8");
    }

    private boolean expectsContinue() {
        return request.version() == HttpVersion.HTTP_1_1 && request.headers().hasToken("Expect", "100-continue");
    }

    /** A chunked body's end, told to the watchdog: what follows (saving the file) is no stall of the client's. */
    private final class EndTold extends java.io.FilterInputStream {
        EndTold(InputStream decoded) {
            super(decoded);
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            int count = in.read(target, offset, length);
            if (count < 0) {
                progress.finished();
            }
            return count;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int count = read(one, 0, 1);
            return count < 0 ? -1 : one[0] & 0xff;
        }
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
            int count;
            try {
                count = input.readBody(target, offset, wanted, stallMillis);
            } catch (IOException e) {
                progress.finished();
                throw cutOff(e.getMessage()); // a reset, or the watchdog's cut: the client's side failed
            }
            if (count == 0) {
                progress.finished();
                throw new RequestBodyException(HttpStatus.REQUEST_TIMEOUT,
                        "no bytes of the body for " + stallMillis / 1000 + " s", "RFC 9110 §15.5.9");
            }
            if (count < 0) {
                progress.finished();
                throw cutOff("the client closed the connection");
            }
            progress.progressed(count);
            if (bounded) {
                remaining -= count;
                if (remaining == 0) {
                    progress.finished();
                }
            }
            return count;
        }
    }
}
