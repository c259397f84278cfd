package httpd.tls;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What {@code httpd trust} prints: the commands that make this system (and Firefox, which keeps its own list)
 * trust the local CA. httpd runs none of them: they need the administrator, and a user should see what they give.
 */
public final class TrustInstructions {
    /** The system a set of commands is for. */
    enum Platform { DEBIAN, FEDORA, OTHER_LINUX, MACOS, WINDOWS }

    private TrustInstructions() {
    }

    /**
     * @param osName        {@code os.name}
     * @param osReleaseText the contents of {@code /etc/os-release}, or "" where there is none
     */
    public static String forSystem(String osName, String osReleaseText, Path caFile, String caName, String fingerprint,
            String phonePage) {
        Platform platform = platform(osName, osReleaseText);
        String ca = platform == Platform.WINDOWS ? "\"" + caFile + "\"" : quoted(caFile.toString());
        StringBuilder text = new StringBuilder();
        text.append("The local CA is ").append(caFile).append('\n')
                .append("  ").append(caName).append(", SHA-256 ").append(fingerprint).append("\n\n")
                .append("To trust it on this machine, run:\n\n");
        switch (platform) {
            case DEBIAN -> text.append("  sudo cp ").append(ca).append(" /usr/local/share/ca-certificates/httpd-local-ca.crt\n")
                    .append("  sudo update-ca-certificates\n");
            case FEDORA -> text.append("  sudo cp ").append(ca).append(" /etc/pki/ca-trust/source/anchors/httpd-local-ca.crt\n")
                    .append("  sudo update-ca-trust\n");
            case OTHER_LINUX -> text.append("  (the system's trust store: see your distribution's manual for"
                    + " update-ca-certificates or trust anchor)\n");
            case MACOS -> text.append("  sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ")
                    .append(ca).append('\n');
            case WINDOWS -> text.append("  certutil -addstore -user Root ").append(ca).append('\n');
        }
        if (platform != Platform.MACOS && platform != Platform.WINDOWS) {
            text.append("\nChromium and Firefox on Linux keep their own list (NSS; certutil is in libnss3-tools):\n\n")
                    .append("  certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n ").append(quoted(caName)).append(" -i ")
                    .append(ca).append('\n')
                    .append("  (Firefox: Settings > Privacy & Security > Certificates > View Certificates > Import)\n");
        } else {
            text.append("\nFirefox keeps its own list: Settings > Privacy & Security > Certificates > View Certificates"
                    + " > Import\n");
        }
        text.append("\nOn a phone or another computer, while httpd runs with --tls --bind 0.0.0.0, open\n\n  ")
                .append(phonePage).append("\n\n(plain http works there) and follow the steps.\n")
                .append("httpd ran none of these commands.\n");
        return text.toString();
    }

    /** Where a phone on the LAN finds the CA page: this machine's first IPv4 LAN address, else its mDNS name. */
    public static String phonePage(Machine machine) {
        String host = machine.lanAddresses().stream().filter(Inet4Address.class::isInstance).findFirst()
                .map(InetAddress::getHostAddress).orElse(machine.hostName() + ".local");
        return "http://" + host + ":PORT" + CaPage.PAGE_PATH;
    }

    static Platform platform(String osName, String osReleaseText) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return Platform.WINDOWS;
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return Platform.MACOS;
        }
        String release = osReleaseText.toLowerCase(Locale.ROOT);
        if (release.lines().anyMatch(line -> line.matches("(id|id_like)=\"?.*\\b(debian|ubuntu)\\b.*\"?"))) {
            return Platform.DEBIAN;
        }
        if (release.lines().anyMatch(line -> line.matches("(id|id_like)=\"?.*\\b(fedora|rhel|centos)\\b.*\"?"))) {
            return Platform.FEDORA;
        }
        return Platform.OTHER_LINUX;
    }

    private static String quoted(String text) {
        return text.matches("[A-Za-z0-9_./:@+=-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
