package httpd.cli;

import httpd.embed.HttpdServer;
import java.time.Duration;

/** A started server, as the signal handlers see it: how long a graceful stop may take, and what it waits for. */
record Running(HttpdServer server, Duration shutdownGrace) {
    /** Ctrl+C: the event streams end at once, responses in flight may finish within the grace. */
    void stopGracefully() {
        server.close();
    }

    /** Responses in flight that a graceful stop waits for: all but the event streams, which end at once. */
    int downloadsInFlight() {
        return server.downloadsInFlight();
    }
}
