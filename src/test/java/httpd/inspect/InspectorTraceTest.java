package httpd.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.server.Exchanged;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which connection events a tab is told, and when: only around exchanges it is shown. */
class InspectorTraceTest {
    private final EventRing ring = new EventRing(100);
    private final InspectorTrace trace = new InspectorTrace(ring, new SecretFields(false),
            Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));

    private static Exchanged exchange(long connection, String target) {
        byte[] raw = ("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return new Exchanged(connection, "127.0.0.1:5000", 1, raw, null, List.of(), "HTTP/1.1 200 OK\r\n\r\n", 200,
                null, 0, 1000, new byte[0]);
    }

    private List<String> events() throws InterruptedException {
        return ring.read(1, 0).events().stream().map(event -> event.kind() + " " + event.json()).toList();
    }

    @Test
    void announcesAConnectionAndItsTlsHandshakeBeforeItsFirstExchange() throws InterruptedException {
        trace.opened(7, "127.0.0.1:5000");
        trace.handshake(7, "TLSv1.3 TLS_AES_128_GCM_SHA256 alpn=http/1.1 sni=localhost new session");
        trace.exchanged(exchange(7, "/"));
        trace.closed(7, 1, "closed by the client");

        assertThat(events()).satisfiesExactly(
                opened -> assertThat(opened).startsWith("connection ").contains("\"event\":\"opened\"",
                        "\"detail\":\"connection opened from 127.0.0.1:5000\"", "\"time\":\"10:00:00.000\""),
                handshake -> assertThat(handshake).contains("\"event\":\"handshake\"",
                        "\"detail\":\"TLS handshake: TLSv1.3 TLS_AES_128_GCM_SHA256 alpn=http/1.1 sni=localhost new session\""),
                exchange -> assertThat(exchange).startsWith("exchange ").contains("\"raw\":\"GET / HTTP/1.1"),
                closed -> assertThat(closed).contains("\"event\":\"closed\"",
                        "\"detail\":\"closed by the client, after 1 request\""));
    }

    @Test
    void saysNothingOfAConnectionThatCarriedOnlyTheInspectorsOwnRequests() throws InterruptedException {
        trace.opened(8, "127.0.0.1:5001");
        trace.exchanged(exchange(8, "/__httpd/inspect"));
        trace.yielded(8);
        trace.exchanged(exchange(8, "/__httpd/inspect/events"));
        trace.closed(8, 2, "closed by the client");

        assertThat(events()).isEmpty();
    }

    @Test
    void tellsOfAConnectionThatClosedWithoutARequest() throws InterruptedException {
        trace.opened(9, "127.0.0.1:5002");
        trace.closed(9, 0, "no request within the keep-alive or header timeout: closed by the server");

        assertThat(events()).satisfiesExactly(
                opened -> assertThat(opened).contains("\"event\":\"opened\""),
                closed -> assertThat(closed).contains("closed by the server, after 0 requests"));
    }
}
