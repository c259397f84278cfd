package httpd.server;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Responses whose client is not taking bytes (its receive window is full) wait here without a thread. One thread
 * watches all their sockets with a {@link Selector} and hands each response back to the transfer pool as soon as
 * its socket can take bytes again. A client that reads slowly or not at all therefore costs a socket and a
 * registration, never a thread that other downloads need: threads only ever carry responses that are moving.
 */
final class ParkedSends implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ParkedSends.class);
    /** How often sockets closed while parked (the send timeout, a stop) are looked for. */
    private static final long SWEEP_MILLIS = 1000;

    private record Parked(SocketChannel channel, Runnable resume) {
    }

    private final Selector selector;
    private final Queue<Parked> arriving = new ConcurrentLinkedQueue<>();
    private final Predicate<Runnable> resumeOnPool;
    private final Thread thread;
    private volatile boolean closed;

    /** @param resumeOnPool queues a parked response's next step on a pool; false when the pool refuses it */
    ParkedSends(Predicate<Runnable> resumeOnPool) throws IOException {
        this.resumeOnPool = resumeOnPool;
        this.selector = Selector.open();
        this.thread = new Thread(this::watch, "httpd-parked-sends");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Parks a response until its socket can take bytes, then runs {@code resume} on the pool.
     *
     * @param channel a socket in non-blocking mode whose last write did not take everything
     * @return false once closed: the caller then closes the connection
     */
    boolean park(SocketChannel channel, Runnable resume) {
        if (closed) {
            return false;
        }
        arriving.add(new Parked(channel, resume));
        selector.wakeup(); // registration happens on the watching thread, never while it is blocked in select
        return true;
    }

    private void watch() {
        long nextSweep = System.currentTimeMillis() + SWEEP_MILLIS;
        List<Runnable> ready = new ArrayList<>();
        try {
            while (!closed) {
                registerArrivals();
                if (System.currentTimeMillis() >= nextSweep) {
                    resumeClosedOnes();
                    nextSweep = System.currentTimeMillis() + SWEEP_MILLIS;
                }
                if (selector.selectedKeys().isEmpty()) {
                    selector.select(SWEEP_MILLIS);
                } else {
                    selector.selectNow(); // keys found by the last selectNow are still waiting
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    key.cancel();
                    ready.add((Runnable) key.attachment());
                }
                selector.selectedKeys().clear();
                // Deregisters the cancelled keys: a socket must leave the selector before it may block again
                // (its next request is read in blocking mode).
                selector.selectNow();
                ready.forEach(this::resume);
                ready.clear();
            }
        } catch (IOException | RuntimeException e) {
            log.error("watching parked responses failed", e);
        } finally {
            closeAll();
        }
    }

    private void registerArrivals() {
        for (Parked parked = arriving.poll(); parked != null; parked = arriving.poll()) {
            try {
                parked.channel().register(selector, SelectionKey.OP_WRITE, parked.resume());
            } catch (ClosedChannelException e) {
                resume(parked.resume()); // closed meanwhile: its next write fails at once and cleans up
            }
        }
    }

    /** A socket closed while parked leaves the selector without ever being ready: resume it so it cleans up. */
    private void resumeClosedOnes() {
        List<Runnable> dead = new ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            if (!key.isValid() && key.attachment() != null) {
                dead.add((Runnable) key.attachment());
                key.attach(null);
            }
        }
        dead.forEach(this::resume);
    }

    /** On the pool; or, when the pool refuses (the server is stopping), here: with its socket closed it ends at once. */
    private void resume(Runnable next) {
        if (!resumeOnPool.test(next)) {
            next.run();
        }
    }

    /** Stops watching: every response still parked is cut, and its connection cleans up. */
    @Override
    public void close() {
        closed = true;
        selector.wakeup();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void closeAll() {
        closed = true;
        List<Runnable> cut = new ArrayList<>();
        for (SelectionKey key : selector.keys()) {
            closeQuietly(key.channel());
            if (key.attachment() != null) {
                cut.add((Runnable) key.attachment());
            }
        }
        for (Parked parked = arriving.poll(); parked != null; parked = arriving.poll()) {
            closeQuietly(parked.channel());
            cut.add(parked.resume());
        }
        cut.forEach(Runnable::run);
        try {
            selector.close();
        } catch (IOException e) {
            log.debug("closing the selector: {}", e.toString());
        }
    }

    private static void closeQuietly(java.nio.channels.Channel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            log.debug("closing a parked socket: {}", e.toString());
        }
    }
}
