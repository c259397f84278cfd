package httpd.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings file: {@code --config FILE} when given, else {@code config/httpd.properties} in the working
 * directory when it exists, else none (built-in defaults). Keys are the long option names without dashes.
 */
final class SettingsFile {
    static final Path DEFAULT_LOCATION = Path.of("config", "httpd.properties");

    private SettingsFile() {
    }

    /** Finds {@code --config FILE} or {@code --config=FILE} among the arguments, before picocli parses them. */
    static Path explicitLocation(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
        }
        return null;
    }

    /**
     * Loads the settings to use as option defaults.
     *
     * @throws UsageError when a named file cannot be read or holds a key that is no option
     */
    static Properties load(Path explicit, Set<String> knownKeys) throws UsageError {
        Path file = explicit != null ? explicit : DEFAULT_LOCATION;
        Properties properties = new Properties();
        if (explicit == null && !Files.isRegularFile(file)) {
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageError("cannot read config file " + file + ": " + describe(e));
        }
        Set<String> unknown = new TreeSet<>(properties.stringPropertyNames());
        unknown.removeAll(knownKeys);
        if (!unknown.isEmpty()) {
            throw new UsageError(file + ": unknown setting '" + unknown.iterator().next() + "'");
        }
        return properties;
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
