package httpd.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one request head from a byte stream, strictly and within {@link ParserLimits} (RFC 9112 §2-§5).
 * Works on bytes, never on a decoded string of the whole head. One parser serves one connection: it
 * reuses its line buffer and field list from request to request, so it is not thread-safe.
 */
public final class RequestParser {
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte SP = ' ';
    private static final byte HTAB = '\t';
    /** RFC 9112 §2.2 asks servers to ignore at least one empty line before a request; we allow a few. */
    private static final int MAX_LEADING_EMPTY_LINES = 4;
    /**
     * Methods and field names nearly every request carries, spelled as browsers and curl send them: when the
     * bytes match one exactly, that string is used instead of a new one for each request.
     */
    private static final String[] COMMON_METHODS = {"GET", "HEAD"};
    private static final String[] COMMON_NAMES = {"Host", "User-Agent", "Accept", "Accept-Encoding",
        "Accept-Language", "Connection", "Referer", "If-None-Match", "If-Modified-Since", "Range", "Cache-Control",
        "Pragma", "Cookie", "Origin", "Priority", "Upgrade-Insecure-Requests", "Sec-Fetch-Site", "Sec-Fetch-Mode",
        "Sec-Fetch-Dest", "Sec-Fetch-User", "DNT"};

    private final ParserLimits limits;
    private byte[] line = new byte[256];
    private int lineLength;
    private final List<HeaderField> fields = new ArrayList<>(16);

    public RequestParser(ParserLimits limits) {
        this.limits = limits;
    }

    /**
     * Reads the next request head.
     *
     * @return the head, or {@code null} when the stream ended cleanly before a request began
     * @throws HttpException for a head httpd refuses, carrying the status to answer with
     * @throws IOException   when reading fails (including a read timeout)
     */
    public RequestHead parse(InputStream in) throws IOException, HttpException {
        int emptyLines = 0;
        while (true) {
            LineEnd end = readLine(in, limits.maxRequestLineBytes(), HttpStatus.URI_TOO_LONG, "request line too long");
            if (end == LineEnd.EOF) {
                if (lineLength == 0 && emptyLines == 0) {
                    return null;
                }
                throw new HttpException(HttpStatus.BAD_REQUEST, "incomplete request line", "RFC 9112 §3");
            }
            if (lineLength > 0) {
                break;
            }
            if (++emptyLines > MAX_LEADING_EMPTY_LINES) {
                throw new HttpException(HttpStatus.BAD_REQUEST, "too many empty lines before the request", "RFC 9112 §2.2");
            }
        }
        RequestLine requestLine = parseRequestLine();
        readHeaderFields(in);
        Headers headers = new Headers(fields);
        fields.clear(); // Headers has its copy; an idle connection holds on to none of them
        return new RequestHead(requestLine.method, requestLine.target, requestLine.version, headers,
                MessageFraming.bodyLength(requestLine.version, headers));
    }

    private record RequestLine(String method, String target, HttpVersion version) {
    }

    private enum LineEnd { LINE, EOF }

