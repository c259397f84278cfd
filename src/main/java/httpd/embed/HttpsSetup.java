package httpd.embed;

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
import httpd.tls.TlsException;
import httpd.tls.TlsTransports;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HTTPS as the settings ask for it: the local CA and a server certificate for every name httpd is reached by, or
 * a certificate of one's own; the TLS port's transports; the CA pages; and what a person starting it should know.
 * Only this class reaches BouncyCastle (through the CA and the PEM loader), and {@link Httpd} names it in one
 * branch only, so a start without TLS never loads it.
 *
 * @param transports what carries each connection
 * @param ca         the local CA in use, or empty with a certificate of one's own
 * @param notes      lines about HTTPS for the banner
 */
record HttpsSetup(TransportFactory transports, Optional<LocalCa> ca, List<String> notes) {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    /** Where the certificate comes from: the local CA kept in a folder, or files of one's own. */
    record Choice(Path caDirectory, Path certificate, Path key) {
    }

    /** The site's handler with the CA pages in front of it, when a local CA is in use. */
    RequestHandler wrap(RequestHandler site) {
        return ca.<RequestHandler>map(localCa -> new CaPages(localCa, site)).orElse(site);
    }

    /** @throws IllegalArgumentException one line, for a file that is missing, unreadable, encrypted or mismatched */
    static HttpsSetup prepare(Choice choice, InetAddress bind, Map<String, String> env, Clock clock) {
        try {
            return choice.certificate() != null ? ownCertificate(choice, bind, clock) : localCa(choice, bind, env, clock);
        } catch (TlsException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static HttpsSetup localCa(Choice choice, InetAddress bind, Map<String, String> env, Clock clock) {
        Machine machine = Machine.local(env);
        ServerNames names = ServerNames.forBinding(bind, machine);
        LocalCa ca = LocalCa.openOrCreate(choice.caDirectory(), machine.owner(), clock);
        LocalCa.Issued issued = ca.serverCertificate(names);
        List<String> notes = new ArrayList<>();
        notes.add("HTTPS with " + (ca.created() ? "a new local CA, " : "the local CA ") + ca.certificateFile());
        if (issued.newlyIssued()) {
            notes.add("certificate issued for " + String.join(", ", names.all()) + " (until "
                    + DAY.format(issued.credentials().certificate().getNotAfter().toInstant()) + ")");
        }
        notes.add("trust it once per device: java -jar httpd.jar trust; a phone opens /__httpd/ca (http:// works)");
        RequestHandler unencrypted = new CaPages(ca, new RedirectToHttps());
        return new HttpsSetup(new TlsTransports(TlsContext.of(issued.credentials()), unencrypted), Optional.of(ca),
                notes);
    }

    private static HttpsSetup ownCertificate(Choice choice, InetAddress bind, Clock clock) {
        ServerCredentials credentials = OwnCertificate.load(choice.certificate(), choice.key());
        List<String> notes = new ArrayList<>();
        notes.add("HTTPS with " + choice.certificate() + " (" + credentials.certificate().getSubjectX500Principal()
                .getName() + ", until " + DAY.format(credentials.certificate().getNotAfter().toInstant()) + ")");
        ServerNames bound = new ServerNames(List.of(), bind.isAnyLocalAddress() ? List.of()
                : List.of(bind.getHostAddress()));
        for (String warning : CertificateWarnings.check(credentials.certificate(), clock.instant(), bound)) {
            notes.add("warning: " + warning);
        }
        return new HttpsSetup(new TlsTransports(TlsContext.of(credentials), new RedirectToHttps()), Optional.empty(),
                notes);
    }
}
