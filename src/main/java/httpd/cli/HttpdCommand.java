package httpd.cli;

import httpd.auth.AuthScope;
import httpd.embed.Httpd;
import httpd.embed.HttpdServer;
import httpd.files.SiteOptions;
import httpd.http.HeaderField;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    @Option(names = "--dotfiles", defaultValue = "false",
            description = "Serve files and directories whose names start with a dot (hidden by default).")
    boolean dotfiles;

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

    @Option(names = "--no-qr", defaultValue = "false",
            description = "No QR code of the LAN URL in the banner (shown when listening beyond loopback).")
    boolean noQr;

    @Option(names = "--open", defaultValue = "false",
            description = "Open the URL in the default browser (does nothing where there is no desktop).")
    boolean open;

    @Option(names = {"-q", "--quiet"}, defaultValue = "false", description = "No access log lines.")
    boolean quiet;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Settings file (default: config/httpd.properties when it exists).")
    Path config;

    @Mixin
    LimitFlags limits = new LimitFlags();

    @Mixin
    InspectFlags inspectFlags = new InspectFlags();

    @Mixin
    UploadFlags uploadFlags = new UploadFlags();

    @Mixin
    AuthFlags authFlags = new AuthFlags();

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
        InetAddress bindAddress = bindAddress();
        Path servedRoot = servedRoot();
        Optional<AuthSetting> auth = authSetting();
        inspectFlags.check();
        HttpdServer server = start(toHttpd(bindAddress, servedRoot, auth));
        // Ctrl+C is caught before the banner shows the URL, so that a stop is graceful from the first moment
        onStarted.accept(new Running(server, Duration.ofSeconds(limits.shutdownGraceSeconds)));
        String scheme = server.secure() ? "https" : "http";
        String url = server.uri().toString();
        List<String> notes = bannerNotes();
        notes.addAll(inspectFlags.notes(url, bindAddress));
        notes.addAll(server.notes());
        auth.ifPresent(setting -> notes.add(setting.bannerNote()));
        notes.addAll(LanWarnings.of(bindAddress, uploadFlags.upload, auth.isPresent(), server.secure()));
        DescriptorLimit.warning(limits.maxConnections, DescriptorLimit.ofThisProcess()).ifPresent(notes::add);
        Banner.print(out, "httpd " + VersionProvider.version() + " serving " + servedRoot + " at " + url
                + " (Ctrl+C to stop)", Banner.networkUrls(scheme, bindAddress, server.port()), notes);
        if (!noQr) {
            // explicit colours only where a console shows them: in a file or pipe they would be noise; out is
            // System.out outside tests, so its character set is the one that must have the half blocks
            Banner.lanAddress(bindAddress).ifPresent(address -> Banner.printQr(out,
                    Banner.url(scheme, address, server.port()),
                    QrText.Colours.forConsole(System.console() != null), QrText.stdoutCharset()));
        }
        if (open) {
            Banner.openBrowser(url);
        }
        server.awaitStopped();
        out.println("stopped");
        out.flush();
        return CommandLineRun.EXIT_OK;
    }

    /**
     * The options as the embedding API's settings: the command line is one user of {@link Httpd}, and a value the
     * API refuses is refused here in the same words, with the settings file named when it came from there.
     */
    Httpd toHttpd(InetAddress bindAddress, Path servedRoot, Optional<AuthSetting> auth) throws UsageError {
        Httpd httpd = Httpd.serve(servedRoot).bind(bindAddress).environment(env);
        set("port", () -> httpd.port(port));
        limits.applyTo(httpd, this::set);
        httpd.accessLog(!quiet).dotfiles(dotfiles).listing(!noListing).spa(spa).compress(compress).cors(cors)
                .watch(watch);
        HeaderOption.parse("Cache-Control: " + cacheControl, "--cache-control value");
        httpd.cacheControl(cacheControl);
        for (String header : headers) {
            HeaderField field = HeaderOption.parse(header);
            httpd.header(field.name(), field.value());
        }
        uploadFlags.applyTo(httpd, this::from);
        auth.ifPresent(setting -> httpd.auth(setting.credentials().user(), setting.credentials().password())
                .authUploadsOnly(setting.scope() == AuthScope.UPLOADS));
        if (trace) {
            httpd.trace(out, System.console() != null);
        }
        inspectFlags.applyTo(httpd);
        tlsOptions.applyTo(httpd, env);
        return httpd;
    }

    /** A setting the API checks: its refusal is one line, prefixed with the settings file when it came from there. */
    void set(String key, Runnable setting) throws UsageError {
        try {
            setting.run();
        } catch (IllegalArgumentException e) {
            throw new UsageError(from(key) + e.getMessage());
        }
    }

    /** Starts the server: a certificate problem is a usage error (one line, exit 2), a busy port a start failure. */
    private HttpdServer start(Httpd httpd) throws UsageError, StartFailure {
        try {
            return httpd.start();
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        } catch (IOException e) {
            throw StartFailure.listening(bind, port, e);
        }
    }

    /** The settings file read before the command line, whose values are the defaults of options not typed. */
    void useSettings(SettingsFile settings) {
        this.settings = settings;
    }

    /** What a newcomer may wonder about, under the URL: why this folder, which settings file, live reload. */
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
        uploadFlags.note().ifPresent(notes::add);
        return notes;
    }

    /** DIR, else --root (or the settings file's root), else the default folder. */
    private ServedFolder servedFolder() {
        return ServedFolder.choose(directory != null ? directory : root, workingDirectory);
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

    /** The password, when one is given: a typed --auth, else HTTPD_AUTH, else the settings file's auth. */
    private Optional<AuthSetting> authSetting() throws UsageError {
        boolean typed = spec != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(AuthSetting.FLAG);
        return authFlags.setting(typed, env, settings == null ? null : settings.file());
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
}
