package httpd.server;

import httpd.http.Body;
import httpd.http.HttpMethod;
import httpd.http.HttpVersion;
import httpd.http.RequestHead;
import httpd.http.Response;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Puts an answer on the wire: its head ({@link ResponseHeadBytes}), then its body, through the connection's
 * {@link Transport}. A small body leaves in the same write as the head; a file region streams from the file.
 * This is the one place that decides that a HEAD gets the head of a GET and no body.
 */
final class ResponseWriter {
    /**
     * A file is sent this much at a time: a blocking send returns only once it has sent it all, so this is the
     * grain at which the watchdog sees a download's progress. At 128 KiB a client reading at 26 KiB/s or more
     * completes a chunk in every window of {@link SendRateFloor}, which is over its floor, so it is never cut;
     * smaller chunks would only cost more system calls.
     */
    private static final long FILE_CHUNK = 128 * 1024;
    private static final byte[] NO_BYTES = new byte[0];
    /** A produced body leaves in pieces of up to this much, each a chunk on HTTP/1.1. */
    private static final int PRODUCED_PIECE = 64 * 1024;

    private final Transport transport;
    private final ResponseHeadBytes head;
    private final SendProgress progress;
    /** Head and body for one gathering write, reused: a response makes no garbage on its way out. */
    private final ByteBuffer[] headAndBody = new ByteBuffer[2];
    /** The in-memory body last written whole with its head, and where it began, until {@link #takeSentBody}. */
    private ByteBuffer sentBody;
    private int sentBodyStart;

    ResponseWriter(Transport transport, ResponseHeadBytes head, SendProgress progress) {
        this.transport = transport;
        this.head = head;
        this.progress = progress;
    }

    /**
     * The body that goes on the wire: none for HEAD (RFC 9110 §9.3.2) or for a status that has no content
     * (1xx, 204, 304: RFC 9110 §6.4.1), though the head still describes the body a GET would get.
     */
    static Body bodyToSend(Answer answer) {
        Response response = answer.response();
        RequestHead request = answer.request();
        boolean head = request != null && HttpMethod.HEAD.name().equals(request.method());
        return head || response.status().forbidsContent() ? Body.EMPTY : response.body();
    }

    /**
     * Writes the answer, then closes its response, the body it did not send too. {@link SendProgress} tells how
     * much of the body went out, also when the write failed.
     *
     * @param transfer whether this runs on a transfer thread (only such a send may be cut to give way)
     * @throws IOException when the client went away, or the file shrank while it was being sent (the
     *                     connection must then close, so the client never takes a short body as whole)
     */
    void write(Answer answer, boolean transfer) throws IOException {
        progress.started(System.nanoTime(), transfer);
        try (Response response = answer.response()) {
            writeResponse(answer, response);
        } finally {
            progress.finished();
        }
    }

    /**
     * The body last sent from memory, when it went out whole and is at most {@code limit} bytes, for a trace to
     * show; else no bytes. Either way the writer lets go of it, so an idle connection holds no body.
     */
    byte[] takeSentBody(int limit) {
        ByteBuffer body = sentBody;
        sentBody = null;
        if (body == null || body.hasRemaining() || body.position() - sentBodyStart > limit) {
            return NO_BYTES;
        }
        byte[] copy = new byte[body.position() - sentBodyStart];
        body.get(sentBodyStart, copy);
        return copy;
    }

    /** The head as it was last sent, for the wire trace. */
    String lastHead() {
        return head.lastHead();
    }

    private void writeResponse(Answer answer, Response response) throws IOException {
        long contentLength = response.status().forbidsContent() ? -1 : response.body().length();
        boolean chunked = isChunked(answer);
        ByteBuffer headBytes = head.format(chunked ? response.withHeader("Transfer-Encoding", "chunked") : response,
                contentLength, connectionField(answer));
        Body body = bodyToSend(answer);
        if (body.length() == 0) {
            writeHead(headBytes);
        } else if (body instanceof Body.Stream stream) {
            writeHead(headBytes);
            progress.waitsForEvents();
            progress.streamEnded(stream.source().writeTo(transport.channel()));
        } else if (body instanceof Body.Gzipped gzipped) {
            writeHead(headBytes);
            new GzipSender(transport, progress).send(gzipped, chunked);
        } else if (body instanceof Body.Produced produced) {
            writeHead(headBytes);
            sendProduced(produced, chunked);
        } else if (body instanceof Body.Bytes bytes) {
            writeFully(headBytes, ByteBuffer.wrap(bytes.bytes()));
        } else if (body instanceof Body.Buffer buffer) {
            writeFully(headBytes, buffer.buffer().duplicate());
        } else if (body instanceof Body.FileRegion region && region.length() <= Body.SMALL_BYTES) {
            writeFully(headBytes, readSmallFile(region));
        } else {
            writeHead(headBytes);
            writeBody(body);
        }
    }

