package httpd.cli;

/** A mistake in how httpd was started: reported as one line on stderr and exit code 2. */
final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
        super(message, null, false, false);
    }
}
