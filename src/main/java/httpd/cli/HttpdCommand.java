package httpd.cli;

import httpd.files.FileVersionCache;
import httpd.files.MimeTypes;
import httpd.files.SiteOptions;
import httpd.files.StaticFileHandler;
import httpd.files.UploadFolders;
import httpd.http.HeaderField;
import httpd.http.RequestHandler;
import httpd.reload.FileWatcher;
import httpd.reload.LiveReloadHandler;
import httpd.reload.ReloadEvents;
import httpd.server.HttpServer;
import httpd.server.ServerConfig;
import httpd.inspect.Inspector;
import httpd.server.Trace;
import httpd.server.TransportFactory;
import httpd.server.WireTrace;
import httpd.share.QrPage;
import httpd.upload.UploadHandler;
import httpd.upload.UploadOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The command line: options in, a running server out, and one clear line for every mistake. */
@Command(name = "httpd", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {AutoComplete.GenerateCompletion.class, TrustCommand.class},
        sortOptions = false, usageHelpAutoWidth = true,
        description = "A small, fast, safe static file server.",
        footer = {"", "With no DIR: ./www when it exists, else the current folder.",
                "Settings come from --config FILE, else config/httpd.properties if it exists;"
                + " flags override them."})
public final class HttpdCommand implements Callable<Integer> {
    @Option(names = {"-p", "--port"}, defaultValue = "7891", paramLabel = "PORT",
            description = "TCP port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Parameters(arity = "0..1", paramLabel = "DIR",
            description = "Folder to serve (default: ./www when it exists, else the current folder).")
    Path directory;

    // descriptionKey: the settings file's key, which picocli would otherwise take from the longest name
    @Option(names = {"-r", "--root", "-d", "--directory"}, paramLabel = "DIR", descriptionKey = "root",
            description = "The same as DIR.")
    Path root;

