package httpd.testing;

import httpd.files.MimeTypes;
import httpd.files.PathResolver;
import httpd.files.SiteOptions;
import httpd.files.StaticFileHandler;
import httpd.http.RequestHandler;
import httpd.server.HttpServer;
import httpd.server.ServerConfig;
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

    private final HttpServer server;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(30)).build();

    private TestServer(HttpServer server) {
        this.server = server;
    }

    public static TestServer start(Path root) {
        return start(root, UnaryOperator.identity());
    }

    /** @param customize changes to the test defaults (loopback, port 0, 8 threads), e.g. {@code c -> c.threads(2)} */
    public static TestServer start(Path root, UnaryOperator<ServerConfig.Builder> customize) {
        return start(root, customize, SiteOptions.DEFAULT);
    }

    public static TestServer start(Path root, SiteOptions options) {
        return start(root, UnaryOperator.identity(), options);
    }

    public static TestServer start(Path root, UnaryOperator<ServerConfig.Builder> customize, SiteOptions options) {
        return start(root, customize, options, UnaryOperator.identity());
    }

    /** @param wrap puts another handler around the static file handler, e.g. live reload */
    public static TestServer start(Path root, UnaryOperator<ServerConfig.Builder> customize, SiteOptions options,
            UnaryOperator<RequestHandler> wrap) {
        try {
            ServerConfig config = customize.apply(ServerConfig.builder(InetAddress.getLoopbackAddress(), 0).threads(8))
                    .build();
            RequestHandler files = new StaticFileHandler(new PathResolver(root, false), MimeTypes.load(), options, false,
                    ZoneOffset.UTC);
            HttpServer server = new HttpServer(config, wrap.apply(files), SERVER, CLOCK);
            server.start();
            return new TestServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
