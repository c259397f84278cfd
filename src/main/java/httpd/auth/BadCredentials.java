package httpd.auth;

/** An Authorization field that cannot be read as Basic credentials, and the decision that says why. */
final class BadCredentials extends Exception {
    private static final long serialVersionUID = 1L;

    private final AuthDecision decision;

    BadCredentials(AuthDecision decision) {
        super(decision.template(), null, false, false);
        this.decision = decision;
    }

    AuthDecision decision() {
        return decision;
    }
}
