package httpd.testing;

import httpd.files.FileVersionCache;
import httpd.files.MimeTypes;
import httpd.files.SiteOptions;
import httpd.files.StaticFileHandler;
import httpd.http.RequestHandler;
import httpd.server.HttpServer;
import httpd.server.ServerConfig;
import httpd.server.Trace;
import httpd.server.TransportFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/** A real httpd on a loopback port chosen by the OS, with a fixed clock so responses are exact bytes. */
public final class TestServer implements AutoCloseable {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    public static final String DATE = "Fri, 02 Jan 2026 03:04:05 GMT";
    public static final String SERVER = "httpd/test";
    /** What the command line would give a JVM with a 256 MiB heap. */
    public static final long SMALL_FILES_BYTES = 32L * 1024 * 1024;

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private TestServer(HttpServer server) {
        this.server = server;
    }

    public static TestServer start(Path root) {
        return start(SiteOptions.defaults(root), UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** @param customize changes to the test defaults (loopback, port 0, 8 threads), e.g. {@code c -> c.threads(2)} */
    public static TestServer start(Path root, UnaryOperator<ServerConfig.Builder> customize) {
        return start(SiteOptions.defaults(root), customize, UnaryOperator.identity());
    }

    public static TestServer start(SiteOptions site) {
        return start(site, UnaryOperator.identity(), UnaryOperator.identity());
    }

    /** @param wrap puts another handler around the static file handler, e.g. live reload */
    public static TestServer start(SiteOptions site, UnaryOperator<ServerConfig.Builder> customize,
            UnaryOperator<RequestHandler> wrap) {
        return start(site, customize, wrap, TransportFactory.PLAIN, Trace.NONE);
    }

    /** @param transports how connections carry their bytes, e.g. TLS */
    public static TestServer start(SiteOptions site, UnaryOperator<ServerConfig.Builder> customize,
            UnaryOperator<RequestHandler> wrap, TransportFactory transports, Trace trace) {
        try {
            ServerConfig config = customize.apply(ServerConfig.builder(InetAddress.getLoopbackAddress(), 0).threads(8))
                    .build();
            HttpServer server = new HttpServer(config, wrap.apply(files(site)), SERVER, CLOCK, trace, transports);
            server.start();
            return new TestServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The files side as the command line assembles it, with a fixed memory cap. Its cache tells settled
     * versions by the real clock: file times are real, whatever {@link #CLOCK} says.
     */
    public static RequestHandler files(SiteOptions site) throws IOException {
        return new StaticFileHandler(site, MimeTypes.load(), new FileVersionCache(SMALL_FILES_BYTES, Clock.systemUTC()),
                ZoneOffset.UTC);
    }

    public HttpServer server() {
        return server;
    }

    public int port() {
        return server.port();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** A GET through {@link HttpClient}, with a generous timeout (a safety net, not a measurement). */
    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public RawClient connect() {
        return new RawClient(port());
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(5));
    }
}