    /**
     * Whether the body goes chunked (RFC 9112 §7.1): one made as it is sent, to an HTTP/1.1 client. The head
     * of a HEAD says so too, as the head of the GET would (RFC 9110 §9.3.2).
     */
    static boolean isChunked(Answer answer) {
        RequestHead request = answer.request();
        return isMadeAsSent(answer.response().body()) && !answer.response().status().forbidsContent()
                && request != null && request.version() == HttpVersion.HTTP_1_1;
    }

    /**
     * Whether a body is made as it is sent, so that it can go chunked: gzip-encoded or produced. An event stream
     * is not: it is sent as it is and lasts as long as the connection.
     */
    static boolean isMadeAsSent(Body body) {
        return body instanceof Body.Gzipped || body instanceof Body.Produced;
    }

    /**
     * Runs a produced body's producer. Its writes are gathered into pieces of {@link #PRODUCED_PIECE}, since a
     * producer may write a few bytes at a time (a ZIP header goes out byte by byte), and each piece leaves as
     * one chunk. A producer that fails leaves the body without its last chunk.
     */
    private void sendProduced(Body.Produced produced, boolean chunked) throws IOException {
        ChunkedOutput chunks = new ChunkedOutput(transport, progress, chunked);
        BufferedOutputStream out = new BufferedOutputStream(chunks, PRODUCED_PIECE);
        produced.producer().writeTo(out, () -> progress.progressed(0));
        out.flush();
        chunks.finish();
    }

    /**
     * What the connection says about itself (RFC 9112 §9.3): {@code close} when it closes after this answer;
     * {@code keep-alive} when an HTTP/1.0 connection persists, which 1.0 clients need spelled out; else nothing.
     */
    private static String connectionField(Answer answer) {
        if (answer.afterwards() != Answer.Afterwards.PERSIST) {
            return "close";
        }
        return answer.request().version() == HttpVersion.HTTP_1_0 ? "keep-alive" : null;
    }

    private void writeBody(Body body) throws IOException {
        if (body instanceof Body.Bytes bytes) {
            writeBodyFully(ByteBuffer.wrap(bytes.bytes()));
        } else if (body instanceof Body.Buffer buffer) {
            writeBodyFully(buffer.buffer().duplicate());
        } else if (body instanceof Body.FileRegion region) {
            sendFile(region);
        } else if (body instanceof Body.Parts parts) {
            for (Body part : parts.parts()) {
                writeBody(part);
            }
        }
    }

    private static ByteBuffer readSmallFile(Body.FileRegion region) throws IOException {
        ByteBuffer bytes = region.read();
        if (bytes.remaining() < region.length()) {
            throw new TruncatedFileException();
        }
        return bytes;
    }

    private void sendFile(Body.FileRegion region) throws IOException {
        FileChannel file = region.channel();
        long position = region.offset();
        long end = region.offset() + region.length();
        while (position < end) {
            long sent = transport.sendFile(file, position, Math.min(FILE_CHUNK, end - position));
            if (sent <= 0 && position >= file.size()) {
                throw new TruncatedFileException();
            }
            position += sent;
            progress.progressed(sent);
        }
    }

    /** Writes a head without a body. */
    private void writeHead(ByteBuffer headBytes) throws IOException {
        while (headBytes.hasRemaining()) {
            transport.write(headBytes);
            progress.progressed(0);
        }
    }

    private void writeBodyFully(ByteBuffer body) throws IOException {
        while (body.hasRemaining()) {
            progress.progressed(transport.write(body));
        }
    }

    /** Writes a head and a body together, in as few writes as the transport allows. */
    private void writeFully(ByteBuffer headBytes, ByteBuffer body) throws IOException {
        headAndBody[0] = headBytes;
        headAndBody[1] = body;
        sentBody = body;
        try {
            int bodyStart = body.position();
            sentBodyStart = bodyStart;
            while (body.hasRemaining()) {
                transport.write(headAndBody);
                progress.progressed(body.position() - bodyStart - progress.bodyBytesSent());
            }
        } finally {
            headAndBody[0] = null;
            headAndBody[1] = null;
        }
    }

    /** The file got shorter than the Content-Length already promised. */
    static final class TruncatedFileException extends IOException {
        private static final long serialVersionUID = 1L;

        TruncatedFileException() {
            super("file shrank while it was being sent");
        }
    }
}
