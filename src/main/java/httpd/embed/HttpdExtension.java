package httpd.embed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit 5 extension that serves a folder while tests run, on a free port of loopback:
 *
 * <pre>{@code
 * class CheckoutPageTest {
 *     @RegisterExtension
 *     static HttpdExtension site = HttpdExtension.serving(Path.of("src/test/resources/site"));
 *
 *     @Test
 *     void loads() throws Exception {
 *         HttpResponse<String> page = HttpClient.newHttpClient().send(
 *                 HttpRequest.newBuilder(site.uri("/index.html")).build(), HttpResponse.BodyHandlers.ofString());
 *         assertEquals(200, page.statusCode());
 *     }
 * }
 * }</pre>
 *
 * <p>In a static field the server runs once for the whole class; in an instance field, a fresh one for each test.
 * JUnit's API is an optional dependency of httpd: it is there when JUnit runs the tests, and never needed
 * otherwise.
 */
public final class HttpdExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private final Path root;
    private final UnaryOperator<Httpd> settings;
    private HttpdServer server;
    /** Whether the server was started for the class (static field), so that tests do not start their own. */
    private boolean perClass;

    private HttpdExtension(Path root, UnaryOperator<Httpd> settings) {
        this.root = Objects.requireNonNull(root, "root");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Serves this folder with the default settings (the access log off: test output stays quiet). */
    public static HttpdExtension serving(Path root) {
        return new HttpdExtension(root, UnaryOperator.identity());
    }

    /** Serves this folder with settings of one's own, e.g. {@code httpd -> httpd.spa(true)}. */
    public static HttpdExtension serving(Path root, UnaryOperator<Httpd> settings) {
        return new HttpdExtension(root, settings);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    /** The running server's root URL, such as {@code http://127.0.0.1:40123/}. */
    public URI uri() {
        return running().uri();
    }

    /** The URL of a path on the running server, such as {@code uri("/index.html")}. */
    public URI uri(String path) {
        return running().uri(path);
    }

    /** The port the server listens on. */
    public int port() {
        return running().port();
    }

    private HttpdServer running() {
        if (server == null) {
            throw new IllegalStateException("the server runs only while a test does: register the extension with"
                    + " @RegisterExtension");
        }
        return server;
    }

    private void start() {
        try {
            server = settings.apply(Httpd.serve(root).port(0).accessLog(false)).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
