package httpd.inspect;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;

/**
 * A small body as text the inspector can show: only when its type says text (an HTML page, a style sheet, an
 * error page, JSON) and its bytes decode in the charset it names, UTF-8 when it names none. Anything else is
 * shown by its size and type only, since a projector has no use for an image's bytes.
 */
final class TextBody {
    private TextBody() {
    }

    static Optional<String> of(String contentType, byte[] body) {
        if (body.length == 0 || contentType == null || !isText(contentType)) {
            return Optional.empty();
        }
        try {
            return Optional.of(charsetOf(contentType).newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty(); // not text after all, or cut inside a character
        }
    }

    static boolean isText(String contentType) {
        String type = mediaType(contentType);
        return type.startsWith("text/") || type.endsWith("+json") || type.endsWith("+xml")
                || type.equals("application/json") || type.equals("application/javascript")
                || type.equals("application/xml") || type.equals("application/manifest+json");
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static Charset charsetOf(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")) {
                try {
                    return Charset.forName(pair[1].trim().replace("\"", ""));
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
