package httpd.embed;

import httpd.auth.AuthScope;
import httpd.auth.BasicAuth;
import httpd.files.FileVersionCache;
import httpd.files.MimeTypes;
import httpd.files.SiteOptions;
import httpd.files.StaticFileHandler;
import httpd.files.UploadFolders;
import httpd.http.HeaderField;
import httpd.http.RequestHandler;
import httpd.inspect.Inspector;
import httpd.reload.FileWatcher;
import httpd.reload.LiveReloadHandler;
import httpd.reload.ReloadEvents;
import httpd.server.HttpServer;
import httpd.server.ServerConfig;
import httpd.server.Trace;
import httpd.server.TransportFactory;
import httpd.server.WireTrace;
import httpd.share.LanAddresses;
import httpd.share.QrPage;
import httpd.upload.UploadHandler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Puts a server together from {@link Httpd}'s settings, the one place that does, for the command line too: the
 * files handler, then each handler that is asked for in front of it (uploads, the QR page, live reload, the HTTPS
 * pages, the inspector, the password, outermost), the transports, and the server.
 */
final class Assembly {
    private final Httpd s;

    Assembly(Httpd settings) {
        this.s = settings;
    }

    /** The server these settings describe, started. */
    HttpdServer start() throws IOException {
        Path servedRoot = checkedRoot();
        ServerConfig config = ServerConfig.builder(s.bind, s.port).threads(s.threads).transferThreads(s.transferThreads)
                .keepAliveTimeout(s.keepAliveTimeout).headerTimeout(s.headerTimeout).sendTimeout(s.sendTimeout)
                .shutdownGrace(s.shutdownGrace).maxConnections(s.maxConnections).accessLog(s.accessLog)
                .extraHeaders(extraHeaders()).build();
        Optional<HttpsSetup> tls = s.https == null ? Optional.empty()
                : Optional.of(HttpsSetup.prepare(s.https, s.bind, s.environment, Clock.systemUTC()));
        SiteOptions site = new SiteOptions(servedRoot, s.dotfiles, s.listing, s.spa, s.cacheControl, s.cors, s.compress,
                s.uploads.enabled());
        RequestHandler handler = new StaticFileHandler(site, MimeTypes.load(),
                new FileVersionCache(smallFilesBytes(), Clock.systemUTC()), ZoneId.systemDefault());
        if (s.uploads.enabled()) {
            handler = new UploadHandler(handler, s.uploads, new UploadFolders(site), s.dotfiles);
        }
        handler = new QrPage(LanAddresses.lanAddress(s.bind).map(LanAddresses::host), handler);
        ReloadEvents reloadEvents = new ReloadEvents(Math.max(1, s.transferThreads / 4), Duration.ofSeconds(15));
        FileWatcher watcher = null;
        if (s.watch) {
            watcher = new FileWatcher(servedRoot, Duration.ofMillis(150), reloadEvents::changed).start();
            handler = new LiveReloadHandler(handler, reloadEvents);
        }
        if (tls.isPresent()) {
            handler = tls.get().wrap(handler);
        }
        Trace trace = s.traceOut == null ? Trace.NONE : new WireTrace(s.traceOut, s.traceColours);
        Optional<Inspector> inspect = s.inspector
                ? Optional.of(new Inspector(s.inspectorSecrets, Clock.systemDefaultZone(), Duration.ofSeconds(15)))
                : Optional.empty();
        if (inspect.isPresent()) {
            handler = inspect.get().handler(s.inspectorFromLan, handler);
            trace = trace.and(inspect.get().trace());
        }
        if (s.credentials != null) {
            // outermost: every path, the inspector's and live reload's too
            handler = new BasicAuth(s.credentials, s.authUploadsOnly ? AuthScope.UPLOADS : AuthScope.EVERY_REQUEST, s.cors,
                    handler);
        }
        HttpServer server = new HttpServer(config, handler, s.serverName, Clock.systemDefaultZone(), trace,
                tls.isPresent() ? tls.get().transports() : TransportFactory.PLAIN);
        try {
            server.start();
        } catch (IOException | RuntimeException e) {
            reloadEvents.close();
            inspect.ifPresent(Inspector::close);
            if (watcher != null) {
                watcher.close();
            }
            throw e;
        }
        return new HttpdServer(server, tls.isPresent(), s.bind, reloadEvents, watcher, inspect, s.shutdownGrace,
                tls.isPresent() ? tls.get().notes() : List.of());
    }

    /** The root as an absolute path, checked: it exists, is a folder and can be read. */
    private Path checkedRoot() {
        Path absolute = s.root.toAbsolutePath().normalize();
        if (!Files.exists(absolute)) {
            throw new IllegalArgumentException("root " + s.root + " does not exist");
        }
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("root " + s.root + " is not a directory");
        }
        if (!Files.isReadable(absolute)) {
            throw new IllegalArgumentException("root " + s.root + " is not readable");
        }
        return absolute;
    }

    /** {@link Httpd#cors} and every {@link Httpd#header}, in that order. */
    private List<HeaderField> extraHeaders() {
        List<HeaderField> fields = new ArrayList<>();
        if (s.cors) {
            // "*" without Allow-Credentials: browsers reject that pair, so it is never sent
            fields.add(new HeaderField("Access-Control-Allow-Origin", "*"));
        }
        fields.addAll(s.headers);
        return fields;
    }

    /**
     * The most bytes of small files kept in memory: an eighth of the heap, at most 32 MiB, so they never crowd out
     * what requests in flight need.
     */
    private static long smallFilesBytes() {
        return Math.min(32L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8);
    }
}
