package httpd.cli;

import httpd.tls.LocalCa;
import httpd.tls.Machine;
import httpd.tls.TlsDirectory;
import httpd.tls.TlsException;
import httpd.tls.TrustInstructions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What {@code httpd trust} needs of HTTPS: where the local CA is kept (the same folder a {@code --tls} start uses)
 * and how to trust it on this system. Starting a TLS server is the embedding API's ({@code httpd.embed}).
 */
final class Https {
    private static final Path OS_RELEASE = Path.of("/etc/os-release");

    private Https() {
    }

    /** What {@code httpd trust} prints for this machine: the CA (made now if there is none) and how to trust it. */
    static String trustInstructions(Path explicitDir, Map<String, String> env) throws UsageError {
        Machine machine = Machine.local(env);
        try {
            LocalCa ca = LocalCa.openOrCreate(caDirectory(explicitDir, env), machine.owner(), Clock.systemUTC());
            return TrustInstructions.forSystem(System.getProperty("os.name"), osRelease(), ca.certificateFile(),
                    ca.name(), ca.fingerprint(), TrustInstructions.phonePage(machine));
        } catch (TlsException e) {
            throw new UsageError(e.getMessage());
        }
    }

    /** The local CA's folder: {@code --tls-dir}, else the platform's data folder. */
    static Path caDirectory(Path explicitDir, Map<String, String> env) {
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
}
