package httpd.reload;

import httpd.http.Body;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Server-Sent Events behind live reload: each open page holds one stream, and a change under the root
 * becomes one event on every stream, {@code css} when only stylesheets changed (they are swapped in place),
 * {@code reload} otherwise. Streams are bounded, since each holds a pool thread, and all end at once when
 * the server stops.
 */
public final class ReloadEvents implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReloadEvents.class);
    private static final int NAMES_SHOWN = 3;

    private final int maxStreams;
    private final Duration heartbeat;
    private long generation;
    private String lastEvent = "";
    private int openStreams;
    private boolean closed;

    /**
     * @param maxStreams streams beyond this are refused (the browser retries)
     * @param heartbeat  how often an idle stream sends a comment, which also finds clients that went away
     */
    public ReloadEvents(int maxStreams, Duration heartbeat) {
        this.maxStreams = maxStreams;
        this.heartbeat = heartbeat;
    }

    /** Turns a batch of changed files into one event for every open page. */
    public void changed(Set<Path> files) {
        boolean onlyCss = !files.isEmpty() && files.stream().allMatch(f -> f.toString().endsWith(".css"));
        int pages = publish(onlyCss ? "css" : "reload");
        log.info("reload: {}", describe(files, onlyCss, pages));
    }

    /** @return the pages the event goes to */
    synchronized int publish(String event) {
        generation++;
        lastEvent = event;
        notifyAll();
        return openStreams;
    }

    /** The log line's text: {@code style.css changed (css swapped in 2 pages)}. */
    static String describe(Set<Path> files, boolean onlyCss, int pages) {
        List<String> names = files.stream().map(file -> file.toString().replace('\\', '/'))
                .filter(name -> !name.isEmpty()).sorted().toList();
        String changed;
        if (names.isEmpty()) {
            changed = "files changed"; // the watcher lost count (an overflow): reload everything
        } else if (names.size() <= NAMES_SHOWN) {
            changed = String.join(", ", names) + " changed";
        } else {
            changed = String.join(", ", names.subList(0, NAMES_SHOWN)) + " and " + (names.size() - NAMES_SHOWN)
                    + " more changed";
        }
        String pageCount = pages + (pages == 1 ? " page" : " pages");
        if (pages == 0) {
            return changed + " (no page open)";
        }
        return changed + (onlyCss ? " (css swapped in " + pageCount + ")" : " (" + pageCount + " reloaded)");
    }

    /** A new stream for one page, or null when too many are open (or the server is stopping). */
    public synchronized Body.Stream open() {
        if (closed || openStreams >= maxStreams) {
            return null;
        }
        openStreams++;
        long seen = generation;
        return new Body.Stream(out -> stream(out, seen));
    }

    /** Pages holding a stream now. */
    public synchronized int openStreams() {
        return openStreams;
    }

    private long stream(WritableByteChannel out, long seenGeneration) throws IOException {
        long written = write(out, "retry: 1000\n: httpd live reload\n\n");
        long seen = seenGeneration;
        try {
            while (true) {
                String event;
                synchronized (this) {
                    long deadline = System.nanoTime() + heartbeat.toNanos();
                    while (!closed && generation == seen && System.nanoTime() < deadline) {
                        wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
                    }
                    if (closed) {
                        return written;
                    }
                    event = generation == seen ? null : lastEvent;
                    seen = generation;
                }
                written += write(out, event == null ? ": keep-alive\n\n" : "event: " + event + "\ndata: " + event + "\n\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return written;
        } finally {
            synchronized (this) {
                openStreams--;
            }
        }
    }

    private static long write(WritableByteChannel out, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        long count = bytes.remaining();
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
        return count;
    }

    /** Ends every stream now (at shutdown), so no page holds a thread past it. */
    @Override
    public synchronized void close() {
        closed = true;
        notifyAll();
    }
}
