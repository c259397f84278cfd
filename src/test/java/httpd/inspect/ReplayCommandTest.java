package httpd.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayCommandTest {
    static Stream<Arguments> requests() {
        return Stream.of(
                Arguments.of("GET / HTTP/1.1\r\nHost: x\r\n\r\n", "printf 'GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n'"),
                Arguments.of("GET / HTTP/1.1\nHost: x\n\n", "printf 'GET / HTTP/1.1\\nHost: x\\n\\n'"),
                Arguments.of("GET /100% HTTP/1.1\r\n", "printf 'GET /100%% HTTP/1.1\\r\\n'"),
                Arguments.of("GET /it's HTTP/1.1\r\n", "printf 'GET /it'\\''s HTTP/1.1\\r\\n'"),
                Arguments.of("GET /a\\b HTTP/1.1\r\n", "printf 'GET /a\\\\b HTTP/1.1\\r\\n'"),
                Arguments.of("GET /\u00e9\t HTTP/1.1\r\n", "printf 'GET /\\303\\251\\011 HTTP/1.1\\r\\n'"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("requests")
    void writesEachByteAsPosixPrintfReadsIt(String request, String command) {
        assertThat(ReplayCommand.printf(request.getBytes(StandardCharsets.UTF_8))).isEqualTo(command);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET / HTTP/1.1\r\nHost: x\r\n\r\n", "GET /100%25 HTTP/1.1\nX: 'a' \\b %s\n\n",
        "GET /\u00e9\u0001\u007f HTTP/1.1\r\n\r\n"})
    void givesTheShellTheVeryBytesBack(String request) throws IOException, InterruptedException {
        Path sh = Path.of("/bin/sh");
        assumeTrue(Files.isExecutable(sh), "needs a POSIX shell");
        byte[] raw = request.getBytes(StandardCharsets.UTF_8);

        Process shell = new ProcessBuilder(sh.toString(), "-c", ReplayCommand.printf(raw)).start();
        byte[] printed = shell.getInputStream().readAllBytes();

        assertThat(shell.waitFor()).isZero();
        assertThat(printed).isEqualTo(raw);
    }
}
