package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.testing.RawClient;
import httpd.testing.RawClient.RawResponse;
import httpd.testing.TestFiles;
import httpd.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small fixed pool against idle, slow, hostile and faulty clients: nobody else may notice. */
class RobustnessIT {
    private static final String HELLO = "hello\n";

    @TempDir
    Path root;
    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void createSite() throws IOException {
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>\n");
        Files.writeString(root.resolve("hello.txt"), HELLO);
    }

    @Test
    void answersAFreshClientWhile600IdleConnectionsHoldAPoolOf8() throws Exception {
        try (TestServer server = TestServer.start(root, c -> c.threads(8))) {
            List<RawClient> held = new ArrayList<>();
            try {
                for (int i = 0; i < 300; i++) {
                    held.add(server.connect()); // connected, never sends a byte
                }
                for (int i = 0; i < 300; i++) {
                    RawClient keepAlive = server.connect();
                    held.add(keepAlive);
                    assertThat(keepAlive.send(RawClient.get("/hello.txt")).readResponse().status()).isEqualTo(200);
                }

                // answered at all, while every connection held is open: none of them holds a thread
                HttpResponse<String> fresh = server.get("/");

                assertThat(fresh.statusCode()).isEqualTo(200);
                assertThat(fresh.body()).isEqualTo("<h1>home</h1>\n");
            } finally {
                held.forEach(RawClient::close);
            }
        }
    }

    @Test
    void keepsServingOthersWhileAClientReadsA256MiBFileSlowlyOrNotAtAll() throws Exception {
        TestFiles.sparse(root.resolve("big.bin"), 256L * 1024 * 1024);
        try (TestServer server = TestServer.start(root, c -> c.threads(2));
                Socket slow = new Socket("127.0.0.1", server.port())) {
            slow.setReceiveBufferSize(16 * 1024);
            slow.getOutputStream().write(RawClient.get("/big.bin").getBytes(StandardCharsets.US_ASCII));
            byte[] start = slow.getInputStream().readNBytes(1024); // the download has begun, then stalls

            for (int i = 0; i < 20; i++) {
                assertThat(server.get("/hello.txt").body()).isEqualTo(HELLO);
            }
            assertThat(new String(start, StandardCharsets.US_ASCII)).startsWith("HTTP/1.1 200 OK");
        }
    }

    @Test
    void cutsOffASlowlorisClientWithADeadlineForTheWholeHeadAndServesOthersMeanwhile() throws Exception {
        ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
        try (TestServer server = TestServer.start(root,
                c -> c.threads(1).headerTimeout(Duration.ofSeconds(1)));
                RawClient slowloris = server.connect()) {
            byte[] head = "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".getBytes(StandardCharsets.US_ASCII);
            int[] next = {0};
            // one byte every 50 ms: each read succeeds, so only a deadline for the whole head stops it
            trickle.scheduleAtFixedRate(() -> {
                if (next[0] < head.length) {
                    try {
                        slowloris.send(new byte[] {head[next[0]++]});
                    } catch (RuntimeException e) {
                        next[0] = head.length;
                    }
                }
            }, 0, 50, TimeUnit.MILLISECONDS);

            for (int i = 0; i < 5; i++) {
                assertThat(server.get("/hello.txt").body()).isEqualTo(HELLO);
            }
            RawResponse cutOff = slowloris.readResponse();

            assertThat(cutOff.status()).isEqualTo(408);
            assertThat(cutOff.header("Connection")).isEqualTo("close");
        } finally {
            trickle.shutdownNow();
        }
    }

    @Test
    void answersRequestsWhoseDeclaredBodyNeverComesAndServesAFifthClientOnFourThreads() {
        // a header timeout far beyond the hang guard: a thread waiting for a body would fail this test
        try (TestServer server = TestServer.start(root,
                c -> c.threads(4).headerTimeout(Duration.ofMinutes(5)))) {
            List<RawClient> stalled = new ArrayList<>();
            try {
                for (String method : List.of("GET", "POST", "GET", "POST")) {
                    stalled.add(server.connect().send(method + " /hello.txt HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\n"));
                }

                try (RawClient fifth = server.connect()) {
                    assertThat(fifth.send(RawClient.get("/hello.txt")).readResponse().bodyText()).isEqualTo(HELLO);
                }
                for (RawClient client : stalled) {
                    RawResponse response = client.readResponse();
                    assertThat(response.status()).isIn(200, 405);
                    assertThat(response.header("Connection")).isEqualTo("close");
                    assertThat(client.isClosedByServer()).isTrue();
                }
            } finally {
                stalled.forEach(RawClient::close);
            }
        }
    }

