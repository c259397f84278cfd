package httpd.cli;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * What the banner warns of once other machines can reach the port: uploads that anyone there may make, and a
 * password that crosses the network readable. Basic credentials are Base64, an encoding and no encryption
 * (RFC 7617 §4): without TLS anyone on the path reads them. On loopback nothing leaves the machine.
 */
final class LanWarnings {
    private LanWarnings() {
    }

    /** One line per risk, each saying what removes it. */
    static List<String> of(InetAddress bind, boolean uploads, boolean auth, boolean tls) {
        List<String> warnings = new ArrayList<>(2);
        if (bind.isLoopbackAddress()) {
            return warnings;
        }
        if (uploads && !auth) {
            warnings.add("warning: uploads are open to anyone on the network: add --auth user:password");
        }
        if (auth && !tls) {
            warnings.add("warning: the password crosses the network in clear (Basic is only Base64): add --tls");
        }
        return warnings;
    }
}