    @Option(names = {"-b", "--bind"}, defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on; 0.0.0.0 or :: shares on the LAN (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = {"-t", "--threads"}, paramLabel = "N",
            description = "Threads that read and answer requests; connections take turns on them "
                    + "(default: twice the cores, at least 4; here ${DEFAULT-VALUE}).")
    int threads = ServerConfig.DEFAULT_THREADS;

    @Option(names = "--transfer-threads", paramLabel = "N",
            description = "Threads that send large files and live-reload streams, so slow downloads never hold "
                    + "up requests (default: ${DEFAULT-VALUE}).")
    int transferThreads = ServerConfig.DEFAULT_TRANSFER_THREADS;

    @Option(names = "--dotfiles", defaultValue = "false",
            description = "Serve files and directories whose names start with a dot (hidden by default).")
    boolean dotfiles;

    @Option(names = "--keep-alive-timeout", defaultValue = "5", paramLabel = "SECONDS",
            description = "Close a persistent connection idle this long (default: ${DEFAULT-VALUE}).")
    int keepAliveSeconds;

    @Option(names = "--header-timeout", defaultValue = "10", paramLabel = "SECONDS",
            description = "A client must send a whole request head within this time (default: ${DEFAULT-VALUE}).")
    int headerTimeoutSeconds;

    @Option(names = "--send-timeout", defaultValue = "60", paramLabel = "SECONDS",
            description = "Cut a response that makes no progress this long: the client stopped reading (default: ${DEFAULT-VALUE}).")
    int sendTimeoutSeconds;

    @Option(names = "--max-connections", defaultValue = "4096", paramLabel = "N",
            description = "Open connections beyond this get 503 at once (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--shutdown-grace", defaultValue = "10", paramLabel = "SECONDS",
            description = "On Ctrl+C, let responses in flight finish for up to this long (default: ${DEFAULT-VALUE}).")
    int shutdownGraceSeconds;

    @Option(names = "--no-listing", defaultValue = "false",
            description = "Answer 404 for a directory without index.html instead of listing it.")
    boolean noListing;

    @Option(names = "--spa", defaultValue = "false",
            description = "Single-page app: browser navigations to missing paths get /index.html (assets stay 404).")
    boolean spa;

    @Option(names = "--cache-control", defaultValue = SiteOptions.DEFAULT_CACHE_CONTROL, paramLabel = "VALUE",
            description = "Cache-Control sent with every file (default: ${DEFAULT-VALUE}: browsers revalidate,"
                    + " so edits show on reload).")
    String cacheControl;

    @Option(names = "--compress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Gzip text (HTML, CSS, JS, JSON, SVG...) of 1 KiB and more for clients that accept it"
                    + " (on by default; --no-compress sends files as they are).")
    boolean compress;

    @Option(names = "--cors", defaultValue = "false",
            description = "Allow cross-origin requests: Access-Control-Allow-Origin: * and preflight answers.")
    boolean cors;

    @Option(names = {"-H", "--header"}, paramLabel = "'NAME: VALUE'",
            description = "Add this header to every response (repeatable).")
    List<String> headers = new ArrayList<>();

    @Option(names = "--watch", defaultValue = "false",
            description = "Live reload: open pages reload (stylesheets refresh) when a file under the root changes.")
    boolean watch;

    @Option(names = "--trace", defaultValue = "false",
            description = "Print each request head as received and each response head as sent, CR LF shown.")
    boolean trace;

    @Option(names = "--inspect", defaultValue = "false",
            description = "Teaching inspector: every exchange live at /__httpd/inspect, its bytes and the why of"
                    + " each answer (this machine only).")
    boolean inspect;

    @Option(names = "--inspect-from-lan", defaultValue = "false",
            description = "Let other machines open the inspector too (it shows everyone's requests).")
    boolean inspectFromLan;

    @Option(names = "--inspect-secrets", defaultValue = "false",
            description = "Show Cookie and Authorization values in the inspector instead of masking them.")
    boolean inspectSecrets;

    @Option(names = "--upload", defaultValue = "false",
            description = "Let clients send files: a drop zone on listing pages, and PUT (curl -T). Never"
                    + " overwrites, never leaves a partial file.")
    boolean upload;

    @Option(names = "--upload-overwrite", defaultValue = "false",
            description = "Let a PUT replace an existing file (else 409 Conflict).")
    boolean uploadOverwrite;

    @Option(names = "--max-upload", defaultValue = "1G", paramLabel = "SIZE",
            description = "The largest upload taken, e.g. 500M or 2G; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    String maxUpload;

    @Option(names = "--no-qr", defaultValue = "false",
            description = "No QR code of the LAN URL in the banner (shown when listening beyond loopback).")
    boolean noQr;

    @Option(names = "--auth", paramLabel = "USER:PASSWORD",
            description = "Ask every request for this user name and password (HTTP Basic). HTTPD_AUTH=USER:PASSWORD"
                    + " in the environment keeps it out of ps and shell history; --auth wins over it, it over the"
                    + " settings file.")
    String auth;

    @Option(names = "--auth-uploads-only", defaultValue = "false",
            description = "With --auth: anyone may download; only uploads need the password (PUT, POST: every"
                    + " method but GET, HEAD and OPTIONS).")
    boolean authUploadsOnly;

    @Option(names = "--open", defaultValue = "false",
            description = "Open the URL in the default browser (does nothing where there is no desktop).")
    boolean open;

    @Option(names = {"-q", "--quiet"}, defaultValue = "false", description = "No access log lines.")
    boolean quiet;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: config/httpd.properties when it exists).")
    Path config;

    @Mixin
    TlsOptions tlsOptions = new TlsOptions();

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final Path workingDirectory;
    private final Consumer<Running> onStarted;
    private final Map<String, String> env;
    private SettingsFile settings;

    /**
     * @param workingDirectory where config/httpd.properties and ./www are looked for, and relative names start
     * @param env              the environment variables (HTTPD_AUTH, the TLS folder's): a test hands in its own
     * @param onStarted        called once the server listens: the CLI installs signal handlers there, tests
     *                         take the server to stop it
     */
    HttpdCommand(PrintStream out, Path workingDirectory, Map<String, String> env, Consumer<Running> onStarted) {
        this.out = out;
        this.workingDirectory = workingDirectory;
        this.env = env;
        this.onStarted = onStarted;
    }

    @Override
    public Integer call() throws UsageError, StartFailure, IOException {
        ServerConfig serverConfig = toServerConfig();
        Path servedRoot = servedRoot();
        Optional<Https> https = https(serverConfig.bindAddress());
        String version = VersionProvider.version();
        SiteOptions site = toSiteOptions(servedRoot);
        UploadOptions uploads = toUploadOptions();
        site = site.withUploadForm(uploads.enabled());
        Optional<AuthSetting> auth = authSetting();
        RequestHandler handler = new StaticFileHandler(site, MimeTypes.load(),
                new FileVersionCache(smallFilesBytes(), Clock.systemUTC()), ZoneId.systemDefault());
        if (uploads.enabled()) {
            handler = new UploadHandler(handler, uploads, new UploadFolders(site), site.dotfiles());
        }
        Optional<InetAddress> lanAddress = Banner.lanAddress(serverConfig.bindAddress());
        handler = new QrPage(lanAddress.map(Banner::host), handler);
        ReloadEvents reloadEvents = new ReloadEvents(Math.max(1, transferThreads / 4), Duration.ofSeconds(15));
        FileWatcher watcher = null;
        if (watch) {
            watcher = new FileWatcher(site.root(), Duration.ofMillis(150), reloadEvents::changed).start();
            handler = new LiveReloadHandler(handler, reloadEvents);
        }
        if (https.isPresent()) {
            handler = https.get().wrap(handler);
        }
        Trace wireTrace = trace ? new WireTrace(out, System.console() != null) : Trace.NONE;
        Optional<Inspector> inspector = inspector();
        if (inspector.isPresent()) {
            handler = inspector.get().handler(inspectFromLan, handler);
            wireTrace = wireTrace.and(inspector.get().trace());
        }
        if (auth.isPresent()) {
            handler = auth.get().wrap(handler, cors); // outermost: every path, the inspector's and live reload's too
        }
        HttpServer server = new HttpServer(serverConfig, handler, "httpd/" + version, Clock.systemDefaultZone(),
                wireTrace, https.isPresent() ? https.get().transports() : TransportFactory.PLAIN);
        start(server);
        // Ctrl+C is caught before the banner shows the URL, so that a stop is graceful from the first moment
        onStarted.accept(new Running(server, reloadEvents, inspector, serverConfig.shutdownGrace()));
        String scheme = https.isPresent() ? "https" : "http";
        String url = Banner.url(scheme, serverConfig.bindAddress(), server.port());
        List<String> notes = bannerNotes();
        if (inspector.isPresent()) {
            notes.addAll(inspectorNotes(url, serverConfig.bindAddress()));
        }
        if (https.isPresent()) {
            notes.addAll(https.get().notes());
        }
        auth.ifPresent(setting -> notes.add(setting.bannerNote()));
        notes.addAll(LanWarnings.of(serverConfig.bindAddress(), upload, auth.isPresent(), https.isPresent()));
        Banner.print(out, "httpd " + version + " serving " + servedRoot + " at " + url + " (Ctrl+C to stop)",
                Banner.networkUrls(scheme, serverConfig.bindAddress(), server.port()), notes);
        if (!noQr) {
            // explicit colours only where a console shows them: in a file or pipe they would be noise; out is
            // System.out outside tests, so its character set is the one that must have the half blocks
            lanAddress.ifPresent(address -> Banner.printQr(out, Banner.url(scheme, address, server.port()),
                    QrText.Colours.forConsole(System.console() != null), QrText.stdoutCharset()));
        }
        if (open) {
            Banner.openBrowser(url);
        }
        server.awaitStopped();
        inspector.ifPresent(Inspector::close);
        if (watcher != null) {
            watcher.close();
        }
        out.println("stopped");
        out.flush();
        return CommandLineRun.EXIT_OK;
    }

    /**
     * HTTPS when asked for: certificates ready before the port opens, so a mistake is one line and no server.
     * (No lambda or method reference names {@link Https} in this class: making one would load it, and BouncyCastle
     * after it, on every start.)
     */
    private Optional<Https> https(InetAddress bind) throws UsageError {
        if (!tlsOptions.enabled()) {
            return Optional.empty();
        }
        tlsOptions.check();
        return Optional.of(Https.setUp(tlsOptions, bind, env, Clock.systemUTC()));
    }

    /** The settings file read before the command line, whose values are the defaults of options not typed. */
    void useSettings(SettingsFile settings) {
        this.settings = settings;
    }

    /** What a newcomer may wonder about, under the URL: why this folder, which settings file, live reload. */
    /** The inspector, when asked for: only then is anything recorded. */
    private Optional<Inspector> inspector() throws UsageError {
        if (!inspect && (inspectFromLan || inspectSecrets)) {
            throw new UsageError((inspectFromLan ? "--inspect-from-lan" : "--inspect-secrets") + " needs --inspect");
        }
        return inspect ? Optional.of(new Inspector(inspectSecrets, Clock.systemDefaultZone(), Duration.ofSeconds(15)))
                : Optional.empty();
    }

    /** Where the inspector is, and who can see it. */
    private List<String> inspectorNotes(String url, InetAddress bind) {
        List<String> notes = new ArrayList<>();
        String page = url.substring(0, url.length() - 1) + Inspector.pagePath();
        notes.add("inspector: " + page + (inspectSecrets ? "" : " (Cookie and Authorization values masked)"));
        if (inspectFromLan) {
            notes.add("warning: --inspect-from-lan: anyone who can reach this port sees every request, "
                    + (inspectSecrets ? "cookies and passwords included" : "their addresses and paths"));
        } else if (!bind.isLoopbackAddress() && !bind.isAnyLocalAddress()) {
            notes.add("the inspector answers only this machine's loopback clients, and this address is not one:"
                    + " add --inspect-from-lan to open it here");
        }
        return notes;
    }

    private List<String> bannerNotes() {
        List<String> notes = new ArrayList<>();
        String why = servedFolder().choice().bannerNote();
        if (!why.isEmpty()) {
            notes.add(why);
        }
        if (settings.file() != null) {
            notes.add("settings from " + settings.file());
        }
        if (watch) {
            notes.add("live reload on");
        }
        if (upload) {
            notes.add("uploads on: listing pages take files, and PUT (curl -T FILE URL); up to " + maxUpload
                    + " each, never overwriting" + (uploadOverwrite ? " unless a PUT asks to (--upload-overwrite)" : ""));
        }
        return notes;
    }

    /** DIR, else --root (or the settings file's root), else the default folder. */
    private ServedFolder servedFolder() {
        return ServedFolder.choose(directory != null ? directory : root, workingDirectory);
    }

    /** Checks every option and turns them into the server's settings. */
    ServerConfig toServerConfig() throws UsageError {
        if (port < 0 || port > 65535) {
            throw new UsageError(from("port") + "port " + port + " is out of range (0-65535)");
        }
        if (threads < 1 || threads > 10_000) {
            throw new UsageError(from("threads") + "threads must be between 1 and 10000, not " + threads);
        }
        if (transferThreads < 1 || transferThreads > 10_000) {
            throw new UsageError(from("transfer-threads") + "transfer-threads must be between 1 and 10000, not " + transferThreads);
        }
        requireNonNegative("keep-alive-timeout", keepAliveSeconds);
        requireNonNegative("shutdown-grace", shutdownGraceSeconds);
        if (sendTimeoutSeconds < 1) {
            throw new UsageError(from("send-timeout") + "send-timeout must be at least 1 second");
        }
        if (maxConnections < 1) {
            throw new UsageError(from("max-connections") + "max-connections must be at least 1");
        }
        if (headerTimeoutSeconds < 1) {
            throw new UsageError(from("header-timeout") + "header-timeout must be at least 1 second");
        }
        return ServerConfig.builder(bindAddress(), port)
                .threads(threads)
                .transferThreads(transferThreads)
                .keepAliveTimeout(Duration.ofSeconds(keepAliveSeconds))
                .headerTimeout(Duration.ofSeconds(headerTimeoutSeconds))
                .sendTimeout(Duration.ofSeconds(sendTimeoutSeconds))
                .shutdownGrace(Duration.ofSeconds(shutdownGraceSeconds))
                .maxConnections(maxConnections)
                .accessLog(!quiet)
                .extraHeaders(extraHeaders())
                .build();
    }

    /** The folder to serve, checked: it exists, is a directory and can be read. */
    private Path servedRoot() throws UsageError {
        if (directory != null && spec.commandLine().getParseResult().hasMatchedOption("--root")) {
            throw new UsageError("two folders to serve: " + directory + " and --root " + root + " (name one)");
        }
        Path named = servedFolder().path();
        Path absoluteRoot = named.toAbsolutePath().normalize();
        if (!Files.exists(absoluteRoot)) {
            throw new UsageError("root " + named + " does not exist");
        }
        if (!Files.isDirectory(absoluteRoot)) {
            throw new UsageError("root " + named + " is not a directory");
        }
        if (!Files.isReadable(absoluteRoot)) {
            throw new UsageError("root " + named + " is not readable");
        }
        return absoluteRoot;
    }

    /** Whether and how uploads are taken, checked. */
    UploadOptions toUploadOptions() throws UsageError {
        long maxBytes = ByteSize.parse(maxUpload);
        if (maxBytes < 1) {
            throw new UsageError(from("max-upload") + "max-upload must be a size such as 500M or 2G, not '"
                    + maxUpload + "'");
        }
        if (uploadOverwrite && !upload) {
            throw new UsageError("--upload-overwrite needs --upload");
        }
        return new UploadOptions(upload, uploadOverwrite, maxBytes);
    }

    /** The password, when one is given: a typed --auth, else HTTPD_AUTH, else the settings file's auth. */
    private Optional<AuthSetting> authSetting() throws UsageError {
        boolean typed = spec != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(AuthSetting.FLAG);
        return AuthSetting.choose(typed ? auth : null, env.get(AuthSetting.ENVIRONMENT), typed ? null : auth,
                settings == null ? null : settings.file(), authUploadsOnly);
    }

    /** The files side's settings, for the root {@link #servedRoot} checked. */
    SiteOptions toSiteOptions(Path root) {
        return new SiteOptions(root, dotfiles, !noListing, spa, cacheControl, cors, compress);
    }

    /**
     * The most bytes of small files kept in memory: an eighth of the heap, at most 32 MiB, so they never
     * crowd out what requests in flight need.
     */
    private static long smallFilesBytes() {
        return Math.min(32L * 1024 * 1024, Runtime.getRuntime().maxMemory() / 8);
    }

    /** {@code --cors} and every {@code --header}, checked for header injection. */
    private List<HeaderField> extraHeaders() throws UsageError {
        List<HeaderField> fields = new ArrayList<>();
        if (cors) {
            // "*" without Allow-Credentials: browsers reject that pair, so it is never sent.
            fields.add(new HeaderField("Access-Control-Allow-Origin", "*"));
        }
        for (String header : headers) {
            fields.add(HeaderOption.parse(header));
        }
        HeaderOption.parse("Cache-Control: " + cacheControl, "--cache-control value");
        return fields;
    }

    private void requireNonNegative(String name, int seconds) throws UsageError {
        if (seconds < 0) {
            throw new UsageError(from(name) + name + " must not be negative");
        }
    }

    /**
     * Where a value that is out of range came from: the settings file, named, when no flag was typed and the
     * file holds the key; nothing when it was typed.
     */
    private String from(String key) {
        boolean typed = spec != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--" + key);
        return !typed && settings != null && settings.file() != null && settings.values().containsKey(key)
                ? settings.file() + ": " : "";
    }

    private InetAddress bindAddress() throws UsageError {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UsageError("cannot resolve bind address '" + bind + "'");
        }
    }

    private void start(HttpServer server) throws StartFailure {
        try {
            server.start();
        } catch (IOException e) {
            throw StartFailure.listening(bind, port, e);
        }
    }
}
