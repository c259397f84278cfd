package httpd.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import httpd.http.HttpStatus;
import httpd.http.RequestBodyException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MultipartReaderTest {
    private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";

    /** A part as a test reads it back. */
    record Read(String name, String fileName, String contentType, byte[] content) {
    }

    /** An input that hands out at most {@code step} bytes per read, as a slow network does. */
    private static InputStream trickling(byte[] bytes, int step) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] target, int offset, int length) {
                return super.read(target, offset, Math.min(length, step));
            }
        };
    }

    private static List<Read> readAll(byte[] body, int step) throws IOException {
        MultipartReader reader = new MultipartReader(trickling(body, step), BOUNDARY);
        List<Read> parts = new ArrayList<>();
        for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
            parts.add(new Read(part.name(), part.fileName(), part.contentType(), part.content().readAllBytes()));
        }
        return parts;
    }

    private static byte[] form(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(part);
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }

    private static byte[] filePart(String fileName, byte[] content) {
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        part.writeBytes(("Content-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        part.writeBytes(content);
        return part.toByteArray();
    }

    private static byte[] fieldPart(String name, String value) {
        return ("Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value).getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 41, 1000, 1 << 20})
    void readsEveryPartWhateverTheReadsSizes(int step) throws IOException {
        byte[] random = new byte[200_000];
        new Random(7).nextBytes(random);
        byte[] body = form(fieldPart("note", "hello"), filePart("photo.jpg", random), filePart("empty.txt", new byte[0]));

        List<Read> parts = readAll(body, step);

        assertThat(parts).hasSize(3);
        assertThat(parts.get(0).name()).isEqualTo("note");
        assertThat(parts.get(0).fileName()).isNull();
        assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(parts.get(1).fileName()).isEqualTo("photo.jpg");
        assertThat(parts.get(1).contentType()).isEqualTo("application/octet-stream");
        assertThat(parts.get(1).content()).isEqualTo(random);
        assertThat(parts.get(2).fileName()).isEqualTo("empty.txt");
        assertThat(parts.get(2).content()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 64})
    void keepsContentThatLooksLikeABoundaryButIsNotOne(int step) throws IOException {
        byte[] tricky = ("line\r\n--" + BOUNDARY.substring(0, 20) + "\r\n\r\n--" + BOUNDARY + "X\r\n--\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        // "--boundaryX" right after CRLF is not a delimiter only if followed by neither "--" nor CRLF: so the
        // content may not hold a whole delimiter; here it holds prefixes of it only
        byte[] safe = ("line\r\n--" + BOUNDARY.substring(0, 30) + "\r\n\r\r\n-").getBytes(StandardCharsets.US_ASCII);
        List<Read> parts = readAll(form(filePart("a.bin", safe)), step);

        assertThat(parts).singleElement().satisfies(part -> assertThat(part.content()).isEqualTo(safe));
        assertThat(tricky).isNotEmpty();
    }

    @Test
    void skipsAPreambleAndAnEpilogueAndTakesTransportPadding() throws IOException {
        byte[] body = ("This is a preamble.\r\n--" + BOUNDARY + "  \r\n"
                + "Content-Disposition: form-data; name=\"f\"; filename=\"a.txt\"\r\n\r\nA\r\n--" + BOUNDARY
                + "--\r\nThis is the epilogue.").getBytes(StandardCharsets.US_ASCII);

        List<Read> parts = readAll(body, 3);

        assertThat(parts).singleElement().satisfies(part -> {
            assertThat(part.fileName()).isEqualTo("a.txt");
            assertThat(new String(part.content(), StandardCharsets.US_ASCII)).isEqualTo("A");
        });
    }

    @Test
    void skipsWhatAPartsReaderLeftUnread() throws IOException {
        byte[] body = form(filePart("a.txt", "x".repeat(100_000).getBytes(StandardCharsets.US_ASCII)),
                filePart("b.txt", "B".getBytes(StandardCharsets.US_ASCII)));
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), BOUNDARY);

        assertThat(reader.next().fileName()).isEqualTo("a.txt");
        MultipartReader.Part second = reader.next();
        assertThat(second.fileName()).isEqualTo("b.txt");
        assertThat(second.content().readAllBytes()).containsExactly('B');
        assertThat(reader.next()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "photo.jpg|photo.jpg",
            "caf\u00e9 \u65e5\u672c.png|caf\u00e9 \u65e5\u672c.png",
            "a%22b.txt|a\"b.txt",
            "100%41.txt|100%41.txt",
            "../../etc/passwd|../../etc/passwd",
            "C:\\\\Users\\\\x.txt|C:\\Users\\x.txt",
    })
    void givesTheFileNameAsTheBrowserMeantIt(String sent, String meant) throws IOException {
        List<Read> parts = readAll(form(filePart(sent, new byte[1])), 100);

        assertThat(parts.get(0).fileName()).isEqualTo(meant);
    }

    @Test
    void undoesTheBrowsersEscapesOfLineBreaks() throws IOException {
        List<Read> parts = readAll(form(filePart("two%0Dlines%0A", new byte[1])), 100);

        assertThat(parts.get(0).fileName()).isEqualTo("two\rlines\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "multipart/form-data; boundary=abc|abc",
            "multipart/form-data; boundary=\"a b:c\"|a b:c",
            "Multipart/Form-Data;charset=utf-8;BOUNDARY=----x|----x",
    })
    void findsTheBoundary(String contentType, String boundary) {
        assertThat(PartHead.boundaryOf(contentType)).isEqualTo(boundary);
    }

    @ParameterizedTest
    @ValueSource(strings = {"multipart/form-data", "multipart/mixed; boundary=abc", "text/plain; boundary=abc",
            "multipart/form-data; boundary=", "multipart/form-data; boundary=a\u0000b",
            "multipart/form-data; boundary=01234567890123456789012345678901234567890123456789012345678901234567890"})
    void refusesAMissingOrInvalidBoundary(String contentType) {
        assertThat(PartHead.boundaryOf(contentType)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "no closing|the body ended before its closing boundary",
            "no disposition|a part has no Content-Disposition",
            "head cut|the body ended inside a part's header",
            "bad line end|a boundary line must end in CRLF",
            "no boundary at all|the body ended before its closing boundary",
    })
    void refusesABrokenBody(String which, String problem) {
        String head = "--" + BOUNDARY + "\r\n";
        String body = switch (which) {
            case "no closing" -> head + "Content-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n\r\ndata";
            case "no disposition" -> head + "Content-Type: text/plain\r\n\r\nx\r\n--" + BOUNDARY + "--";
            case "head cut" -> head + "Content-Disposition: form-data; name=\"f\"";
            case "bad line end" -> "--" + BOUNDARY + "junk\r\n";
            default -> "just some bytes";
        };
        assertThatThrownBy(() -> readAll(body.getBytes(StandardCharsets.US_ASCII), 4))
                .isInstanceOfSatisfying(RequestBodyException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST))
                .hasMessage(problem);
    }

    @Test
    void capsAPartsHeader() {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"\r\nX-Pad: "
                + "p".repeat(MultipartReader.MAX_PART_HEAD) + "\r\n\r\nx\r\n--" + BOUNDARY + "--";
        assertThatThrownBy(() -> readAll(body.getBytes(StandardCharsets.US_ASCII), 1000))
                .isInstanceOfSatisfying(RequestBodyException.class,
                        e -> assertThat(e.status()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE));
    }
}
