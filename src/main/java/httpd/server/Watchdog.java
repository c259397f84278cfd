package httpd.server;

import java.time.Duration;
import java.util.Collection;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once a tick, on the timer thread, looks at every response being sent. A client that stopped reading must not
 * keep a thread forever: its response is cut after the send timeout. And while every transfer thread is busy
 * and transfers wait for one, those whose clients read under the floor of {@link SendRateFloor} are cut at
 * once, so that their threads go to the waiting ones. Cutting is closing the connection: the blocked write
 * fails, its thread is free, and the access log shows what was sent.
 */
final class Watchdog implements Runnable {
    /**
     * How often the watchdog looks. A transfer waiting behind stalled readers waits at most about the grace
     * period or the window of {@link SendRateFloor}, whichever is longer, plus one tick.
     */
    static final Duration TICK = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    private final Collection<Connection> connections;
    private final Duration sendTimeout;
    private final BooleanSupplier transfersWaiting;

    /**
     * @param connections      the open connections, as they change
     * @param transfersWaiting whether transfers are queued for a thread, every one being busy
     */
    Watchdog(Collection<Connection> connections, Duration sendTimeout, BooleanSupplier transfersWaiting) {
        this.connections = connections;
        this.sendTimeout = sendTimeout;
        this.transfersWaiting = transfersWaiting;
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        long limit = sendTimeout.toNanos();
        boolean waiting = transfersWaiting.getAsBoolean();
        for (Connection connection : connections) {
            SendProgress progress = connection.progress();
            if (progress.isStalled(now, limit)) {
                log.debug("connection {}: no progress sending for {} s, closing", connection.id(),
                        sendTimeout.toSeconds());
                connection.cut();
            } else if (progress.givesWay(SendRateFloor.DEFAULT, waiting, now)) {
                log.debug("connection {}: sending under {} bytes/s while transfers wait for a thread, closing",
                        connection.id(), SendRateFloor.DEFAULT.minimumBytesPerSecond());
                connection.cut();
            }
        }
    }
}
