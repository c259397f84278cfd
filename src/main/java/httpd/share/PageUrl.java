package httpd.share;

import httpd.http.HttpException;
import httpd.http.HttpStatus;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The address of a page that asks for its own QR code ({@code url=} in the query), checked: http or https, printable
 * ASCII (a browser's {@code location.href} always is: it sends IDN hosts as punycode and percent-encodes paths), at
 * most {@link QrCodes#MAX_TEXT_BYTES} bytes. Any {@code user:password@} is dropped: a QR code on a screen is read
 * by everyone in the room, and a phone asks for the password itself.
 *
 * @param scheme "http" or "https", in lower case (its normal form, RFC 3986 §6.2.2.1)
 * @param host   the host as it is written in a URL: a name, an IPv4 address, or an IPv6 address in brackets
 * @param rest   what follows the host: {@code :port} if any, then path, query and fragment
 */
record PageUrl(String scheme, String host, String rest) {
    private static final String PARAMETER = "url=";
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6_LITERAL = Pattern.compile("\\[[0-9A-Fa-f:.]+]");

    PageUrl {
        if (!scheme.equals("http") && !scheme.equals("https") || host.isEmpty()) {
            throw new IllegalArgumentException("not an http(s) URL with a host: " + scheme + "://" + host);
        }
    }

    /** The URL named by the one {@code url} parameter of a query, percent-decoded ({@code +} stays {@code +}). */
    static PageUrl fromQuery(String query) throws HttpException {
        String encoded = null;
        for (String parameter : query.split("&", -1)) {
            if (parameter.startsWith(PARAMETER)) {
                if (encoded != null) {
                    throw new HttpException(HttpStatus.BAD_REQUEST, "more than one url parameter");
                }
                encoded = parameter.substring(PARAMETER.length());
            }
        }
        if (encoded == null || encoded.isEmpty()) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "missing url parameter: /__httpd/qr.svg?url=http://...");
        }
        return parse(decode(encoded));
    }

    /** An http or https URL in printable ASCII; the scheme is matched without regard to case (RFC 3986 §3.1). */
    static PageUrl parse(String text) throws HttpException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c <= ' ' || c > '~') {
                throw notHttp();
            }
        }
        int colon = text.indexOf("://");
        String scheme = colon < 0 ? "" : text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw notHttp();
        }
        int authorityStart = colon + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < text.length() && "/?#".indexOf(text.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        int hostStart = Math.max(authorityStart, text.lastIndexOf('@', authorityEnd - 1) + 1);
        String hostAndPort = text.substring(hostStart, authorityEnd);
        int hostEnd = hostAndPort.startsWith("[") ? hostAndPort.indexOf(']') + 1 : hostAndPort.indexOf(':');
        if (hostEnd <= 0) {
            hostEnd = hostAndPort.length();
        }
        String host = hostAndPort.substring(0, hostEnd);
        if (host.isEmpty()) {
            throw notHttp();
        }
        return new PageUrl(scheme, host, hostAndPort.substring(hostEnd) + text.substring(authorityEnd));
    }

    private static HttpException notHttp() {
        return new HttpException(HttpStatus.BAD_REQUEST,
                "url must be an http or https URL with a host, in ASCII as a browser's location.href is");
    }

    /**
     * Percent-decoding to UTF-8 (RFC 3986 §2.1). Longer than {@link QrCodes#MAX_TEXT_BYTES}: 414, as the text is
     * part of the request-target (RFC 9110 §15.5.15).
     */
    private static String decode(String encoded) throws HttpException {
        // each decoded byte takes at most three characters ("%41"), so a longer text is too long for sure
        if (encoded.length() > 3 * QrCodes.MAX_TEXT_BYTES) {
            throw tooLong();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c != '%') {
                bytes.write(c);
                continue;
            }
            int high = i + 2 < encoded.length() ? Character.digit(encoded.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(encoded.charAt(i + 2), 16);
            if (low < 0) {
                throw new HttpException(HttpStatus.BAD_REQUEST, "bad percent-encoding in url");
            }
            bytes.write(high << 4 | low);
            i += 2;
        }
        if (bytes.size() > QrCodes.MAX_TEXT_BYTES) {
            throw tooLong();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "url is not UTF-8");
        }
    }

    private static HttpException tooLong() {
        return new HttpException(HttpStatus.URI_TOO_LONG, "url longer than " + QrCodes.MAX_TEXT_BYTES + " bytes");
    }

    /**
     * Whether the host is this machine's own, which a phone cannot open: {@code localhost} and its subdomains
     * (RFC 6761 §6.3), 127.0.0.0/8, ::1, and the unspecified 0.0.0.0 and :: that some browsers open locally.
     * Only literals are parsed, so no name is ever looked up.
     */
    boolean loopback() {
        String name = host.toLowerCase(Locale.ROOT);
        if (name.equals("localhost") || name.endsWith(".localhost")) {
            return true;
        }
        if (IPV4.matcher(name).matches()) {
            return loopbackIpv4(name.split("\\."));
        }
        if (!IPV6_LITERAL.matcher(name).matches()) {
            return false;
        }
        try {
            // a bracketed text is parsed as an IPv6 literal or refused, never looked up
            InetAddress address = InetAddress.getByName(name);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false; // [1:::2] is no address, so not this machine's
        }
    }

    /** Four decimal octets, checked here: the JDK would look up a text such as 999.1.1.1 as a name. */
    private static boolean loopbackIpv4(String[] octets) {
        int[] values = new int[4];
        for (int i = 0; i < 4; i++) {
            values[i] = Integer.parseInt(octets[i]);
            if (values[i] > 255) {
                return false;
            }
        }
        return values[0] == 127 || (values[0] | values[1] | values[2] | values[3]) == 0;
    }

    /** The same page on another host, e.g. this machine's LAN address in place of localhost. */
    PageUrl withHost(String otherHost) {
        return new PageUrl(scheme, otherHost, rest);
    }

    String text() {
        return scheme + "://" + host + rest;
    }
}
