package httpd.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A logback appender for standard output that writes in batches: lines collect in a buffer and reach the
 * terminal or file at least every {@code flushMillis} (200 ms by default), or sooner when the buffer fills,
 * and always when logback stops. Under load that is one system call per many requests instead of one per
 * request, a real share of the cost of serving a small file; a person watching the log sees each line a
 * moment later at most.
 */
public class BufferedConsoleAppender<E> extends OutputStreamAppender<E> {
    private static final int BUFFER_BYTES = 64 * 1024;
    /** Longer lines (a request target near the 8 KiB limit) are rare; they take the allocating way. */
    private static final int LINE_BYTES = 2048;

    private final byte[] line = new byte[LINE_BYTES];
    private long flushMillis = 200;
    private ScheduledExecutorService flusher;

    public long getFlushMillis() {
        return flushMillis;
    }

    public void setFlushMillis(long flushMillis) {
        this.flushMillis = flushMillis;
    }

    @Override
    public void start() {
        // FileDescriptor.out directly: System.out flushes on every write.
        setOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), BUFFER_BYTES));
        setImmediateFlush(false);
        super.start();
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "httpd-log-flusher");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * A {@link MessageLineEncoder}'s lines go through one array reused under the stream's lock, not a new
     * array per line; any other encoder, or a line that does not fit, takes logback's usual way.
     */
    @Override
    protected void writeOut(E event) throws IOException {
        if (!(getEncoder() instanceof MessageLineEncoder lines) || !(event instanceof ILoggingEvent loggingEvent)) {
            super.writeOut(event);
            return;
        }
        streamWriteLock.lock();
        try {
            int length = isStarted() ? lines.encodeInto(loggingEvent, line) : 0;
            if (length > 0) {
                getOutputStream().write(line, 0, length);
                return;
            }
        } finally {
            streamWriteLock.unlock();
        }
        super.writeOut(event);
    }

    private void flush() {
        streamWriteLock.lock();
        try {
            if (getOutputStream() != null) {
                getOutputStream().flush();
            }
        } catch (IOException e) {
            addError("could not flush standard output", e);
        } finally {
            streamWriteLock.unlock();
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        if (isStarted()) {
            flush();
        }
        super.stop();
    }

    /** Standard output stays open for whatever else the process prints. */
    @Override
    protected void closeOutputStream() {
        flush();
    }
}
