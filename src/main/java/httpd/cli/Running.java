package httpd.cli;

import httpd.inspect.Inspector;
import httpd.reload.ReloadEvents;
import httpd.server.HttpServer;
import java.time.Duration;
import java.util.Optional;

/**
 * A started server, and what must end before it can stop gracefully: the event streams of live reload and of
 * the inspector, which would otherwise never finish.
 */
record Running(HttpServer server, ReloadEvents reloadEvents, Optional<Inspector> inspector, Duration shutdownGrace) {
    /** Ctrl+C: end the event streams at once, then let responses in flight finish. */
    void stopGracefully() {
        reloadEvents.close();
        inspector.ifPresent(Inspector::close);
        server.stopGracefully();
    }

    /** Responses in flight that a graceful stop waits for: all but the event streams, which end at once. */
    int downloadsInFlight() {
        int streams = reloadEvents.openStreams() + inspector.map(Inspector::openStreams).orElse(0);
        return Math.max(0, server.responsesInFlight() - streams);
    }
}