    @Test
    void neverReadsASmuggledRequestOutOfAChunkedBody() {
        try (TestServer server = TestServer.start(root); RawClient client = server.connect()) {
            client.send("POST /hello.txt HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "0\r\n\r\nGET /index.html HTTP/1.1\r\nHost: x\r\n\r\n");

            String everything = client.readToEnd();

            assertThat(everything).startsWith("HTTP/1.1 405 Method Not Allowed\r\n").contains("Connection: close\r\n");
            assertThat(everything.split("HTTP/1.1 ", -1)).hasSize(2);
        }
    }

    @Test
    void refusesAmbiguousBodyLengthsAndCloses() {
        for (String lengths : List.of("Content-Length: 5\r\nTransfer-Encoding: chunked", "Content-Length: 5\r\nContent-Length: 6",
                "Content-Length: -5", "Content-Length: five", "Content-Length: 5, 6")) {
            try (TestServer server = TestServer.start(root); RawClient client = server.connect()) {
                client.send("POST / HTTP/1.1\r\nHost: x\r\n" + lengths + "\r\n\r\nhelloGET /index.html HTTP/1.1\r\nHost: x\r\n\r\n");

                String everything = client.readToEnd();

                assertThat(everything).as(lengths).startsWith("HTTP/1.1 400 Bad Request\r\n");
                assertThat(everything.split("HTTP/1.1 ", -1)).as(lengths).hasSize(2);
            }
        }
    }

    @Test
    void servesCorrectBytesTo200ParallelClientsWithAPoolOf8() throws Exception {
        Random random = new Random(1);
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            byte[] content = new byte[random.nextInt(200_000) + 1];
            random.nextBytes(content);
            contents.add(content);
            Files.write(root.resolve("file" + i + ".bin"), content);
        }
        ExecutorService clients = Executors.newFixedThreadPool(200);
        try (TestServer server = TestServer.start(root, c -> c.threads(8))) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i;
                results.add(clients.submit(() -> {
                    boolean allCorrect = true;
                    try (RawClient connection = server.connect()) {
                        for (int request = 0; request < 5; request++) {
                            int file = (n + request) % contents.size();
                            RawResponse response = connection.send(RawClient.get("/file" + file + ".bin")).readResponse();
                            allCorrect &= response.status() == 200 && Arrays.equals(response.body(), contents.get(file));
                        }
                    }
                    return allCorrect;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get(120, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void answersGarbageAndKeepsServing() throws Exception {
        Random random = new Random(99);
        try (TestServer server = TestServer.start(root, c -> c.headerTimeout(Duration.ofMillis(500)))) {
            for (int i = 0; i < 200; i++) {
                byte[] garbage = new byte[random.nextInt(3000) + 1];
                random.nextBytes(garbage);
                if (i % 3 == 0) {
                    garbage[garbage.length - 1] = '\n';
                }
                try (RawClient client = server.connect()) {
                    client.send(garbage);
                    client.socket().shutdownOutput();
                    client.readToEnd();
                } catch (RuntimeException e) {
                    // a reset for a request the server refused is fine
                }
            }

            assertThat(server.get("/hello.txt").body()).isEqualTo(HELLO);
        }
    }

    @Test
    void serves1000ConcurrentKeepAliveConnectionsAndAMultiGiBFileWithASmallHeap() throws Exception {
        TestFiles.sparse(root.resolve("huge.bin"), 3L * 1024 * 1024 * 1024);
        try (TestServer server = TestServer.start(root)) {
            List<RawClient> connections = new ArrayList<>();
            try {
                for (int i = 0; i < 1000; i++) {
                    connections.add(server.connect().send(RawClient.get("/hello.txt")));
                }
                for (RawClient connection : connections) {
                    assertThat(connection.readResponse().bodyText()).isEqualTo(HELLO);
                }
                for (RawClient connection : connections) {
                    connection.send(RawClient.get("/index.html"));
                }
                for (RawClient connection : connections) {
                    assertThat(connection.readResponse().status()).isEqualTo(200);
                }
            } finally {
                connections.forEach(RawClient::close);
            }

            HttpResponse<InputStream> huge = client.send(HttpRequest.newBuilder(server.uri("/huge.bin")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            long total = 0;
            byte[] buffer = new byte[1024 * 1024];
            try (InputStream body = huge.body()) {
                for (int n = body.read(buffer); n > 0; n = body.read(buffer)) {
                    total += n;
                }
            }
            assertThat(Runtime.getRuntime().maxMemory()).isLessThan(100L * 1024 * 1024);
            assertThat(total).isEqualTo(3L * 1024 * 1024 * 1024);
        }
    }

    @Test
    void answersAConnectionBeyondTheCapWith503AtOnce() {
        try (TestServer server = TestServer.start(root, c -> c.maxConnections(2));
                RawClient first = server.connect();
                RawClient second = server.connect();
                RawClient third = server.connect()) {
            RawResponse refused = third.readResponse();

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("1");
            assertThat(refused.header("Connection")).isEqualTo("close");
            assertThat(first.send(RawClient.get("/hello.txt")).readResponse().bodyText()).isEqualTo(HELLO);
            assertThat(second.send(RawClient.get("/hello.txt")).readResponse().bodyText()).isEqualTo(HELLO);
        }
    }
}
