package httpd.inspect;

import httpd.http.HeaderField;
import httpd.http.RequestHead;
import httpd.server.Exchanged;
import httpd.server.Trace;
import httpd.server.WireTrace;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the server tells the inspector, turned into its events (one JSON object each) and put in the ring. The
 * inspector's own page and stream are left out, and so are the connections that carried nothing else: a
 * connection is announced ({@code opened}, with its TLS handshake) just before its first exchange that is shown,
 * or when it closes without having carried any request.
 */
final class InspectorTrace implements Trace {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    /** What is known of a connection until it closes. */
    private static final class Seen {
        final String client;
        volatile String handshake;
        volatile boolean announced;
        volatile boolean carriedRequests;

        Seen(String client) {
            this.client = client;
        }
    }

    private final EventRing ring;
    private final SecretFields secrets;
    private final Clock clock;
    private final Map<Long, Seen> connections = new ConcurrentHashMap<>();

    InspectorTrace(EventRing ring, SecretFields secrets, Clock clock) {
        this.ring = ring;
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Whether a request target is the inspector's own (its page, its stream). */
    static boolean isOwn(String target) {
        return target.startsWith(InspectorHandler.PAGE_PATH);
    }

    @Override
    public void opened(long connection, String client) {
        connections.put(connection, new Seen(client));
    }

    @Override
    public void handshake(long connection, String summary) {
        Seen seen = connections.get(connection);
        if (seen != null) {
            seen.handshake = summary;
        }
    }

    @Override
    public void exchanged(Exchanged exchange) {
        Seen seen = connections.get(exchange.connection());
        if (seen != null) {
            seen.carriedRequests = true;
        }
        if (isOwn(exchange.request() != null ? exchange.request().target() : targetOf(exchange.rawHead()))) {
            return;
        }
        if (seen != null && !seen.announced) {
            announce(exchange.connection(), seen);
        }
        ring.add(new EventRing.Event("exchange", exchangeEvent(exchange)));
    }

    @Override
    public void yielded(long connection) {
        Seen seen = connections.get(connection);
        if (seen != null && seen.announced) {
            ring.add(connectionEvent(connection, seen.client, "yielded",
                    "idle while others wait for a thread: gave its thread back, still open"));
        }
    }

    @Override
    public void closed(long connection, int requests, String how) {
        Seen seen = connections.remove(connection);
        if (seen == null || seen.carriedRequests && !seen.announced) {
            return; // it carried only the inspector's own requests
        }
        if (!seen.announced) {
            announce(connection, seen);
        }
        ring.add(connectionEvent(connection, seen.client, "closed",
                how + ", after " + requests + (requests == 1 ? " request" : " requests")));
    }

    private void announce(long connection, Seen seen) {
        seen.announced = true;
        ring.add(connectionEvent(connection, seen.client, "opened", "connection opened from " + seen.client));
        if (seen.handshake != null) {
            ring.add(connectionEvent(connection, seen.client, "handshake", "TLS handshake: " + seen.handshake));
        }
    }

    private String exchangeEvent(Exchanged exchange) {
        byte[] raw = secrets.head(exchange.rawHead());
        RequestHead request = exchange.request();
        List<String[]> headers = new ArrayList<>();
        if (request != null) {
            for (HeaderField field : request.headers().fields()) {
                headers.add(new String[] {field.name(), secrets.value(field.name(), field.value())});
            }
        }
        return new Json()
                .field("time", now())
                .field("connection", exchange.connection())
                .field("client", exchange.client())
                .field("number", exchange.number())
                .field("raw", shown(raw))
                .field("method", request == null ? null : request.method())
                .field("target", request == null ? null : request.target())
                .field("version", request == null ? null : request.version().text())
                .pairs("headers", headers)
                .strings("why", exchange.why())
                .field("head", shown(exchange.responseHead().getBytes(StandardCharsets.ISO_8859_1)))
                .field("status", exchange.status())
                .field("bodyBytes", exchange.bodyBytes())
                .field("contentType", exchange.contentType())
                .field("micros", exchange.elapsedNanos() / 1000)
                .field("body", TextBody.of(exchange.contentType(), exchange.smallBody()).orElse(null))
                .field("printf", ReplayCommand.printf(raw))
                .end();
    }

    private EventRing.Event connectionEvent(long connection, String client, String event, String detail) {
        return new EventRing.Event("connection", new Json()
                .field("time", now())
                .field("connection", connection)
                .field("client", client)
                .field("event", event)
                .field("detail", detail)
                .end());
    }

    /** Bytes as {@code --trace} shows them (CR and LF as ␍ and ␊), with a line break after each ␊. */
    static String shown(byte[] bytes) {
        return WireTrace.visible(bytes).replace("\u240a", "\u240a\n");
    }

    /** The target of a head that could not be parsed, as far as its first line tells, for the own-page test. */
    private static String targetOf(byte[] raw) {
        String line = new String(raw, 0, Math.min(raw.length, 200), StandardCharsets.ISO_8859_1);
        int space = line.indexOf(' ');
        int next = space < 0 ? -1 : line.indexOf(' ', space + 1);
        return space < 0 || next < 0 ? "" : line.substring(space + 1, next);
    }

    private String now() {
        return LocalTime.now(clock).format(TIME);
    }
}
