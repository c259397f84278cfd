package httpd.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a request head says about the message around it, checked once the head is parsed: which host it is for,
 * and where its body ends (RFC 9112 §6). Ambiguity here is how requests are smuggled, so every doubt is a 400.
 */
final class MessageFraming {
    private MessageFraming() {
    }

    /**
     * The length of the request's body, -1 when it has none or is chunked; checked first: the Host (RFC 9112
     * §3.2), and that the length is not ambiguous (RFC 9112 §6.3). A request whose body length is ambiguous could
     * smuggle a second request, so Content-Length with Transfer-Encoding, or differing Content-Length values, are
     * refused outright.
     */
    static long bodyLength(HttpVersion version, Headers headers) throws HttpException {
        checkHost(version, headers);
        boolean hasTransferEncoding = headers.contains("Transfer-Encoding");
        if (hasTransferEncoding && version == HttpVersion.HTTP_1_0) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "Transfer-Encoding in an HTTP/1.0 request", "RFC 9112 §6.1");
        }
        if (hasTransferEncoding) {
            if (headers.contains("Content-Length")) {
                throw new HttpException(HttpStatus.BAD_REQUEST, "both Content-Length and Transfer-Encoding", "RFC 9112 §6.3");
            }
            checkTransferCodings(headers.all("Transfer-Encoding"));
            return -1;
        }
        if (!headers.contains("Content-Length")) {
            return -1;
        }
        List<String> lengths = headers.all("Content-Length");
        long length = -1;
        for (String value : lengths) {
            for (String element : value.split(",", -1)) {
                long parsed = Syntax.parseDigits(element.trim());
                if (parsed < 0) {
                    throw new HttpException(HttpStatus.BAD_REQUEST, "invalid Content-Length", "RFC 9110 §8.6");
                }
                if (length >= 0 && parsed != length) {
                    throw new HttpException(HttpStatus.BAD_REQUEST, "conflicting Content-Length values", "RFC 9110 §8.6");
                }
                length = parsed;
            }
        }
        return length;
    }

    /** RFC 9112 §3.2: exactly one Host in HTTP/1.1, and a Host that is not {@code uri-host [":" port]} is a 400. */
    private static void checkHost(HttpVersion version, Headers headers) throws HttpException {
        int hosts = headers.count("Host");
        if (version == HttpVersion.HTTP_1_1 && hosts != 1) {
            throw new HttpException(HttpStatus.BAD_REQUEST,
                    hosts == 0 ? "missing Host header (HTTP/1.1 needs one)" : "more than one Host header", "RFC 9112 §3.2");
        }
        for (String host : headers.all("Host")) {
            if (!HostField.isValid(host)) {
                throw new HttpException(HttpStatus.BAD_REQUEST, "Host is not a host with an optional port", "RFC 9112 §3.2");
            }
        }
    }

    /**
     * The codings of all Transfer-Encoding lines, in order. Chunked that is not the last one, or applied
     * twice, leaves the body's length unknown: 400 (RFC 9112 §6.3, §6.1). Any other coding is one httpd does
     * not implement: 501 (RFC 9112 §6.1). Chunked alone is understood, and its body never read.
     */
    private static void checkTransferCodings(List<String> values) throws HttpException {
        List<String> codings = new ArrayList<>(2);
        for (String value : values) {
            for (String element : value.split(",", -1)) {
                String coding = element.trim();
                if (!coding.isEmpty()) {
                    codings.add(codingName(coding));
                }
            }
        }
        if (codings.isEmpty()) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "empty Transfer-Encoding", "RFC 9112 §6.1");
        }
        int chunked = codings.indexOf("chunked");
        if (chunked >= 0 && chunked != codings.size() - 1) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "chunked is not the final transfer coding", "RFC 9112 §6.1");
        }
        if (codings.size() > 1 || chunked < 0) {
            throw new HttpException(HttpStatus.NOT_IMPLEMENTED, "transfer coding not implemented", "RFC 9112 §6.1");
        }
    }

    /** transfer-coding = token *( OWS ";" OWS transfer-parameter ) (RFC 9112 §7): the token, lower-cased. */
    private static String codingName(String coding) throws HttpException {
        int semicolon = coding.indexOf(';');
        String name = (semicolon < 0 ? coding : coding.substring(0, semicolon)).trim();
        if (!Syntax.isToken(name)) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "transfer coding is not a token", "RFC 9112 §6.1");
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
