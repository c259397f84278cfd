package httpd.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import httpd.http.HeaderField;
import httpd.http.ParserLimits;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The builder holds every default in one place and the record refuses what the server could not run with. */
class ServerConfigTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void startsFromTheDefaultsTheOptionsDocument() {
        ServerConfig config = ServerConfig.builder(LOOPBACK, 7891).build();

        assertThat(config).isEqualTo(new ServerConfig(LOOPBACK, 7891, ServerConfig.DEFAULT_THREADS, 512,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(10), 4096,
                true, ParserLimits.DEFAULT, List.of()));
    }

    @Test
    void changesOnlyWhatIsSet() {
        List<HeaderField> headers = List.of(new HeaderField("X-Frame-Options", "DENY"));

        ServerConfig config = ServerConfig.builder(LOOPBACK, 0).threads(2).headerTimeout(Duration.ofMillis(300))
                .extraHeaders(headers).build();

        assertThat(config.threads()).isEqualTo(2);
        assertThat(config.headerTimeout()).isEqualTo(Duration.ofMillis(300));
        assertThat(config.extraHeaders()).isEqualTo(headers);
        assertThat(config.keepAliveTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.transferThreads()).isEqualTo(ServerConfig.DEFAULT_TRANSFER_THREADS);
    }

    static Stream<UnaryOperator<ServerConfig.Builder>> outOfRange() {
        return Stream.of(c -> c.port(-1), c -> c.port(65536), c -> c.threads(0), c -> c.transferThreads(0),
                c -> c.maxConnections(0));
    }

    @ParameterizedTest
    @MethodSource("outOfRange")
    void refusesValuesOutOfRange(UnaryOperator<ServerConfig.Builder> change) {
        assertThatThrownBy(() -> change.apply(ServerConfig.builder(LOOPBACK, 0)).build())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
