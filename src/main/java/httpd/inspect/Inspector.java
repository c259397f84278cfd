package httpd.inspect;

import httpd.http.Body;
import httpd.http.RequestHandler;
import httpd.server.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;

/**
 * The teaching inspector ({@code --inspect}): every exchange live in a browser tab, with its bytes and the
 * decisions behind its answer. The server tells it what happens through {@link #trace()}; the events wait in a
 * bounded ring ({@link EventRing}); each open tab reads them through its own stream ({@link InspectorStream}).
 * Built only when {@code --inspect} is on: otherwise nothing is recorded at all.
 */
public final class Inspector implements AutoCloseable {
    /** How many events are kept for tabs that fall behind, or that open late. */
    public static final int CAPACITY = 1000;
    /** At most this many tabs stream at once, each holding a thread. */
    static final int MAX_STREAMS = 8;
    private static final String PAGE_RESOURCE = "/httpd/inspect/inspector.html";

    private final EventRing ring;
    private final SecretFields secrets;
    private final InspectorTrace trace;
    private final Duration heartbeat;
    private int openStreams;

    /**
     * @param showSecrets whether Cookie and Authorization values are shown ({@code --inspect-secrets})
     * @param clock       the clock events are timed by
     * @param heartbeat   how often an idle stream sends a comment, which also finds tabs that went away
     */
    public Inspector(boolean showSecrets, Clock clock, Duration heartbeat) {
        this(CAPACITY, showSecrets, clock, heartbeat);
    }

    Inspector(int capacity, boolean showSecrets, Clock clock, Duration heartbeat) {
        this.ring = new EventRing(capacity);
        this.secrets = new SecretFields(showSecrets);
        this.trace = new InspectorTrace(ring, secrets, clock);
        this.heartbeat = heartbeat;
    }

    /** Where the server tells the inspector each event. */
    public Trace trace() {
        return trace;
    }

    /** The inspector's page and stream in front of {@code site}, for the clients {@code fromLan} allows. */
    public RequestHandler handler(boolean fromLan, RequestHandler site) {
        return new InspectorHandler(page(), this, new InspectorAccess(fromLan), site);
    }

    /** The path of the inspector's page, for the banner. */
    public static String pagePath() {
        return InspectorHandler.PAGE_PATH;
    }

    /** A stream for one tab, or null when {@link #MAX_STREAMS} are open or the inspector has closed. */
    synchronized Body.Stream openStream() {
        if (ring.isClosed() || openStreams >= MAX_STREAMS) {
            return null;
        }
        openStreams++;
        InspectorStream stream = new InspectorStream(ring, secrets.masks(), heartbeat);
        return new Body.Stream(out -> {
            try {
                return stream.writeTo(out);
            } finally {
                streamEnded();
            }
        });
    }

    /** Tabs streaming now. */
    public synchronized int openStreams() {
        return openStreams;
    }

    private synchronized void streamEnded() {
        openStreams--;
    }

    /** Ends every stream (at shutdown), so no tab holds a thread past it. */
    @Override
    public void close() {
        ring.close();
    }

    private static byte[] page() {
        try (InputStream in = Inspector.class.getResourceAsStream(PAGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE_RESOURCE + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
