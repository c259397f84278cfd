package httpd.server;

import httpd.http.Body;
import httpd.http.HeaderField;
import httpd.http.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * Puts a response on the wire: the status line and headers (RFC 9112 §4, §5), then the body. Small bodies
 * leave in the same write as the head; large files go from the page cache to the socket with
 * {@link FileChannel#transferTo} (sendfile), never through the Java heap.
 *
 * <p>It never waits for the client: {@link #writeAvailable} writes what the socket takes and reports when the
 * client's receive window is full, so that the response can wait for it without a thread ({@link ParkedSends}).
 * Only live-reload event streams, which wait for events anyway, are written in blocking mode.
 */
final class ResponseWriter {
    /** Files up to this size are read into memory and sent with the head in one write. */
    private static final int SMALL_FILE_BYTES = 32 * 1024;
    /** sendfile is asked for this much at a time. */
    private static final long TRANSFER_CHUNK = 256 * 1024;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final SocketChannel channel;
    private final String serverName;
    private final List<HeaderField> extraHeaders;
    private final PerSecondText date;
    /** The response head being written, as bytes: built in place, no String on the way. */
    private byte[] head = new byte[512];
    private int headLength;
    private ByteBuffer headBuffer = ByteBuffer.wrap(head);
    /** The head and a small body, for one gathering write; reused, so a response makes no garbage on its way out. */
    private final ByteBuffer[] headAndBody = {EMPTY, EMPTY};
    /** The rest of the body after those: file regions and the parts of a multipart body, in order. */
    private final ArrayDeque<Body> rest = new ArrayDeque<>();
    /** Where the part at the front of {@link #rest} has got to: a buffer, or a position in its file. */
    private ByteBuffer partBytes;
    private long filePosition = -1;
    private Body.Stream stream;
    private long bodyLength;
    private volatile boolean writing;
    private volatile long lastProgressNanos;

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
     * Lines up a response: the head is formatted and the body queued; {@link #writeAvailable} then writes it.
     *
     * @param withBody false for HEAD: the same head, no body
     * @throws IOException when a small file cannot be read, or has shrunk
     */
    void begin(Response response, boolean withBody, ConnectionHeader connection) throws IOException {
        Body body = response.body();
        boolean hasContent = !response.status().forbidsContent();
        headAndBody[0] = formatHead(response, hasContent, connection);
        headAndBody[1] = EMPTY;
        rest.clear();
        partBytes = null;
        filePosition = -1;
        stream = null;
        bodyLength = 0;
        if (!withBody || !hasContent || body.length() == 0) {
            return;
        }
        if (body instanceof Body.Stream events) {
            stream = events;
        } else if (body instanceof Body.Bytes bytes) {
            headAndBody[1] = ByteBuffer.wrap(bytes.bytes());
        } else if (body instanceof Body.Buffer buffer) {
            headAndBody[1] = buffer.buffer().duplicate();
        } else if (body instanceof Body.FileRegion region && region.length() <= SMALL_FILE_BYTES) {
            headAndBody[1] = readSmallFile(region);
        } else {
            queue(body);
        }
        bodyLength = Math.max(0, body.length());
    }

    private void queue(Body body) {
        if (body instanceof Body.Parts parts) {
            parts.parts().forEach(this::queue);
        } else {
            rest.add(body);
        }
    }

    /**
     * Writes what the socket takes now, without waiting for the client.
     *
     * @return true when the whole response is out, and the socket blocks again (the next request is read in
     *         blocking mode); false when the client is not taking bytes: the socket is left in non-blocking mode,
     *         to be watched, and this is called again once it is writable
     * @throws IOException when the client went away, or the file shrank while it was being sent (the
     *                     connection must then close, so the client never takes a short body as whole)
     */
    boolean writeAvailable() throws IOException {
        if (!writing) {
            lastProgressNanos = System.nanoTime();
            writing = true;
        }
        if (stream != null) {
            return writeStream();
        }
        channel.configureBlocking(false);
        if (!writeHeadAndBody()) {
            return false;
        }
        while (!rest.isEmpty()) {
            if (!writePart(rest.peek())) {
                return false;
            }
            rest.poll();
            partBytes = null;
            filePosition = -1;
        }
        channel.configureBlocking(true);
        writing = false;
        return true;
    }

    /** The body bytes of the last response, once it is all out; for the access log. */
    long bodyBytesSent() {
        return writing ? 0 : bodyLength;
    }

    /** Whether a response has made no progress for longer than {@code nanos}: the client stopped reading. */
    boolean isStalled(long now, long nanos) {
        return writing && now - lastProgressNanos > nanos;
    }

    /** An event stream waits for its events on a transfer thread, so it is written in blocking mode. */
    private boolean writeStream() throws IOException {
        channel.configureBlocking(true);
        while (headAndBody[0].hasRemaining()) {
            channel.write(headAndBody[0]);
        }
        writing = false; // waiting for the next event is not a stall
        bodyLength = stream.source().writeTo(channel);
        stream = null;
        return true;
    }

    private boolean writeHeadAndBody() throws IOException {
        while (headAndBody[1].hasRemaining() || headAndBody[0].hasRemaining()) {
            if (channel.write(headAndBody) == 0) {
                return false;
            }
            lastProgressNanos = System.nanoTime();
        }
        return true;
    }

    private boolean writePart(Body part) throws IOException {
        if (part instanceof Body.FileRegion region) {
            return writeFile(region);
        }
        if (partBytes == null) {
            partBytes = part instanceof Body.Bytes bytes
                    ? ByteBuffer.wrap(bytes.bytes()) : ((Body.Buffer) part).buffer().duplicate();
        }
        while (partBytes.hasRemaining()) {
            if (channel.write(partBytes) == 0) {
                return false;
            }
            lastProgressNanos = System.nanoTime();
        }
        return true;
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

    private boolean writeFile(Body.FileRegion region) throws IOException {
        FileChannel file = region.channel();
        if (filePosition < 0) {
            filePosition = region.offset();
        }
        long end = region.offset() + region.length();
        while (filePosition < end) {
            long sent = file.transferTo(filePosition, Math.min(TRANSFER_CHUNK, end - filePosition), channel);
            if (sent <= 0) {
                if (filePosition >= file.size()) {
                    throw new TruncatedFileException();
                }
                return false; // the socket's buffer is full
            }
            filePosition += sent;
            lastProgressNanos = System.nanoTime();
        }
        return true;
    }

    /** The file got shorter than the Content-Length already promised. */
    static final class TruncatedFileException extends IOException {
        private static final long serialVersionUID = 1L;

        TruncatedFileException() {
            super("file shrank while it was being sent");
        }
    }
}
