package httpd.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

/**
 * What Ctrl+C does: the first one stops httpd gracefully and says at once what it waits for; a second one,
 * while it waits, stops it at once. An idle server just stops ({@link HttpdCommand} then prints
 * {@code stopped}).
 */
final class GracefulStop {
    private final Running running;
    private final PrintStream out;
    private final IntConsumer exitNow;
    private final AtomicBoolean stopping = new AtomicBoolean();

    /** @param exitNow ends the process with this code ({@code System::exit}) */
    GracefulStop(Running running, PrintStream out, IntConsumer exitNow) {
        this.running = running;
        this.out = out;
        this.exitNow = exitNow;
    }

    /** A stop signal arrived (on a thread of the JVM's). */
    void signalled(StopSignal signal) {
        if (stopping.compareAndSet(false, true)) {
            // on a thread of its own: the JVM's thread must be free to take the next signal
            new Thread(this::stopGracefully, "httpd-shutdown").start();
        } else {
            stopNow(signal);
        }
    }

    private void stopGracefully() {
        int downloads = running.downloadsInFlight();
        Duration grace = running.shutdownGrace();
        if (downloads > 0 && !grace.isZero()) {
            say("stopping: waiting up to " + grace.toSeconds() + " s for " + count(downloads, "download")
                    + " (Ctrl+C again to stop now)");
        }
        running.stopGracefully();
    }

    private void stopNow(StopSignal signal) {
        int downloads = running.downloadsInFlight();
        say(downloads > 0 ? "stopped now, " + count(downloads, "download") + " cut off" : "stopped now");
        exitNow.accept(signal.exitCode());
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
