package httpd.server;

import httpd.http.Body;
import httpd.http.HeaderField;
import httpd.http.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Puts a response on the wire: the status line and headers (RFC 9112 §4, §5), then the body. Small bodies
 * leave in the same write as the head; large files go from the page cache to the socket with
 * {@link FileChannel#transferTo} (sendfile), never through the Java heap.
 */
final class ResponseWriter {
    /** Files up to this size are read into memory and sent with the head in one write. */
    private static final int SMALL_FILE_BYTES = 32 * 1024;

    private final SocketChannel channel;
    private final String serverName;
    private final List<HeaderField> extraHeaders;
    private final PerSecondText date;
    /**
     * sendfile is asked for this much at a time: a blocking call returns only once it has sent it all, so this is
     * the grain at which the watchdog sees a download's progress. At 128 KiB a client reading at 26 KiB/s or
     * more completes a chunk in every window of {@link SendRateFloor}, which is over its floor, so it is never
     * cut; smaller chunks would only cost more system calls.
     */
    private static final long TRANSFER_CHUNK = 128 * 1024;
    /** The response head being written, as bytes: built in place, no String on the way. */
    private byte[] head = new byte[512];
    private int headLength;
    private ByteBuffer headBuffer = ByteBuffer.wrap(head);
    /** Head and body for one gathering write, reused: a response makes no garbage on its way out. */
    private final ByteBuffer[] headAndBody = new ByteBuffer[2];
    private volatile boolean writing;
    private volatile long startNanos;
    private volatile long lastProgressNanos;
    /** Written only by the thread writing the response; read by the watchdog and for the access log. */
    private volatile long bodyBytesSent;

    /**
     * @param extraHeaders headers added to every response (from {@code --header}); each one replaces a
     *                     header of the same name that httpd would otherwise send
     */
    ResponseWriter(SocketChannel channel, String serverName, List<HeaderField> extraHeaders, PerSecondText date) {
        this.channel = channel;
        this.serverName = serverName;
        this.extraHeaders = extraHeaders;
        this.date = date;
    }

    /**
     * What the connection says about itself in the head: nothing, {@code close}, or {@code keep-alive}
     * (only HTTP/1.0 clients need that one spelled out).
     */
    enum ConnectionHeader { NONE, CLOSE, KEEP_ALIVE }

    /**
     * Writes the response.
     *
     * @param withBody false for HEAD: the same head, no body
     * @return the number of body bytes sent
     * @throws IOException when the client went away, or the file shrank while it was being sent (the
     *                     connection must then close, so the client never takes a short body as whole);
     *                     {@link #bodyBytesSent} then tells how much did go out
     */
    long write(Response response, boolean withBody, ConnectionHeader connection) throws IOException {
        bodyBytesSent = 0;
        long now = System.nanoTime();
        startNanos = now;
        lastProgressNanos = now;
        writing = true;
        try {
            return writeResponse(response, withBody, connection);
        } finally {
            writing = false;
        }
    }

    /** Whether a write has been blocked for longer than {@code nanos}: the client stopped reading. */
    boolean isStalled(long now, long nanos) {
        return writing && now - lastProgressNanos > nanos;
    }

    /** Whether a response is being written (an event stream waiting for its next event is not). */
    boolean isWriting() {
        return writing;
    }

    /** When the response being written, or the last one, started. */
    long startNanos() {
        return startNanos;
    }

    /** The body bytes of the response being written, or the last one, that went out so far. */
    long bodyBytesSent() {
        return bodyBytesSent;
    }

    private long writeResponse(Response response, boolean withBody, ConnectionHeader connection) throws IOException {
        Body body = response.body();
        boolean hasContent = !response.status().forbidsContent();
        ByteBuffer headBytes = formatHead(response, hasContent, connection);
        if (!withBody || !hasContent || body.length() == 0) {
            writeFully(headBytes);
            return 0;
        }
        if (body instanceof Body.Stream stream) {
            writeFully(headBytes);
            writing = false; // a stream waits for events between writes; that is not a stall
            bodyBytesSent = stream.source().writeTo(channel);
            return bodyBytesSent;
        }
        if (body instanceof Body.Bytes bytes) {
            writeFully(headBytes, ByteBuffer.wrap(bytes.bytes()));
        } else if (body instanceof Body.Buffer buffer) {
            writeFully(headBytes, buffer.buffer().duplicate());
        } else if (body instanceof Body.FileRegion region && region.length() <= SMALL_FILE_BYTES) {
            writeFully(headBytes, readSmallFile(region));
        } else {
            writeFully(headBytes);
            writeBody(body);
        }
        return body.length();
    }

    private void writeBody(Body body) throws IOException {
        if (body instanceof Body.Bytes bytes) {
            writeBodyFully(ByteBuffer.wrap(bytes.bytes()));
        } else if (body instanceof Body.Buffer buffer) {
            writeBodyFully(buffer.buffer().duplicate());
        } else if (body instanceof Body.FileRegion region) {
            transferFile(region);
        } else if (body instanceof Body.Parts parts) {
            for (Body part : parts.parts()) {
                writeBody(part);
            }
        }
    }

    /** The head as it was last sent, for the wire trace. */
    String lastHead() {
        return new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
    }

    private ByteBuffer formatHead(Response response, boolean hasContent, ConnectionHeader connection) {
        headLength = 0;
        append("HTTP/1.1 ").append(response.status().code()).append(" ").append(response.status().reason()).crlf();
        appendUnlessReplaced("Date", date.now());
        appendUnlessReplaced("Server", serverName);
        for (HeaderField field : response.headers()) {
            appendUnlessReplaced(field.name(), field.value());
        }
        for (HeaderField field : extraHeaders) {
            append(field.name()).append(": ").append(field.value()).crlf();
        }
        if (hasContent && response.body().length() >= 0) {
            append("Content-Length: ").append(response.body().length()).crlf();
        }
        switch (connection) {
            case CLOSE -> append("Connection: close").crlf();
            case KEEP_ALIVE -> append("Connection: keep-alive").crlf();
            case NONE -> { }
        }
        crlf();
        if (headBuffer.array() != head) {
            headBuffer = ByteBuffer.wrap(head);
        }
        return headBuffer.clear().limit(headLength);
    }

    private void appendUnlessReplaced(String name, String value) {
        for (HeaderField extra : extraHeaders) {
            if (extra.hasName(name)) {
                return;
            }
        }
        append(name).append(": ").append(value).crlf();
    }

    /** Header text is Latin-1 on the wire (RFC 9110 §5.5); httpd only ever sends ASCII. */
    private ResponseWriter append(String text) {
        int length = text.length();
        ensureRoom(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            head[headLength++] = (byte) (c <= 0xff ? c : '?');
        }
        return this;
    }

    private ResponseWriter append(long number) {
        if (number < 0) {
            return append(Long.toString(number));
        }
        int digits = 1;
        for (long rest = number / 10; rest > 0; rest /= 10) {
            digits++;
        }
        ensureRoom(digits);
        for (int i = headLength + digits - 1; i >= headLength; i--) {
            head[i] = (byte) ('0' + number % 10);
            number /= 10;
        }
        headLength += digits;
        return this;
    }

    private void crlf() {
        ensureRoom(2);
        head[headLength++] = '\r';
        head[headLength++] = '\n';
    }

    private void ensureRoom(int bytes) {
        if (headLength + bytes > head.length) {
            head = Arrays.copyOf(head, Math.max(head.length * 2, headLength + bytes));
        }
    }

    private static ByteBuffer readSmallFile(Body.FileRegion region) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) region.length());
        long position = region.offset();
        while (bytes.hasRemaining()) {
            int read = region.channel().read(bytes, position);
            if (read < 0) {
                throw new TruncatedFileException();
            }
            position += read;
        }
        return bytes.flip();
    }

    private void transferFile(Body.FileRegion region) throws IOException {
        FileChannel file = region.channel();
        long position = region.offset();
        long end = region.offset() + region.length();
        while (position < end) {
            long sent = file.transferTo(position, Math.min(TRANSFER_CHUNK, end - position), channel);
            if (sent <= 0 && position >= file.size()) {
                throw new TruncatedFileException();
            }
            position += sent;
            progressed(sent);
        }
    }

    /** Writes a head without a body. */
    private void writeFully(ByteBuffer head) throws IOException {
        while (head.hasRemaining()) {
            channel.write(head);
            progressed(0);
        }
    }

    private void writeBodyFully(ByteBuffer body) throws IOException {
        while (body.hasRemaining()) {
            progressed(channel.write(body));
        }
    }

    /** Writes a head and a body together, in as few writes as the socket allows. */
    private void writeFully(ByteBuffer head, ByteBuffer body) throws IOException {
        headAndBody[0] = head;
        headAndBody[1] = body;
        try {
            int bodyStart = body.position();
            while (body.hasRemaining()) {
                channel.write(headAndBody);
                progressed(body.position() - bodyStart - bodyBytesSent);
            }
        } finally {
            headAndBody[0] = null;
            headAndBody[1] = null;
        }
    }

    private void progressed(long bodyBytes) {
        bodyBytesSent += bodyBytes; // only this thread writes it
        lastProgressNanos = System.nanoTime();
    }

    /** The file got shorter than the Content-Length already promised. */
    static final class TruncatedFileException extends IOException {
        private static final long serialVersionUID = 1L;

        TruncatedFileException() {
            super("file shrank while it was being sent");
        }
    }
}
