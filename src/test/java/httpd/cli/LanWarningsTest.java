package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanWarningsTest {
    private static final String OPEN = "warning: uploads are open to anyone on the network: add --auth user:password";
    private static final String CLEAR = "warning: the password crosses the network in clear (Basic is only Base64):"
            + " add --tls";

    @ParameterizedTest(name = "{0} uploads={1} auth={2} tls={3} → {4}")
    @CsvSource({
            "127.0.0.1,   true,  false, false, ''",
            "::1,         true,  true,  false, ''",
            "127.0.0.2,   true,  false, false, ''",
            "0.0.0.0,     false, false, false, ''",
            "0.0.0.0,     true,  false, false, OPEN",
            "::,          true,  false, true,  OPEN",
            "192.168.1.5, true,  false, false, OPEN",
            "0.0.0.0,     true,  true,  false, CLEAR",
            "0.0.0.0,     false, true,  false, CLEAR",
            "192.168.1.5, false, true,  false, CLEAR",
            "0.0.0.0,     true,  true,  true,  ''",
            "0.0.0.0,     false, true,  true,  ''",
    })
    void warnsOnceForEachRiskOnlyBeyondLoopback(String bind, boolean uploads, boolean auth, boolean tls, String expected)
            throws UnknownHostException {
        var warnings = LanWarnings.of(InetAddress.getByName(bind), uploads, auth, tls);

        assertThat(warnings).containsExactlyElementsOf(switch (expected) {
            case "OPEN" -> java.util.List.of(OPEN);
            case "CLEAR" -> java.util.List.of(CLEAR);
            default -> java.util.List.<String>of();
        });
    }
}
