package httpd.cli;

import httpd.tls.LocalCa;
import httpd.tls.Machine;
import httpd.tls.TlsDirectory;
import httpd.tls.TlsException;
import httpd.tls.TrustInstructions;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code httpd trust}: the commands that make this system trust the local CA, and where a phone gets it. Only
 * printed: trusting a CA needs the administrator, and the user should see what is done with that right.
 */
@Command(name = "trust", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print how to trust httpd's local CA on this system and on a phone (runs nothing itself).")
final class TrustCommand implements Callable<Integer> {
    private static final Path OS_RELEASE = Path.of("/etc/os-release");

    @Option(names = "--tls-dir", paramLabel = "DIR", description = "Where the local CA is kept (as for --tls).")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws UsageError {
        Map<String, String> env = System.getenv();
        Machine machine = Machine.local(env);
        Path dir = TlsDirectory.locate(directory, env, Path.of(System.getProperty("user.home")),
                System.getProperty("os.name"));
        LocalCa ca;
        try {
            ca = LocalCa.openOrCreate(dir, Https.owner(machine), Clock.systemUTC());
        } catch (TlsException e) {
            throw new UsageError(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(TrustInstructions.forSystem(System.getProperty("os.name"), osRelease(), ca.certificateFile(),
                ca.name(), ca.fingerprint(), phonePage(machine)));
        out.flush();
        return CommandLineRun.EXIT_OK;
    }

    /** Where a phone on the LAN finds the CA page while httpd runs with --tls on all addresses. */
    private static String phonePage(Machine machine) {
        String host = machine.lanAddresses().stream().filter(Inet4Address.class::isInstance).findFirst()
                .map(InetAddress::getHostAddress).orElse(machine.hostName() + ".local");
        return "http://" + host + ":PORT/__httpd/ca";
    }

    private static String osRelease() {
        try {
            return Files.isReadable(OS_RELEASE) ? Files.readString(OS_RELEASE) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
