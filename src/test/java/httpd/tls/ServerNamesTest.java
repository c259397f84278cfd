package httpd.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ServerNamesTest {
    private static final List<InetAddress> LAN = List.of(ServerNames.literal("192.168.1.20"),
            ServerNames.literal("fd00::2"));

    static Stream<Arguments> bindings() {
        return Stream.of(
                Arguments.of("127.0.0.1", "Laptop", "laptop,laptop.local,localhost", "0:0:0:0:0:0:0:1,127.0.0.1"),
                Arguments.of("192.168.1.20", "laptop", "laptop,laptop.local,localhost",
                        "0:0:0:0:0:0:0:1,127.0.0.1,192.168.1.20"),
                Arguments.of("0.0.0.0", "laptop", "laptop,laptop.local,localhost",
                        "0:0:0:0:0:0:0:1,127.0.0.1,192.168.1.20,fd00:0:0:0:0:0:0:2"),
                Arguments.of("::", "laptop.local", "laptop,laptop.local,localhost",
                        "0:0:0:0:0:0:0:1,127.0.0.1,192.168.1.20,fd00:0:0:0:0:0:0:2"),
                Arguments.of("127.0.0.1", "box.example.org", "box.example.org,localhost", "0:0:0:0:0:0:0:1,127.0.0.1"),
                Arguments.of("127.0.0.1", "localhost", "localhost", "0:0:0:0:0:0:0:1,127.0.0.1"),
                Arguments.of("127.0.0.1", "10.1.2.3", "localhost", "0:0:0:0:0:0:0:1,127.0.0.1"));
    }

    @ParameterizedTest(name = "bound to {0} on {1}")
    @MethodSource("bindings")
    void coversLoopbackTheHostNameAndTheBoundAddresses(String bind, String host, String dns, String ips) {
        ServerNames names = ServerNames.forBinding(ServerNames.literal(bind), new Machine(host, LAN));

        assertThat(names.dnsNames()).isEqualTo(Arrays.asList(dns.split(",")));
        assertThat(names.ipAddresses()).isEqualTo(Arrays.asList(ips.split(",")));
    }
}
