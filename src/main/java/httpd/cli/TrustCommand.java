package httpd.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
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
    @Option(names = "--tls-dir", paramLabel = "DIR", description = "Where the local CA is kept (as for --tls).")
    Path directory;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws UsageError {
        PrintWriter out = spec.commandLine().getOut();
        out.print(Https.trustInstructions(directory, System.getenv()));
        out.flush();
        return CommandLineRun.EXIT_OK;
    }
}
