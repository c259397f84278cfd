package httpd.server;

import httpd.http.HeaderField;
import httpd.http.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The bytes of a response head: the status line and the header fields (RFC 9112 §4, §5), with the fields every
 * response carries (Date, Server, Content-Length, Connection) added to the handler's. Built in place in one
 * buffer that is reused from response to response: no String on the way, no garbage per response.
 */
final class ResponseHeadBytes {
    private final String serverName;
    private final List<HeaderField> extraHeaders;
    private final PerSecondText date;
    private byte[] head = new byte[512];
    private int headLength;
    private ByteBuffer headBuffer = ByteBuffer.wrap(head);

    /**
     * @param extraHeaders headers added to every response (from {@code --header}); each one replaces a
     *                     header of the same name that httpd would otherwise send
     */
    ResponseHeadBytes(String serverName, List<HeaderField> extraHeaders, PerSecondText date) {
        this.serverName = serverName;
        this.extraHeaders = extraHeaders;
        this.date = date;
    }

    /**
     * The head of {@code response}, ready to be written; valid until the next call.
     *
     * @param contentLength the Content-Length to announce, or -1 for none (no content, or a length unknown)
     * @param connection    the Connection field's value, or null for none
     */
    ByteBuffer format(Response response, long contentLength, String connection) {
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
        if (contentLength >= 0) {
            append("Content-Length: ").append(contentLength).crlf();
        }
        if (connection != null) {
            append("Connection: ").append(connection).crlf();
        }
        crlf();
        if (headBuffer.array() != head) {
            headBuffer = ByteBuffer.wrap(head);
        }
        return headBuffer.clear().limit(headLength);
    }

    /** The head as it was last formatted, for the wire trace. */
    String lastHead() {
        return new String(head, 0, headLength, StandardCharsets.ISO_8859_1);
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
    private ResponseHeadBytes append(String text) {
        int length = text.length();
        ensureRoom(length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            head[headLength++] = (byte) (c <= 0xff ? c : '?');
        }
        return this;
    }

    private ResponseHeadBytes append(long number) {
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
}
