package httpd.cli;

import java.io.IOException;
import java.net.BindException;

/** The server could not start (port in use, address not ours): one line and exit code 1. */
final class StartFailure extends Exception {
    private static final long serialVersionUID = 1L;

    StartFailure(String message) {
        super(message, null, false, false);
    }

    /** Why the server could not listen on {@code bind:port}, in the words a user acts on. */
    static StartFailure listening(String bind, int port, IOException e) {
        String reason = String.valueOf(e.getMessage());
        if (e instanceof BindException && reason.contains("in use")) {
            return new StartFailure("port " + port + " is already in use");
        }
        if (e instanceof BindException && reason.contains("ermission")) {
            return new StartFailure("no permission to listen on port " + port);
        }
        return new StartFailure("cannot listen on " + bind + ":" + port + ": " + reason);
    }
}
