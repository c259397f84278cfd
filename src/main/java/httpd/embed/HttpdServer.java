package httpd.embed;

import httpd.inspect.Inspector;
import httpd.reload.FileWatcher;
import httpd.reload.ReloadEvents;
import httpd.server.HttpServer;
import httpd.share.LanAddresses;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A started httpd: where it listens, and how to stop it. {@link #close()} stops taking connections, lets
 * responses in flight finish within the shutdown grace, and returns when every thread the server started has
 * ended; it is safe to call more than once.
 *
 * <pre>{@code
 * try (HttpdServer server = Httpd.serve(Path.of("docs")).start()) {
 *     System.out.println("serving at " + server.uri());
 *     server.awaitStopped();   // until another thread calls close()
 * }
 * }</pre>
 */
public final class HttpdServer implements AutoCloseable {
    private final HttpServer server;
    private final boolean secure;
    private final InetAddress bind;
    private final ReloadEvents reloadEvents;
    private final FileWatcher watcher;
    private final Optional<Inspector> inspector;
    private final Duration shutdownGrace;
    private final List<String> notes;

    HttpdServer(HttpServer server, boolean secure, InetAddress bind, ReloadEvents reloadEvents, FileWatcher watcher,
            Optional<Inspector> inspector, Duration shutdownGrace, List<String> notes) {
        this.server = server;
        this.secure = secure;
        this.bind = bind;
        this.reloadEvents = reloadEvents;
        this.watcher = watcher;
        this.inspector = inspector;
        this.shutdownGrace = shutdownGrace;
        this.notes = List.copyOf(notes);
    }

    /** The port it listens on: the one chosen when the port asked for was 0. */
    public int port() {
        return server.port();
    }

    /** The server's root URL, such as {@code http://127.0.0.1:40123/}; for a wildcard address, loopback's. */
    public URI uri() {
        String host = bind.isAnyLocalAddress() ? "127.0.0.1" : LanAddresses.host(bind);
        return URI.create((secure ? "https" : "http") + "://" + host + ":" + port() + "/");
    }

    /** The URL of a path on this server, such as {@code uri("/index.html")}. */
    public URI uri(String path) {
        return uri().resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    /** Whether it speaks HTTPS. */
    public boolean secure() {
        return secure;
    }

    /** What a person starting it should know (the HTTPS certificate in use, and how to trust it); often empty. */
    public List<String> notes() {
        return notes;
    }

    /** Responses being sent at this moment, event streams (live reload, the inspector) not counted. */
    public int downloadsInFlight() {
        int streams = reloadEvents.openStreams() + inspector.map(Inspector::openStreams).orElse(0);
        return Math.max(0, server.responsesInFlight() - streams);
    }

    /**
     * Stops: event streams end at once, idle connections close, responses in flight may finish within
     * {@code grace}, then whatever remains is cut. Returns when the server's threads have ended.
     */
    public void stop(Duration grace) {
        reloadEvents.close();
        inspector.ifPresent(Inspector::close);
        server.stop(grace);
        if (watcher != null) {
            try {
                watcher.close();
            } catch (java.io.IOException e) {
                // the watch service is gone either way; nothing is left to stop
            }
        }
    }

    /** {@link #stop} with the shutdown grace it was started with. */
    @Override
    public void close() {
        stop(shutdownGrace);
    }

    /** Blocks until the server has stopped ({@link #close} or {@link #stop} from another thread). */
    public void awaitStopped() {
        server.awaitStopped();
    }
}
