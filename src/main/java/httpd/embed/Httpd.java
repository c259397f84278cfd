package httpd.embed;

import httpd.auth.Credentials;
import httpd.files.SiteOptions;
import httpd.http.HeaderField;
import httpd.server.ServerConfig;
import httpd.upload.UploadOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * httpd in a Java program: a static file server over a folder, set up with the same settings as the command line
 * and started in one call. Every setting has the command line's default, except the port: {@code 0}, a free one.
 *
 * <pre>{@code
 * try (HttpdServer server = Httpd.serve(Path.of("site")).port(0).spa(true).start()) {
 *     URI page = server.uri("/index.html");   // http://127.0.0.1:PORT/index.html
 *     HttpResponse<String> response = HttpClient.newHttpClient()
 *             .send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
 * }
 * }</pre>
 *
 * <p>A setting out of range throws {@link IllegalArgumentException} at once, with the message the command line
 * prints for it. The server logs through slf4j only (the access log at INFO on the logger {@code httpd.access});
 * it never configures logging, installs signal handlers, exits the JVM or changes JVM-wide settings, and servers
 * in one JVM share nothing. A builder may start several servers; each start reads the settings as they are then.
 */
public final class Httpd {
    // The settings, read by Assembly when the server starts; each setter checks its value.
    final Path root;
    InetAddress bind = InetAddress.getLoopbackAddress();
    int port;
    int threads = ServerConfig.DEFAULT_THREADS;
    int transferThreads = ServerConfig.DEFAULT_TRANSFER_THREADS;
    Duration keepAliveTimeout = Duration.ofSeconds(5);
    Duration headerTimeout = Duration.ofSeconds(10);
    Duration sendTimeout = Duration.ofSeconds(60);
    Duration shutdownGrace = Duration.ofSeconds(10);
    int maxConnections = 4096;
    boolean accessLog = true;
    boolean dotfiles;
    boolean listing = true;
    boolean spa;
    String cacheControl = SiteOptions.DEFAULT_CACHE_CONTROL;
    boolean compress = true;
    boolean cors;
    final List<HeaderField> headers = new ArrayList<>();
    boolean watch;
    UploadOptions uploads = UploadOptions.OFF;
    Credentials credentials;
    boolean authUploadsOnly;
    PrintStream traceOut;
    boolean traceColours;
    boolean inspector;
    boolean inspectorFromLan;
    boolean inspectorSecrets;
    HttpsSetup.Choice https;
    Map<String, String> environment = Map.of();
    String serverName = "httpd/" + version();

