package httpd.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The settings file: {@code --config FILE} when given, else {@code config/httpd.properties} in the working
 * directory when it exists, else none (built-in defaults). Keys are the long option names without dashes.
 * Its mistakes are reported with the file and the key, since no flag was typed.
 *
 * @param file   the file read, or null when there was none
 * @param values the settings, to be used as the options' defaults
 */
record SettingsFile(Path file, Properties values) {
    static final Path DEFAULT_LOCATION = Path.of("config", "httpd.properties");

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
     * Loads and checks the settings.
     *
     * @param explicit         the file named by --config, or null
     * @param workingDirectory where config/httpd.properties is looked for
     * @param types            each setting's key and the type of its option (int, boolean, text...)
     * @throws UsageError when a named file cannot be read, holds a key that is no option, or a value that is
     *                    not of its option's type
     */
    static SettingsFile load(Path explicit, Path workingDirectory, Map<String, Class<?>> types) throws UsageError {
        Path file = workingDirectory.resolve(explicit != null ? explicit : DEFAULT_LOCATION);
        if (explicit == null && !Files.isRegularFile(file)) {
            return new SettingsFile(null, new Properties());
        }
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new UsageError("cannot read config file " + file + ": " + describe(e));
        }
        Set<String> unknown = new TreeSet<>(values.stringPropertyNames());
        unknown.removeAll(types.keySet());
        if (!unknown.isEmpty()) {
            throw new UsageError(file + ": unknown setting '" + unknown.iterator().next() + "'");
        }
        for (String key : new TreeSet<>(values.stringPropertyNames())) {
            requireType(file, key, values.getProperty(key), types.get(key));
        }
        return new SettingsFile(file, values);
    }

    private static void requireType(Path file, String key, String value, Class<?> type) throws UsageError {
        if (type == int.class || type == Integer.class) {
            try {
                Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new UsageError(file + ": " + key + ": '" + value + "' is not a number");
            }
        } else if ((type == boolean.class || type == Boolean.class)
                && !value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new UsageError(file + ": " + key + ": '" + value + "' is not true or false");
        }
    }

    private static String describe(Exception e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
