package httpd.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the value of an Authorization field as HTTP Basic credentials (RFC 7617 §2), strictly: the scheme
 * {@code Basic} (any case, RFC 9110 §11.1), one or more spaces, then padded Base64 of UTF-8 {@code user-id:password}.
 * Anything else is {@link BadCredentials}, which the caller answers with 401: a broken header is a failed login,
 * never a server error.
 */
final class BasicCredentials {
    private static final String SCHEME = "Basic";

    private BasicCredentials() {
    }

    /** @param value the field's value, with the whitespace around it already trimmed by the parser */
    static Credentials decode(String value) throws BadCredentials {
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.equalsIgnoreCase(SCHEME)) {
            throw new BadCredentials(AuthDecision.NOT_BASIC);
        }
        String text = utf8(base64(withoutLeadingSpaces(value.substring(scheme.length()))));
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new BadCredentials(AuthDecision.NO_COLON);
        }
        if (Credentials.hasControl(text)) {
            throw new BadCredentials(AuthDecision.CONTROL_CHARACTER);
        }
        // the user-id ends at the first colon; the password may hold more (RFC 7617 §2)
        return new Credentials(text.substring(0, colon), text.substring(colon + 1));
    }

    /** 1*SP between scheme and token (RFC 9110 §11.4): spaces only, not tabs. */
    private static String withoutLeadingSpaces(String text) {
        int start = 0;
        while (start < text.length() && text.charAt(start) == ' ') {
            start++;
        }
        return text.substring(start);
    }

    /**
     * RFC 4648 §4 with its padding, which §3.2 requires unless a specification says otherwise; Java's decoder alone
     * would also take a token without it. No space inside or after it.
     */
    private static byte[] base64(String token) throws BadCredentials {
        if (token.isEmpty() || token.length() % 4 != 0) {
            throw new BadCredentials(AuthDecision.NOT_BASE64);
        }
        try {
            return Base64.getDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            throw new BadCredentials(AuthDecision.NOT_BASE64);
        }
    }

    /** The octets as UTF-8, the charset the challenge names (RFC 7617 §2.1); a malformed sequence is refused. */
    private static String utf8(byte[] octets) throws BadCredentials {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets)).toString();
        } catch (CharacterCodingException e) {
            throw new BadCredentials(AuthDecision.NOT_UTF8);
        }
    }
}
