package httpd.files;

import httpd.http.HttpException;
import httpd.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request path split into decoded segments, with "." and ".." already resolved (RFC 3986 §5.2.4) and
 * empty segments collapsed, so {@code //x} is {@code /x}. No segment is empty, ".", "..", or holds a
 * slash, backslash or control character: such a path never names a file.
 *
 * @param segments  the decoded names from the root down
 * @param directory whether the path names a directory (ends in "/", "/." or "/..")
 */
public record RequestPath(List<String> segments, boolean directory) {
    public RequestPath {
        segments = List.copyOf(segments);
    }

    /**
     * Decodes an origin-form path (still percent-encoded, query removed).
     *
     * @return the path, or empty when it climbs above the root or a decoded segment holds a slash or
     *         backslash
     * @throws HttpException 400 for a path not starting with "/", an invalid percent-encoding, invalid
     *                       UTF-8, NUL or another control character
     */
    public static Optional<RequestPath> decode(String rawPath) throws HttpException {
        if (!rawPath.startsWith("/")) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "path must start with /");
        }
        List<String> segments = new ArrayList<>();
        boolean directory = true;
        int start = 1;
        while (start <= rawPath.length()) {
            int end = rawPath.indexOf('/', start);
            if (end < 0) {
                end = rawPath.length();
            }
            String segment = decodeSegment(rawPath, start, end);
            directory = true;
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return Optional.empty();
                }
                segments.remove(segments.size() - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0) {
                    return Optional.empty();
                }
                segments.add(segment);
                directory = end < rawPath.length();
            }
            start = end + 1;
        }
        return Optional.of(new RequestPath(segments, directory));
    }

    /** Percent-decodes one segment as UTF-8 bytes; "+" stays "+" (this is a path, not a form). */
    private static String decodeSegment(String raw, int from, int to) throws HttpException {
        int percent = raw.indexOf('%', from);
        if (percent < 0 || percent >= to) {
            String plain = raw.substring(from, to);
            checkNoControlCharacters(plain);
            return plain;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
        for (int i = from; i < to; i++) {
            char c = raw.charAt(i);
            if (c != '%') {
                if (c > 0xff) {
                    throw new HttpException(HttpStatus.BAD_REQUEST, "path is not ASCII");
                }
                bytes.write(c);
                continue;
            }
            if (i + 2 >= to) {
                throw new HttpException(HttpStatus.BAD_REQUEST, "truncated percent-encoding");
            }
            int high = Character.digit(raw.charAt(i + 1), 16);
            int low = Character.digit(raw.charAt(i + 2), 16);
            if (high < 0 || low < 0) {
                throw new HttpException(HttpStatus.BAD_REQUEST, "invalid percent-encoding");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "path is not valid UTF-8");
        }
        checkNoControlCharacters(decoded);
        return decoded;
    }

    private static void checkNoControlCharacters(String segment) throws HttpException {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c >= 0x7f && c <= 0x9f) { // C0, DEL and C1: no file name needs them, a terminal obeys them
                throw new HttpException(HttpStatus.BAD_REQUEST, "control character in path");
            }
        }
    }
}
