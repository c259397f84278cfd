package httpd.cli;

import httpd.http.RequestHandler;
import httpd.server.TransportFactory;
import httpd.tls.CaPages;
import httpd.tls.CertificateWarnings;
import httpd.tls.LocalCa;
import httpd.tls.Machine;
import httpd.tls.OwnCertificate;
import httpd.tls.RedirectToHttps;
import httpd.tls.ServerCredentials;
import httpd.tls.ServerNames;
import httpd.tls.TlsContext;
import httpd.tls.TlsDirectory;
import httpd.tls.TlsException;
import httpd.tls.TlsTransports;
import httpd.tls.TrustInstructions;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTPS as the flags ask for it: the local CA and a server certificate for every name httpd is reached by, or
 * the user's own certificate; the TLS port's transports; the CA pages; and what the banner says about it.
 * Only this class reaches BouncyCastle (through the CA and the PEM loader), so a start without TLS never loads it.
 *
 * @param transports what carries each connection
 * @param ca         the local CA in use, or empty with a certificate of one's own
 * @param notes      the banner's lines about HTTPS
 */
record Https(TransportFactory transports, Optional<LocalCa> ca, List<String> notes) {
    private static final Path OS_RELEASE = Path.of("/etc/os-release");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** The site's handler with the CA pages in front of it, when a local CA is in use. */
    RequestHandler wrap(RequestHandler site) {
        return ca.<RequestHandler>map(localCa -> new CaPages(localCa, site)).orElse(site);
    }

    /** @throws UsageError one line, for a file that is missing, unreadable, encrypted or mismatched */
    static Https setUp(TlsOptions options, InetAddress bind, Map<String, String> env, Clock clock) throws UsageError {
        try {
            return prepare(options, bind, env, clock);
        } catch (TlsException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static Https prepare(TlsOptions options, InetAddress bind, Map<String, String> env, Clock clock) {
        Machine machine = Machine.local(env);
        ServerNames names = ServerNames.forBinding(bind, machine);
        if (options.certificate != null) {
            return ownCertificate(options, bind, clock);
        }
        LocalCa ca = LocalCa.openOrCreate(caDirectory(options.directory, env), owner(machine), clock);
        LocalCa.Issued issued = ca.serverCertificate(names);
        List<String> notes = new ArrayList<>();
        notes.add("HTTPS with " + (ca.created() ? "a new local CA, " : "the local CA ") + ca.certificateFile());
        if (issued.newlyIssued()) {
            notes.add("certificate issued for " + String.join(", ", names.all()) + " (until "
                    + DAY.format(issued.credentials().certificate().getNotAfter().toInstant()) + ")");
        }
        notes.add("trust it once per device: java -jar httpd.jar trust; a phone opens /__httpd/ca (http:// works)");
        RequestHandler unencrypted = new CaPages(ca, new RedirectToHttps());
        return new Https(new TlsTransports(TlsContext.of(issued.credentials()), unencrypted), Optional.of(ca), notes);
    }

    private static Https ownCertificate(TlsOptions options, InetAddress bind, Clock clock) {
        ServerCredentials credentials = OwnCertificate.load(options.certificate, options.key);
        List<String> notes = new ArrayList<>();
        notes.add("HTTPS with " + options.certificate + " (" + credentials.certificate().getSubjectX500Principal()
                .getName() + ", until " + DAY.format(credentials.certificate().getNotAfter().toInstant()) + ")");
        ServerNames bound = new ServerNames(List.of(), bind.isAnyLocalAddress() ? List.of()
                : List.of(bind.getHostAddress()));
        for (String warning : CertificateWarnings.check(credentials.certificate(), clock.instant(), bound)) {
            notes.add("warning: " + warning);
        }
        return new Https(new TlsTransports(TlsContext.of(credentials), new RedirectToHttps()), Optional.empty(),
                notes);
    }

    /** What {@code httpd trust} prints for this machine: the CA (made now if there is none) and how to trust it. */
    static String trustInstructions(Path explicitDir, Map<String, String> env) throws UsageError {
        Machine machine = Machine.local(env);
        try {
            LocalCa ca = LocalCa.openOrCreate(caDirectory(explicitDir, env), owner(machine), Clock.systemUTC());
            return TrustInstructions.forSystem(System.getProperty("os.name"), osRelease(), ca.certificateFile(),
                    ca.name(), ca.fingerprint(), TrustInstructions.phonePage(machine));
        } catch (TlsException e) {
            throw new UsageError(e.getMessage());
        }
    }

    private static Path caDirectory(Path explicitDir, Map<String, String> env) {
        return TlsDirectory.locate(explicitDir, env, Path.of(System.getProperty("user.home")),
                System.getProperty("os.name"));
    }

    private static String osRelease() {
        try {
            return Files.isReadable(OS_RELEASE) ? Files.readString(OS_RELEASE) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code user@host}, as the CA's name shows whose it is. */
    static String owner(Machine machine) {
        return System.getProperty("user.name", "user") + "@" + machine.hostName();
    }
}
