package httpd.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * A chunked request body decoded as it is read (RFC 9112 §7.1): each chunk is a hexadecimal size line, the data
 * and CRLF; a zero-size chunk, optional trailer fields and an empty line end it. The framing is read strictly and
 * within bounds: lines end in CRLF only, a size has at most 16 hex digits, a size line (with its extensions) and
 * the trailer section are capped, and the trailer fields are read and dropped (RFC 9112 §7.1.2 lets a recipient
 * that does not use them discard them). A framing error is a 400 and the connection cannot go on: where the body
 * ends is no longer known.
 */
public final class ChunkedInput extends InputStream {
    /** A size line, extensions included; extensions are ignored (RFC 9112 §7.1.1), so they need not be long. */
    static final int MAX_LINE = 4096;
    /** All trailer lines together. */
    static final int MAX_TRAILERS = 16 * 1024;
    private static final String RULE = "RFC 9112 §7.1";

    private final InputStream raw;
    private long remainingInChunk;
    private boolean ended;

    /** @param raw the connection's bytes from the first byte after the request head */
    public ChunkedInput(InputStream raw) {
        this.raw = raw;
    }

    /** Whether the last chunk and the trailer section have been read: the next request starts after them. */
    public boolean ended() {
        return ended;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int count = read(one, 0, 1);
        return count < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (ended) {
            return -1;
        }
        if (remainingInChunk == 0) {
            remainingInChunk = readSizeLine();
            if (remainingInChunk == 0) {
                readTrailers();
                ended = true;
                return -1;
            }
        }
        int count = raw.read(target, offset, (int) Math.min(length, remainingInChunk));
        if (count < 0) {
            throw bad("the body ended inside a chunk");
        }
        remainingInChunk -= count;
        if (remainingInChunk == 0) {
            expectCrlf();
        }
        return count;
    }

    /** chunk-size [ chunk-ext ] CRLF: the size, with the extensions skipped. */
    private long readSizeLine() throws IOException {
        long size = 0;
        int digits = 0;
        int b = next();
        while (hexValue(b) >= 0) {
            if (++digits > 16) {
                throw bad("chunk size of more than 16 hex digits");
            }
            size = size << 4 | hexValue(b);
            b = next();
        }
        if (digits == 0) {
            throw bad("chunk size is not hexadecimal");
        }
        if (size < 0) {
            throw bad("chunk size too large");
        }
        int lineLength = digits;
        while (b != '\r') { // chunk-ext: ignored, but bounded and free of bare LF and other controls
            if (b == '\n' || (b < 0x20 && b != '\t') || b == 0x7f) {
                throw bad("a chunk size line must end in CRLF");
            }
            if (++lineLength > MAX_LINE) {
                throw bad("chunk size line too long");
            }
            if (lineLength == digits + 1 && b != ';' && b != ' ' && b != '\t') {
                throw bad("chunk size is not hexadecimal");
            }
            b = next();
        }
        if (next() != '\n') {
            throw bad("a chunk size line must end in CRLF");
        }
        return size;
    }

    /** trailer-section CRLF: lines up to an empty one, dropped. */
    private void readTrailers() throws IOException {
        int total = 0;
        boolean lineEmpty = true;
        while (true) {
            int b = next();
            if (b == '\r') {
                if (next() != '\n') {
                    throw bad("a trailer line must end in CRLF");
                }
                if (lineEmpty) {
                    return;
                }
                lineEmpty = true;
            } else if (b == '\n' || b == 0) {
                throw bad("a trailer line must end in CRLF");
            } else {
                lineEmpty = false;
            }
            if (++total > MAX_TRAILERS) {
                throw new RequestBodyException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "trailer section too large",
                        "RFC 9112 §7.1.2");
            }
        }
    }

    private void expectCrlf() throws IOException {
        if (next() != '\r' || next() != '\n') {
            throw bad("chunk data must be followed by CRLF");
        }
    }

    private int next() throws IOException {
        int b = raw.read();
        if (b < 0) {
            throw bad("the body ended before its last chunk");
        }
        return b;
    }

    private static int hexValue(int b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        return -1;
    }

    private static RequestBodyException bad(String message) {
        return new RequestBodyException(HttpStatus.BAD_REQUEST, message, RULE);
    }
}
