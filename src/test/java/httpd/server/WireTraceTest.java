package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireTraceTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final WireTrace trace = new WireTrace(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void showsEachLineOfTheRequestWithItsLineEndingVisible() {
        trace.request(7, "GET / HTTP/1.1\r\nHost: x\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(printed()).isEqualTo("[#7] > GET / HTTP/1.1\u240d\u240a\n[#7] > Host: x\u240a\n[#7] > \u240d\u240a\n");
    }

    @Test
    void escapesEveryByteThatCouldDriveATerminal() {
        trace.request(1, "GET /caf\u00e9 HTTP/1.1\r\nX: \u001b[2J\u0007\\\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(printed()).contains("GET /caf\\xe9 HTTP/1.1", "X: \\x1b[2J\\x07\\x5c").doesNotContain("\u001b", "\u0007");
    }

    @Test
    void showsTheResponseHeadAndOnlyTheLengthOfTheBody() {
        trace.exchanged(exchanged(List.of()));

        assertThat(printed()).isEqualTo("[#3] < HTTP/1.1 200 OK\u240d\u240a\n[#3] < Content-Length: 5\u240d\u240a\n"
                + "[#3] < \u240d\u240a\n[#3] < (5 bytes of body)\n");
    }

    @Test
    void showsTheDecisionsBeforeTheResponseWithControlsEscaped() {
        trace.exchanged(exchanged(List.of("/ → /index.html", "bytes=\u009b2J → 416")));

        assertThat(printed()).startsWith("[#3] why: / → /index.html\n[#3] why: bytes=\\x9b2J → 416\n[#3] < HTTP/1.1 200 OK");
    }

    private static Exchanged exchanged(List<String> why) {
        return new Exchanged(3, "127.0.0.1:5000", 1, new byte[0], null, why,
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", 200, null, 5, 1000, new byte[0]);
    }

    @Test
    void reportsConnectionsOpeningAndClosing() {
        trace.opened(2, "127.0.0.1:5000");
        trace.closed(2, 3, "closed by the client");

        assertThat(printed()).isEqualTo("[#2] connection opened from 127.0.0.1:5000\n"
                + "[#2] connection closed after 3 requests: closed by the client\n");
    }

    @Test
    void coloursOnlyWhenAskedTo() {
        ByteArrayOutputStream coloured = new ByteArrayOutputStream();
        new WireTrace(new PrintStream(coloured, true, StandardCharsets.UTF_8), true).closed(1, 1, "closed by the client");

        assertThat(coloured.toString(StandardCharsets.UTF_8)).startsWith("\u001b[2m").endsWith("\u001b[0m\n");
    }
}
