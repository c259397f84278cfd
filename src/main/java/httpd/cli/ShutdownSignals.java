package httpd.cli;

import sun.misc.Signal;

/**
 * Ctrl+C (SIGINT) and SIGTERM start a graceful stop. A signal handler, unlike a JVM shutdown hook, lets the
 * main thread finish normally, so httpd exits with 0 after a clean stop instead of 130 or 143.
 */
final class ShutdownSignals {
    private ShutdownSignals() {
    }

    static void install(Runnable stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> new Thread(stop, "httpd-shutdown").start());
            } catch (IllegalArgumentException e) {
                // this platform has no such signal (e.g. TERM on some Windows setups): keep the JVM's default
            }
        }
    }
}
