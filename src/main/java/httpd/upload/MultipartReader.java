package httpd.upload;

import httpd.http.HttpStatus;
import httpd.http.RequestBodyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A {@code multipart/form-data} body (RFC 7578) read part by part as it arrives, in constant memory: each part's
 * content is a stream that ends at the next boundary, so a file of any size passes through a 64 KiB buffer.
 *
 * <p>The body is {@code --boundary CRLF}, then per part: header lines, an empty line, the content, and
 * {@code CRLF --boundary}; after the last part {@code --}, then an epilogue that is ignored (RFC 2046 §5.1.1). To
 * find a boundary that starts the body the same way as one that follows content, reading starts as if a CRLF came
 * first. The header section of a part is capped at {@link #MAX_PART_HEAD} bytes; a body that ends before its
 * closing boundary is a 400.
 */
final class MultipartReader {
    static final int MAX_PART_HEAD = 16 * 1024;
    private static final int BUFFER = 64 * 1024;
    private static final String RULE = "RFC 7578 §4.1";

    /** One part: its name, the file name it carries (null for a plain form field), and its content. */
    record Part(String name, String fileName, String contentType, InputStream content) {
    }

    private final InputStream in;
    /** CRLF "--" boundary: what ends each part's content. */
    private final byte[] delimiter;
    private final byte[] buffer = new byte[BUFFER];
    private int position;
    private int limit;
    private boolean endOfInput;
    private boolean finished;
    private Content current;

    MultipartReader(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        buffer[0] = '\r';
        buffer[1] = '\n';
        limit = 2;
    }

    /** The next part, the rest of the one before skipped; null after the last one. */
    Part next() throws IOException {
        if (current != null) {
            current.skipRest();
            current = null;
        } else if (!finished) {
            skipToDelimiter(); // the preamble
        }
        if (finished) {
            return null;
        }
        if (afterDelimiterEndsBody()) {
            finished = true;
            drainEpilogue();
            return null;
        }
        String head = readPartHead();
        PartHead.Disposition disposition = PartHead.Disposition.parse(head);
        current = new Content();
        return new Part(disposition.name(), disposition.fileName(), PartHead.headerValue(head, "content-type"), current);
    }

    /** After a delimiter: {@code --} ends the body; else optional spaces and CRLF start a part. */
    private boolean afterDelimiterEndsBody() throws IOException {
        if (!ensure(2)) {
            throw bad("the body ended after a boundary");
        }
        if (buffer[position] == '-' && buffer[position + 1] == '-') {
            position += 2;
            return true;
        }
        while (ensure(1) && (buffer[position] == ' ' || buffer[position] == '\t')) {
            position++; // transport padding (RFC 2046 §5.1.1)
        }
        if (!ensure(2) || buffer[position] != '\r' || buffer[position + 1] != '\n') {
            throw bad("a boundary line must end in CRLF");
        }
        position += 2;
        return false;
    }

    /** Header lines up to the empty line, as text (UTF-8, which browsers send file names in). */
    private String readPartHead() throws IOException {
        int start = position;
        int scanned = position;
        while (true) {
            if (scanned + 3 >= limit) {
                int kept = scanned - start;
                if (!fill(start)) {
                    throw bad("the body ended inside a part's header");
                }
                start = position;
                scanned = start + kept;
                continue;
            }
            if (buffer[scanned] == '\r' && buffer[scanned + 1] == '\n' && buffer[scanned + 2] == '\r'
                    && buffer[scanned + 3] == '\n') {
                break;
            }
            scanned++;
            if (scanned - start > MAX_PART_HEAD) {
                throw new RequestBodyException(HttpStatus.CONTENT_TOO_LARGE, "a part's header is larger than "
                        + MAX_PART_HEAD + " bytes", RULE);
            }
        }
        String head = utf8(start, scanned - start);
        position = scanned + 4;
        return head;
    }

    private String utf8(int offset, int length) throws RequestBodyException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, offset, length)).toString();
        } catch (CharacterCodingException e) {
            throw bad("a part's header is not UTF-8");
        }
    }

    /** Skips bytes up to and past the next delimiter (the preamble); the body must hold one. */
    private void skipToDelimiter() throws IOException {
        byte[] sink = new byte[BUFFER];
        while (true) {
            int count = readContent(sink, 0, sink.length);
            if (count < 0) {
                return;
            }
        }
    }

    /**
     * Reads content up to the next delimiter: -1 once it is reached (and consumed). Bytes that could be the
     * start of a delimiter are held back until enough has arrived to tell.
     */
    private int readContent(byte[] target, int offset, int length) throws IOException {
        ensure(delimiter.length);
        int found = indexOfDelimiter();
        if (found == position) {
            position += delimiter.length;
            return -1;
        }
        int available;
        if (found > 0) {
            available = found - position;
        } else if (endOfInput) {
            throw bad("the body ended before its closing boundary");
        } else {
            available = Math.max(0, limit - position - (delimiter.length - 1));
            if (available == 0) {
                fill(position);
                return readContent(target, offset, length);
            }
        }
        int count = Math.min(length, available);
        System.arraycopy(buffer, position, target, offset, count);
        position += count;
        return count;
    }

    /** Where the delimiter starts in the buffered bytes, or -1. */
    private int indexOfDelimiter() {
        int last = limit - delimiter.length;
        outer:
        for (int i = position; i <= last; i++) {
            if (buffer[i] != '\r') {
                continue;
            }
            for (int j = 1; j < delimiter.length; j++) {
                if (buffer[i + j] != delimiter[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Whether at least n bytes are buffered, reading more while they are not and the input goes on. */
    private boolean ensure(int n) throws IOException {
        while (limit - position < n) {
            if (!fill(position)) {
                return false;
            }
        }
        return true;
    }

    /** Moves the bytes from {@code keepFrom} to the front and reads more behind them; false at the end of input. */
    private boolean fill(int keepFrom) throws IOException {
        if (endOfInput) {
            return false;
        }
        if (keepFrom > 0) {
            System.arraycopy(buffer, keepFrom, buffer, 0, limit - keepFrom);
            limit -= keepFrom;
            position -= keepFrom;
        }
        if (limit == buffer.length) {
            throw bad("a line of the body is longer than the buffer"); // never: heads are capped below it
        }
        int count = in.read(buffer, limit, buffer.length - limit);
        if (count < 0) {
            endOfInput = true;
            return false;
        }
        limit += count;
        return true;
    }

    /** After the closing boundary: the epilogue is read and dropped, so that the whole body is behind us. */
    private void drainEpilogue() throws IOException {
        position = limit;
        byte[] sink = new byte[4096];
        while (!endOfInput && in.read(sink) >= 0) {
            // ignored (RFC 2046 §5.1.1)
        }
    }

    private static RequestBodyException bad(String message) {
        return new RequestBodyException(HttpStatus.BAD_REQUEST, message, RULE);
    }

    /** One part's content: the bytes up to the next delimiter. */
    private final class Content extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int count = read(one, 0, 1);
            return count < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (ended) {
                return -1;
            }
            if (length == 0) {
                return 0;
            }
            int count = readContent(target, offset, length);
            if (count < 0) {
                ended = true;
            }
            return count;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // the rest of a part nobody read
            }
        }
    }

}
