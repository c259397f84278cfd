package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.http.Body;
import httpd.http.HttpDates;
import httpd.http.HttpStatus;
import httpd.http.RequestHead;
import httpd.http.RequestParser;
import httpd.http.ParserLimits;
import httpd.http.Response;
import httpd.server.Answer.Afterwards;
import httpd.testing.TestFiles;
import httpd.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HEAD is decided in the writer, once: the head of the GET, no body, and what was not sent is closed. */
class ResponseWriterTest {
    @TempDir
    Path root;
    private final MemoryTransport transport = new MemoryTransport("", true);
    private final ResponseWriter writer = new ResponseWriter(transport,
            new ResponseHeadBytes(TestServer.SERVER, List.of(), new PerSecondText(TestServer.CLOCK, HttpDates::format)),
            new SendProgress());

    private static RequestHead request(String method) throws Exception {
        String head = method + " /big.bin HTTP/1.1\r\nHost: x\r\n\r\n";
        return new RequestParser(ParserLimits.DEFAULT).parse(new ByteArrayInputStream(head.getBytes(StandardCharsets.US_ASCII)));
    }

    private Answer answer(String method, FileChannel file, long length) throws Exception {
        Response response = Response.builder(HttpStatus.OK).header("Content-Type", "application/octet-stream")
                .body(new Body.FileRegion(file, 0, length)).build();
        return new Answer(request(method), response, Afterwards.PERSIST, 0);
    }

    @Test
    void sendsTheHeadOfTheGetForAHeadAndClosesTheFileItDidNotSend() throws Exception {
        long length = 10L * Body.SMALL_BYTES;
        FileChannel file = FileChannel.open(TestFiles.sparse(root.resolve("big.bin"), length));
        transport.open();

        writer.write(answer("HEAD", file, length), false);

        assertThat(transport.output()).isEqualTo("HTTP/1.1 200 OK\r\n"
                + "Date: " + TestServer.DATE + "\r\n"
                + "Server: " + TestServer.SERVER + "\r\n"
                + "Content-Type: application/octet-stream\r\n"
                + "Content-Length: " + length + "\r\n\r\n");
        assertThat(transport.bytesSentAsFile()).isZero();
        assertThat(file.isOpen()).isFalse();
    }

    @Test
    void handsALargeGetToATransferThreadButNeverAHead() throws Exception {
        long length = Body.SMALL_BYTES + 1;
        try (FileChannel file = FileChannel.open(TestFiles.sparse(root.resolve("big.bin"), length))) {
            assertThat(answer("GET", file, length).takesLong()).isTrue();
            assertThat(answer("HEAD", file, length).takesLong()).isFalse();
            assertThat(answer("GET", file, Body.SMALL_BYTES).takesLong()).isFalse();
        }
    }
}
