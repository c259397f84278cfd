package httpd.cli;

import httpd.embed.Httpd;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** The HTTPS flags, a picocli mixin: the settings file knows them by the same names ({@code tls=true}). */
final class TlsOptions {
    @Option(names = "--tls", defaultValue = "false",
            description = "HTTPS on the same port, with a certificate from httpd's local CA (made on first use;"
                    + " `httpd trust` says how to trust it). Plain http:// requests get a redirect.")
    boolean tls;

    @Option(names = "--tls-dir", paramLabel = "DIR",
            description = "Where the local CA is kept (default: $XDG_DATA_HOME/httpd, ~/.local/share/httpd;"
                    + " %LOCALAPPDATA%\\httpd on Windows).")
    Path directory;

    @Option(names = "--cert", paramLabel = "FILE",
            description = "Your own certificate (PEM, chain in order) instead of the local CA's; implies --tls.")
    Path certificate;

    @Option(names = "--key", paramLabel = "FILE",
            description = "The private key of --cert (PEM: PKCS#8, RSA or EC, unencrypted).")
    Path key;

    /** Whether HTTPS is asked for, by --tls or by a certificate of one's own. */
    boolean enabled() {
        return tls || certificate != null || key != null;
    }

    /** The combinations that cannot mean anything: one line each. */
    void check() throws UsageError {
        if (certificate != null && key == null) {
            throw new UsageError("--cert " + certificate + " needs --key FILE, its private key");
        }
        if (key != null && certificate == null) {
            throw new UsageError("--key " + key + " needs --cert FILE, its certificate");
        }
        if (certificate != null && directory != null) {
            throw new UsageError("--tls-dir is for the local CA, --cert/--key bring your own: name one");
        }
    }

    /** HTTPS on the server's settings when asked for: the local CA's folder, or the certificate of one's own. */
    void applyTo(Httpd httpd, Map<String, String> env) throws UsageError {
        if (!enabled()) {
            return;
        }
        check();
        if (certificate != null) {
            httpd.httpsWithCertificate(certificate, key);
        } else {
            httpd.httpsWithLocalCa(Https.caDirectory(directory, env));
        }
    }
}
