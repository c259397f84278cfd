package httpd.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.PropertiesDefaultProvider;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * One run of the command line: the settings file read first (its values become the options' defaults), then the
 * arguments parsed by picocli, then {@link HttpdCommand} called; every mistake on the way is one line on stderr
 * and an exit code, never a stack trace.
 */
public final class CommandLineRun {
    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private CommandLineRun() {
    }

    /**
     * Runs httpd as a process of its own with these arguments until it is stopped; returns the exit code. Only
     * here, where the process is httpd's: signal handlers and the heap trim act on the whole JVM.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        boolean trimHeap;
        try {
            trimHeap = HeapFootprint.isWanted(System.getProperty(HeapFootprint.PROPERTY));
        } catch (UsageError e) {
            err.println("httpd: " + e.getMessage());
            return EXIT_USAGE;
        }
        return run(args, out, err, Path.of(""), running -> {
            ShutdownSignals.install(new GracefulStop(running, out, System::exit)::signalled);
            if (trimHeap) {
                HeapFootprint.trimSoon();
            }
        });
    }

    /**
     * @param workingDirectory where config/httpd.properties and ./www are looked for, and relative names start
     * @param onStarted        called once the server listens: the CLI installs signal handlers there, tests
     *                         take the server to stop it
     */
    static int run(String[] args, PrintStream out, PrintStream err, Path workingDirectory,
            Consumer<Running> onStarted) {
        return run(args, out, err, workingDirectory, System.getenv(), onStarted);
    }

    /** @param env the environment variables httpd reads (HTTPD_AUTH, the TLS folder's): a test hands in its own */
    static int run(String[] args, PrintStream out, PrintStream err, Path workingDirectory, Map<String, String> env,
            Consumer<Running> onStarted) {
        HttpdCommand command = new HttpdCommand(out, workingDirectory, env, onStarted);
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        try {
            SettingsFile settings = SettingsFile.load(SettingsFile.explicitLocation(args), workingDirectory,
                    settingTypes(cli));
            command.useSettings(settings);
            cli.setDefaultValueProvider(new PropertiesDefaultProvider(settings.values()));
        } catch (UsageError e) {
            err.println("httpd: " + e.getMessage());
            return EXIT_USAGE;
        }
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("httpd: " + describe(e));
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof UsageError) {
                err.println("httpd: " + e.getMessage());
                return EXIT_USAGE;
            }
            err.println("httpd: " + (e instanceof StartFailure ? e.getMessage() : e.toString()));
            return EXIT_FAILURE;
        });
        return cli.execute(args);
    }

    /** Each key the settings file may hold (as PropertiesDefaultProvider looks it up), and its option's type. */
    private static Map<String, Class<?>> settingTypes(CommandLine cli) {
        Map<String, Class<?>> types = new TreeMap<>();
        for (OptionSpec option : cli.getCommandSpec().options()) {
            String key = option.descriptionKey().isEmpty() ? option.longestName().replaceFirst("^-+", "")
                    : option.descriptionKey();
            types.put(key, option.type());
        }
        types.remove("config");
        types.remove("help");
        types.remove("version");
        return types;
    }

    /** One line for a mistake on the command line; a mistyped option gets the name it probably meant. */
    static String describe(ParameterException e) {
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String first = unmatched.getUnmatched().get(0);
            if (!first.startsWith("-")) {
                return "unexpected argument '" + first + "': httpd serves one folder (see httpd --help)";
            }
            String option = first.split("=", 2)[0];
            return "unknown option " + option + NearestName.of(option, longOptionNames(e.getCommandLine()))
                    .map(name -> " (did you mean " + name + "?)").orElse(" (see httpd --help)");
        }
        return e.getMessage() + " (see httpd --help)";
    }

    private static List<String> longOptionNames(CommandLine cli) {
        List<String> names = new ArrayList<>();
        for (OptionSpec option : cli.getCommandSpec().options()) {
            for (String name : option.names()) {
                if (name.startsWith("--")) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