    /**
     * Reads bytes up to LF into {@link #line}, without the line ending. CRLF and bare LF both end a line
     * (RFC 9112 §2.2); a CR anywhere else is refused.
     */
    private LineEnd readLine(InputStream in, int maxBytes, HttpStatus tooLong, String tooLongMessage)
            throws IOException, HttpException {
        lineLength = 0;
        boolean sawCr = false;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return LineEnd.EOF;
            }
            if (b == LF) {
                return LineEnd.LINE;
            }
            if (sawCr) {
                throw new HttpException(HttpStatus.BAD_REQUEST, "bare CR in request head", "RFC 9112 §2.2");
            }
            if (b == CR) {
                sawCr = true;
                continue;
            }
            if (lineLength >= maxBytes) {
                throw new HttpException(tooLong, tooLongMessage, "RFC 9112 §3");
            }
            if (lineLength == line.length) {
                line = Arrays.copyOf(line, Math.min(line.length * 2, Math.max(maxBytes, 16)));
            }
            line[lineLength++] = (byte) b;
        }
    }

    /** request-line = method SP request-target SP HTTP-version (RFC 9112 §3). */
    private RequestLine parseRequestLine() throws HttpException {
        int firstSpace = indexOf(SP, 0);
        int secondSpace = firstSpace < 0 ? -1 : indexOf(SP, firstSpace + 1);
        if (firstSpace <= 0 || secondSpace < 0 || secondSpace == firstSpace + 1) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "malformed request line", "RFC 9112 §3");
        }
        for (int i = 0; i < firstSpace; i++) {
            if (!Syntax.isTokenChar(line[i])) {
                throw new HttpException(HttpStatus.BAD_REQUEST, "method is not a token", "RFC 9112 §3.1");
            }
        }
        for (int i = firstSpace + 1; i < secondSpace; i++) {
            if (!isVisibleAscii(line[i])) {
                throw new HttpException(HttpStatus.BAD_REQUEST, "invalid character in request target", "RFC 9112 §3.2");
            }
        }
        HttpVersion version = parseVersion(secondSpace + 1);
        return new RequestLine(common(COMMON_METHODS, 0, firstSpace), ascii(firstSpace + 1, secondSpace), version);
    }

    /**
     * HTTP-version = "HTTP/" DIGIT "." DIGIT (RFC 9112 §2.3). A later 1.x is read as 1.1, the highest minor
     * version httpd implements (RFC 9110 §2.5, §6.2); any other major version is a 505.
     */
    private HttpVersion parseVersion(int from) throws HttpException {
        int length = lineLength - from;
        if (length != 8 || line[from] != 'H' || line[from + 1] != 'T' || line[from + 2] != 'T'
                || line[from + 3] != 'P' || line[from + 4] != '/' || !isDigit(line[from + 5])
                || line[from + 6] != '.' || !isDigit(line[from + 7])) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "malformed HTTP version", "RFC 9112 §2.3");
        }
        if (line[from + 5] == '1') {
            return line[from + 7] == '0' ? HttpVersion.HTTP_1_0 : HttpVersion.HTTP_1_1;
        }
        throw new HttpException(HttpStatus.HTTP_VERSION_NOT_SUPPORTED, "only HTTP/1.0 and HTTP/1.1 are supported", "RFC 9110 §15.6.6");
    }

    /** field-line = field-name ":" OWS field-value OWS (RFC 9112 §5). */
    private void readHeaderFields(InputStream in) throws IOException, HttpException {
        fields.clear();
        int budget = limits.maxHeaderBytes();
        while (true) {
            LineEnd end = readLine(in, budget, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header section too large");
            if (end == LineEnd.EOF) {
                throw new HttpException(HttpStatus.BAD_REQUEST, "incomplete header section", "RFC 9112 §2.1");
            }
            if (lineLength == 0) {
                return;
            }
            budget -= lineLength + 2;
            if (budget < 0) {
                throw new HttpException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "header section too large", "RFC 6585 §5");
            }
            if (fields.size() == limits.maxHeaderFields()) {
                throw new HttpException(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "too many header fields", "RFC 6585 §5");
            }
            fields.add(parseField());
        }
    }

    private HeaderField parseField() throws HttpException {
        if (line[0] == SP || line[0] == HTAB) {
            // RFC 9112 §5.2: obs-fold is deprecated; a server may reject it with 400.
            throw new HttpException(HttpStatus.BAD_REQUEST, "obsolete line folding", "RFC 9112 §5.2");
        }
        int colon = indexOf((byte) ':', 0);
        if (colon <= 0) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "malformed header field", "RFC 9112 §5.1");
        }
        for (int i = 0; i < colon; i++) {
            if (!Syntax.isTokenChar(line[i])) {
                // includes whitespace before the colon, which RFC 9112 §5.1 says must be rejected with 400
                throw new HttpException(HttpStatus.BAD_REQUEST, "header field name is not a token", "RFC 9110 §5.1");
            }
        }
        int start = colon + 1;
        int end = lineLength;
        while (start < end && isWhitespace(line[start])) {
            start++;
        }
        while (end > start && isWhitespace(line[end - 1])) {
            end--;
        }
        for (int i = start; i < end; i++) {
            if (!isFieldValueChar(line[i])) {
                throw new HttpException(HttpStatus.BAD_REQUEST, "control character in header field value", "RFC 9110 §5.5");
            }
        }
        return new HeaderField(common(COMMON_NAMES, 0, colon), latin1(start, end));
    }

    private int indexOf(byte wanted, int from) {
        for (int i = from; i < lineLength; i++) {
            if (line[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** The candidate spelled exactly as bytes {@code from} to {@code to} of the line, else a new string of them. */
    private String common(String[] candidates, int from, int to) {
        for (String candidate : candidates) {
            if (spells(candidate, from, to)) {
                return candidate;
            }
        }
        return ascii(from, to);
    }

    private boolean spells(String candidate, int from, int to) {
        if (candidate.length() != to - from) {
            return false;
        }
        for (int i = 0; i < candidate.length(); i++) {
            if (line[from + i] != candidate.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private String ascii(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.US_ASCII);
    }

    private String latin1(int from, int to) {
        return new String(line, from, to - from, StandardCharsets.ISO_8859_1);
    }

    private static boolean isVisibleAscii(byte b) {
        return b > 0x20 && b < 0x7f;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    private static boolean isWhitespace(byte b) {
        return b == SP || b == HTAB;
    }

    /** field-vchar / SP / HTAB, with obs-text (0x80-0xFF) allowed as RFC 9110 §5.5 still permits. */
    private static boolean isFieldValueChar(byte b) {
        int unsigned = b & 0xff;
        return b == SP || b == HTAB || unsigned > 0x20 && unsigned != 0x7f;
    }
}
