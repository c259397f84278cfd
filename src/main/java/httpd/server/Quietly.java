package httpd.server;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For closing what may fail to close where the failure changes nothing (a client that already went away): the
 * failure is one DEBUG line, never thrown.
 */
final class Quietly {
    private static final Logger log = LoggerFactory.getLogger(Quietly.class);

    /** Something to do that may fail with an {@link IOException}. */
    @FunctionalInterface
    interface Step {
        void run() throws IOException;
    }

    private Quietly() {
    }

    /**
     * Runs {@code step}; a failure is logged as {@code what} failed for {@code subject}.
     *
     * @return whether it succeeded
     */
    static boolean attempt(Step step, String what, Object subject) {
        try {
            step.run();
            return true;
        } catch (IOException e) {
            log.debug("{} {}: {}", what, subject, e.toString());
            return false;
        }
    }
}
