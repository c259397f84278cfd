package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChunkedInputTest {
    /** The wire text with \r and \n written out, decoded; what follows the body is left in the stream. */
    private static String decode(String wire, String[] rest) throws IOException {
        InputStream raw = new ByteArrayInputStream(unescape(wire).getBytes(StandardCharsets.ISO_8859_1));
        ChunkedInput chunked = new ChunkedInput(raw);
        String body = new String(chunked.readAllBytes(), StandardCharsets.ISO_8859_1);
        assertThat(chunked.ended()).isTrue();
        rest[0] = new String(raw.readAllBytes(), StandardCharsets.ISO_8859_1);
        return body;
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5\\r\\nhello\\r\\n0\\r\\n\\r\\n|hello|''",
            "5\\r\\nhello\\r\\n6\\r\\n world\\r\\n0\\r\\n\\r\\nGET|hello world|GET",
            "A\\r\\n0123456789\\r\\n0\\r\\n\\r\\n|0123456789|''",
            "a\\r\\n0123456789\\r\\n0\\r\\n\\r\\n|0123456789|''",
            "0005\\r\\nhello\\r\\n0\\r\\n\\r\\n|hello|''",
            "5;name=value\\r\\nhello\\r\\n0\\r\\n\\r\\n|hello|''",
            "5 ;ext\\r\\nhello\\r\\n0;last\\r\\n\\r\\n|hello|''",
            "5\\r\\nhello\\r\\n0\\r\\nX-Trailer: yes\\r\\nOther: 1\\r\\n\\r\\nnext|hello|next",
            "0\\r\\n\\r\\n|''|''",
    })
    void decodesChunksAndLeavesWhatFollows(String wire, String body, String after) throws IOException {
        String[] rest = new String[1];
        assertThat(decode(wire, rest)).isEqualTo(body);
        assertThat(rest[0]).isEqualTo(after);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5\\nhello\\r\\n0\\r\\n\\r\\n|a chunk size line must end in CRLF",
            "5\\r\\nhello\\n0\\r\\n\\r\\n|chunk data must be followed by CRLF",
            "5\\r\\nhelloX\\r\\n0\\r\\n\\r\\n|chunk data must be followed by CRLF",
            "\\r\\nhello\\r\\n0\\r\\n\\r\\n|chunk size is not hexadecimal",
            "-5\\r\\nhello\\r\\n0\\r\\n\\r\\n|chunk size is not hexadecimal",
            "0x5\\r\\nhello\\r\\n0\\r\\n\\r\\n|chunk size is not hexadecimal",
            "+5\\r\\nhello\\r\\n0\\r\\n\\r\\n|chunk size is not hexadecimal",
            "11111111111111111\\r\\nx|chunk size of more than 16 hex digits",
            "8000000000000000\\r\\nx|chunk size too large",
            "5\\r\\nhel|the body ended inside a chunk",
            "5\\r\\nhello\\r\\n|the body ended before its last chunk",
            "5\\r\\nhello\\r\\n0\\r\\n|the body ended before its last chunk",
            "0\\r\\nTrailer: x\\n\\r\\n|a trailer line must end in CRLF",
            "5;a\u0000b\\r\\nhello\\r\\n0\\r\\n\\r\\n|a chunk size line must end in CRLF",
    })
    void refusesFramingThatLeavesTheEndInDoubt(String wire, String problem) {
        assertThatThrownBy(() -> decode(wire, new String[1]))
                .isInstanceOfSatisfying(RequestBodyException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.rule()).isEqualTo("RFC 9112 §7.1");
                })
                .hasMessage(problem);
    }

    @org.junit.jupiter.api.Test
    void capsTheChunkSizeLineAndTheTrailers() {
        String longExtension = "5;" + "x".repeat(ChunkedInput.MAX_LINE) + "\\r\\nhello\\r\\n0\\r\\n\\r\\n";
        assertThatThrownBy(() -> decode(longExtension, new String[1])).hasMessage("chunk size line too long");
        String longTrailers = "0\\r\\n" + "X-A: b\\r\\n".repeat(ChunkedInput.MAX_TRAILERS / 6) + "\\r\\n";
        assertThatThrownBy(() -> decode(longTrailers, new String[1]))
                .isInstanceOfSatisfying(RequestBodyException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE));
    }
}
