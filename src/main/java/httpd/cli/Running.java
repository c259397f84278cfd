package httpd.cli;

import httpd.reload.ReloadEvents;
import httpd.server.HttpServer;
import java.time.Duration;

/** A started server, and what must end before it can stop gracefully (live-reload streams). */
record Running(HttpServer server, ReloadEvents reloadEvents, Duration shutdownGrace) {
    /** Ctrl+C: end the event streams at once, then let responses in flight finish. */
    void stopGracefully() {
        reloadEvents.close();
        server.stopGracefully();
    }

    /** Responses in flight that a graceful stop waits for: all but the live-reload streams, which end at once. */
    int downloadsInFlight() {
        return Math.max(0, server.responsesInFlight() - reloadEvents.openStreams());
    }
}
