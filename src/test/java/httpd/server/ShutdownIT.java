package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.testing.RawClient;
import httpd.testing.TestServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl+C while clients are connected: idle ones are closed, downloads in flight complete. */
class ShutdownIT {
    @TempDir
    Path root;

    @Test
    void letsADownloadInFlightFinishAndClosesIdleConnectionsAtOnce() throws Exception {
        long size = 64L * 1024 * 1024;
        try (var file = java.nio.channels.FileChannel.open(root.resolve("big.bin"),
                java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            file.write(java.nio.ByteBuffer.wrap(new byte[] {1}), size - 1);
        }
        TestServer server = TestServer.start(root);
        try (RawClient idle = server.connect();
                Socket downloader = new Socket("127.0.0.1", server.port())) {
            idle.send("GET /missing HTTP/1.1\r\nHost: x\r\n\r\n").readResponse();
            downloader.setSoTimeout(20_000);
            downloader.setReceiveBufferSize(64 * 1024);
            OutputStream out = downloader.getOutputStream();
            out.write("GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            InputStream in = downloader.getInputStream();
            String head = readHead(in); // the response has started; the server is mid-transfer
            byte[] buffer = new byte[64 * 1024];
            long received = 0;

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> server.server().stop(Duration.ofSeconds(30)));
            assertThat(idle.isClosedByServer()).isTrue();
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                received += n;
            }
            stopping.get();

            assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: " + size + "\r\n");
            assertThat(received).isEqualTo(size);
            assertThat(server.server().responsesInFlight()).isZero();
        }
        try (Socket late = new Socket("127.0.0.1", server.port())) {
            throw new AssertionError("server still accepts after stop: " + late);
        } catch (ConnectException expected) {
            // the listening socket is closed
        }
    }

    @Test
    void finishesEveryResponseInFlightWhenStoppedUnderLoad() throws Exception {
        byte[] content = new byte[300_000];
        new java.util.Random(3).nextBytes(content);
        Files.write(root.resolve("file.bin"), content);
        TestServer server = TestServer.start(root, c -> c.threads(4));
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(20);
        java.util.concurrent.CountDownLatch everyoneServed = new java.util.concurrent.CountDownLatch(20);
        java.util.List<java.util.concurrent.Future<int[]>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(clients.submit(() -> {
                int whole = 0;
                int broken = 0;
                boolean counted = false;
                try (Socket socket = new Socket("127.0.0.1", server.port())) {
                    socket.setSoTimeout(30_000);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    while (true) {
                        out.write("GET /file.bin HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
                        String head = readHead(in);
                        if (head == null) {
                            break; // closed between responses: fine
                        }
                        byte[] body = in.readNBytes(content.length);
                        if (java.util.Arrays.equals(body, content)) {
                            whole++;
                        } else {
                            broken++;
                        }
                        if (!counted) {
                            counted = true;
                            everyoneServed.countDown();
                        }
                        if (head.contains("Connection: close")) {
                            break;
                        }
                    }
                } catch (java.io.IOException e) {
                    // the connection was closed between responses
                } finally {
                    if (!counted) {
                        everyoneServed.countDown();
                    }
                }
                return new int[] {whole, broken};
            }));
        }
        everyoneServed.await();

        server.server().stop(Duration.ofSeconds(30));

        int whole = 0;
        for (java.util.concurrent.Future<int[]> result : results) {
            int[] counts = result.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(counts[1]).as("responses cut short").isZero();
            whole += counts[0];
        }
        clients.shutdownNow();
        assertThat(whole).isGreaterThanOrEqualTo(20);
    }

    /** The head of the next response, or null when the server closed the connection first. */
    private static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.length() == 0 ? null : head.toString();
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
