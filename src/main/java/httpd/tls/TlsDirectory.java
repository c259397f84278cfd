package httpd.tls;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the local CA lives: in the user's data directory, so that one CA serves every folder httpd is started
 * in, and a device that trusts it once keeps trusting it. {@code --tls-dir} overrides it (tests always do).
 */
public final class TlsDirectory {
    private TlsDirectory() {
    }

    /**
     * @param explicit {@code --tls-dir}, or null
     * @param env      the environment ({@code XDG_DATA_HOME}, {@code LOCALAPPDATA})
     * @param home     the user's home directory
     * @param osName   {@code os.name}
     */
    public static Path locate(Path explicit, Map<String, String> env, Path home, String osName) {
        if (explicit != null) {
            return explicit.toAbsolutePath().normalize();
        }
        if (osName.toLowerCase(Locale.ROOT).startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = isSet(localAppData) ? Path.of(localAppData) : home.resolve("AppData").resolve("Local");
            return base.resolve("httpd");
        }
        // XDG Base Directory Specification: $XDG_DATA_HOME, else ~/.local/share; a relative value is to be ignored
        String dataHome = env.get("XDG_DATA_HOME");
        Path base = isSet(dataHome) && Path.of(dataHome).isAbsolute() ? Path.of(dataHome)
                : home.resolve(".local").resolve("share");
        return base.resolve("httpd");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