    private Httpd(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** httpd's version, as the build wrote it into {@code httpd/version.properties}; {@code dev} without one. */
    public static String version() {
        try (java.io.InputStream in = Httpd.class.getResourceAsStream("/httpd/version.properties")) {
            java.util.Properties properties = new java.util.Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }

    /** A server of this folder, not started: set what differs from the defaults, then {@link #start()}. */
    public static Httpd serve(Path root) {
        return new Httpd(root);
    }

    /** The TCP port; {@code 0} (the default here) picks a free one, which {@link HttpdServer#port()} tells. */
    public Httpd port(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range (0-65535)");
        }
        this.port = port;
        return this;
    }

    /** The address to listen on (default: loopback, this machine only); a wildcard address shares on the LAN. */
    public Httpd bind(InetAddress address) {
        this.bind = Objects.requireNonNull(address, "address");
        return this;
    }

    /** The threads that read and answer requests (default: two per core, at least 4). */
    public Httpd threads(int threads) {
        if (threads < 1 || threads > 10_000) {
            throw new IllegalArgumentException("threads must be between 1 and 10000, not " + threads);
        }
        this.threads = threads;
        return this;
    }

    /** The most threads that send long bodies (large files, event streams, uploads), default 512. */
    public Httpd transferThreads(int threads) {
        if (threads < 1 || threads > 10_000) {
            throw new IllegalArgumentException("transfer-threads must be between 1 and 10000, not " + threads);
        }
        this.transferThreads = threads;
        return this;
    }

    /** How long an idle persistent connection stays open (default 5 s). */
    public Httpd keepAliveTimeout(Duration timeout) {
        this.keepAliveTimeout = Checks.notNegative("keep-alive-timeout", timeout);
        return this;
    }

    /** How long a client has to send a whole request head (default 10 s; at least 1 s). */
    public Httpd headerTimeout(Duration timeout) {
        this.headerTimeout = Checks.atLeastASecond("header-timeout", timeout);
        return this;
    }

    /** How long a response (or an upload) may make no progress before it is cut (default 60 s; at least 1 s). */
    public Httpd sendTimeout(Duration timeout) {
        this.sendTimeout = Checks.atLeastASecond("send-timeout", timeout);
        return this;
    }

    /** How long {@link HttpdServer#close()} lets responses in flight finish (default 10 s). */
    public Httpd shutdownGrace(Duration grace) {
        this.shutdownGrace = Checks.notNegative("shutdown-grace", grace);
        return this;
    }

    /** Open connections beyond this get 503 at once (default 4096). */
    public Httpd maxConnections(int connections) {
        if (connections < 1) {
            throw new IllegalArgumentException("max-connections must be at least 1");
        }
        this.maxConnections = connections;
        return this;
    }

    /** The access log, a line per response at INFO on the logger {@code httpd.access} (default on). */
    public Httpd accessLog(boolean on) {
        this.accessLog = on;
        return this;
    }

    /** Serve and list names starting with a dot (default off: they are 404). */
    public Httpd dotfiles(boolean on) {
        this.dotfiles = on;
        return this;
    }

    /** List a folder without index.html (default on; off answers 404). */
    public Httpd listing(boolean on) {
        this.listing = on;
        return this;
    }

    /** Single-page app: browser navigations to missing paths get /index.html (default off). */
    public Httpd spa(boolean on) {
        this.spa = on;
        return this;
    }

    /** The Cache-Control sent with every file (default {@code no-cache}: browsers revalidate). */
    public Httpd cacheControl(String value) {
        Checks.header(new HeaderField("Cache-Control", Objects.requireNonNull(value, "value")), "--cache-control value");
        this.cacheControl = value;
        return this;
    }

    /** Gzip text of 1 KiB and more for clients that accept it (default on). */
    public Httpd compress(boolean on) {
        this.compress = on;
        return this;
    }

    /** {@code Access-Control-Allow-Origin: *} on every response, and CORS preflight answers (default off). */
    public Httpd cors(boolean on) {
        this.cors = on;
        return this;
    }

    /** One more header on every response; it replaces httpd's own header of that name. */
    public Httpd header(String name, String value) {
        HeaderField field = new HeaderField(name, value);
        Checks.header(field, "header '" + name + ": " + value + "'");
        headers.add(field);
        return this;
    }

    /** Live reload: open pages reload when a file under the root changes (default off). */
    public Httpd watch(boolean on) {
        this.watch = on;
        return this;
    }

    /** Take uploads into the folder: PUT, and a drop zone on listing pages (default off). */
    public Httpd upload(boolean on) {
        this.uploads = new UploadOptions(on, uploads.overwrite(), uploads.maxBytes());
        return this;
    }

    /** Let a PUT replace an existing file (default off: 409); takes effect with {@link #upload}. */
    public Httpd uploadOverwrite(boolean on) {
        this.uploads = new UploadOptions(uploads.enabled(), on, uploads.maxBytes());
        return this;
    }

    /** The largest upload taken, in bytes (default 1 GiB); larger ones get 413. */
    public Httpd maxUpload(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("max-upload must be at least 1 byte, not " + bytes);
        }
        this.uploads = new UploadOptions(uploads.enabled(), uploads.overwrite(), bytes);
        return this;
    }

    /** Ask every request for this user name and password (HTTP Basic); over plain HTTP it crosses in clear. */
    public Httpd auth(String user, String password) {
        this.credentials = new Credentials(user, password);
        return this;
    }

    /** With {@link #auth}: downloads need no password, only uploads do (default off). */
    public Httpd authUploadsOnly(boolean on) {
        this.authUploadsOnly = on;
        return this;
    }

    /** Print each request head as received, the decisions and why, and each response head, to this stream. */
    public Httpd trace(PrintStream out, boolean ansiColours) {
        this.traceOut = out;
        this.traceColours = ansiColours;
        return this;
    }

    /** The teaching inspector at /__httpd/inspect (default off); loopback clients only unless {@code fromLan}. */
    public Httpd inspector(boolean on, boolean fromLan, boolean showSecrets) {
        this.inspector = on;
        this.inspectorFromLan = fromLan;
        this.inspectorSecrets = showSecrets;
        return this;
    }

    /** HTTPS on the same port, with a certificate from httpd's local CA kept in this folder (made on first use). */
    public Httpd httpsWithLocalCa(Path caDirectory) {
        this.https = new HttpsSetup.Choice(Objects.requireNonNull(caDirectory, "caDirectory"), null, null);
        return this;
    }

    /** HTTPS on the same port with a certificate of one's own (PEM chain, and its unencrypted private key). */
    public Httpd httpsWithCertificate(Path certificate, Path key) {
        this.https = new HttpsSetup.Choice(null, Objects.requireNonNull(certificate, "certificate"),
                Objects.requireNonNull(key, "key"));
        return this;
    }

    /** The environment the machine's name is read from for certificates (HOSTNAME); default none. */
    public Httpd environment(Map<String, String> variables) {
        this.environment = Map.copyOf(variables);
        return this;
    }

    /** The {@code Server} header's value (default {@code httpd/VERSION}). */
    public Httpd serverName(String name) {
        Checks.header(new HeaderField("Server", Objects.requireNonNull(name, "name")), "server name");
        this.serverName = name;
        return this;
    }

    /**
     * Starts the server: returns once the port is bound and connections are taken.
     *
     * @throws IllegalArgumentException when the root is missing, not a folder or unreadable, or a certificate or
     *                                  key file is missing, encrypted or does not match
     * @throws IOException              when the port cannot be bound (in use, or the address is not this machine's)
     */
    public HttpdServer start() throws IOException {
        return new Assembly(this).start();
    }
}
