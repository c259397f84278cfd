package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestFiles;
import httpd.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults in mid-flight: clients that reset or stop reading, files that shrink, a root that vanishes. */
class FaultsIT {
    private static final String HELLO = "hello\n";

    @TempDir
    Path root;

    @BeforeEach
    void createSite() throws IOException {
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>\n");
        Files.writeString(root.resolve("hello.txt"), HELLO);
    }

    @Test
    void carriesOnWhenAClientResetsMidTransfer() throws Exception {
        TestFiles.sparse(root.resolve("big.bin"), 64L * 1024 * 1024);
        try (TestServer server = TestServer.start(root, c -> c.threads(2))) {
            for (int i = 0; i < 5; i++) {
                Socket quitter = new Socket("127.0.0.1", server.port());
                quitter.getOutputStream().write(RawClient.get("/big.bin").getBytes(StandardCharsets.US_ASCII));
                quitter.getInputStream().readNBytes(100_000);
                quitter.setSoLinger(true, 0); // close with a TCP reset
                quitter.close();
            }

            assertThat(server.get("/hello.txt").body()).isEqualTo(HELLO);
        }
    }

    @Test
    void closesTheConnectionInsteadOfSendingAShortBodyWhenTheFileShrinks() throws Exception {
        Path file = TestFiles.sparse(root.resolve("shrinking.bin"), 64L * 1024 * 1024);
        try (TestServer server = TestServer.start(root); Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setReceiveBufferSize(32 * 1024);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(RawClient.get("/shrinking.bin").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            long received = in.readNBytes(64 * 1024).length;
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(1024 * 1024);
            }

            byte[] buffer = new byte[64 * 1024];
            try {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    received += n;
                }
            } catch (IOException reset) {
                // a reset is as good as a close here
            }

            assertThat(received).isLessThan(64L * 1024 * 1024);
            assertThat(server.get("/hello.txt").body()).isEqualTo(HELLO);
        }
    }

    @Test
    void answers404WhileTheRootIsGoneAndRecoversWhenItComesBack() throws Exception {
        try (TestServer server = TestServer.start(root)) {
            Files.delete(root.resolve("hello.txt"));
            Files.delete(root.resolve("index.html"));
            Files.delete(root);

            assertThat(server.get("/hello.txt").statusCode()).isEqualTo(404);
            assertThat(server.get("/").statusCode()).isEqualTo(404);

            Files.createDirectory(root);
            Files.writeString(root.resolve("hello.txt"), HELLO);

            assertThat(server.get("/hello.txt").body()).isEqualTo(HELLO);
        }
    }

    @Test
    void cutsAResponseWhoseClientStoppedReadingAndFreesItsTransferThread() throws Exception {
        TestFiles.sparse(root.resolve("big.bin"), 256L * 1024 * 1024);
        byte[] medium = new byte[1024 * 1024];
        Arrays.fill(medium, (byte) 'm');
        Files.write(root.resolve("medium.bin"), medium);
        try (TestServer server = TestServer.start(root, c -> c.threads(1).transferThreads(1)
                .sendTimeout(Duration.ofSeconds(1)));
                Socket stalled = new Socket("127.0.0.1", server.port())) {
            stalled.setReceiveBufferSize(16 * 1024);
            stalled.getOutputStream().write(RawClient.get("/big.bin").getBytes(StandardCharsets.US_ASCII));
            stalled.getInputStream().readNBytes(1024);

            // the request thread is free: small answers do not wait for the stalled download
            assertThat(server.get("/hello.txt").body()).isEqualTo(HELLO);
            // the only transfer thread is free again once the watchdog cuts the stalled download
            try (RawClient client = server.connect()) {
                client.send(RawClient.get("/medium.bin"));
                RawResponse response = client.readResponse();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(medium);
            }
        }
    }

    @Test
    void servesAWholeDownloadWhileMoreClientsThanTransferThreadsStopReadingTheirs() throws Exception {
        long bigSize = 256L * 1024 * 1024;
        TestFiles.sparse(root.resolve("big.bin"), bigSize);
        byte[] content = new byte[4 * 1024 * 1024];
        new Random(7).nextBytes(content);
        Files.write(root.resolve("random.bin"), content);
        List<Socket> stalled = new ArrayList<>();
        // a send timeout far beyond the hang guard: only the rate floor can free a thread held by a stalled client
        try (TestServer server = TestServer.start(root, c -> c.transferThreads(2)
                .sendTimeout(Duration.ofMinutes(5)))) {
            for (int i = 0; i < 4; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                stalled.add(socket);
                socket.setSoTimeout(60_000);
                socket.setReceiveBufferSize(16 * 1024);
                socket.getOutputStream().write(RawClient.get("/big.bin").getBytes(StandardCharsets.US_ASCII));
                if (i < 2) {
                    assertThat(new String(socket.getInputStream().readNBytes(15), StandardCharsets.US_ASCII))
                            .isEqualTo("HTTP/1.1 200 OK"); // it holds a transfer thread now, and never reads again
                }
            }

            try (RawClient client = server.connect()) {
                client.socket().setSoTimeout(60_000);
                RawResponse response = client.send(RawClient.get("/random.bin")).readResponse();
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(content);
                assertThat(client.send(RawClient.get("/hello.txt")).readResponse().bodyText()).isEqualTo(HELLO);
            }
            // the two that held the threads while others waited were cut: the rest of their download never comes
            for (Socket holder : stalled.subList(0, 2)) {
                assertThat(readUntilClosedByServer(holder)).isLessThan(bigSize);
            }
            for (Socket socket : stalled) {
                socket.close(); // before the server stops, which would otherwise wait for those still sending
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }

    /** The bytes that still arrive before the server closes or resets the connection; a timeout is a hang. */
    private static long readUntilClosedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
            }
        } catch (SocketException reset) {
            // closed by the server with bytes unsent: a reset, which is as much an end as EOF
        }
        return total;
    }

    @Test
    void answersRequestsOnOneThreadWhileFourDownloadsStall() throws Exception {
        TestFiles.sparse(root.resolve("big.bin"), 256L * 1024 * 1024);
        List<Socket> stalled = new ArrayList<>();
        try (TestServer server = TestServer.start(root, c -> c.threads(1))) {
            for (int i = 0; i < 4; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                stalled.add(socket);
                socket.setReceiveBufferSize(16 * 1024);
                socket.getOutputStream().write(RawClient.get("/big.bin").getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(socket.getInputStream().readNBytes(15), StandardCharsets.US_ASCII))
                        .isEqualTo("HTTP/1.1 200 OK");
            }

            for (int i = 0; i < 20; i++) {
                assertThat(server.get("/hello.txt").body()).isEqualTo(HELLO);
            }
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
