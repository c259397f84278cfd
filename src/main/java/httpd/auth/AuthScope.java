package httpd.auth;

import java.util.Set;

/** Which requests must bring the password: every one ({@code --auth}), or uploads ({@code --auth-uploads-only}). */
public enum AuthScope {
    EVERY_REQUEST("every request", Set.of()),
    /**
     * Everything but the methods that only read (RFC 9110 §9.2.1): PUT and POST, which carry uploads, and with them
     * DELETE, PATCH and any method this server does not know, so that no way to change the folder is left open by
     * being forgotten. Methods are case-sensitive (RFC 9110 §9.1): {@code get} is not GET, and asks for it.
     */
    UPLOADS("uploads, not downloads", Set.of("GET", "HEAD", "OPTIONS"));

    private final String requests;
    private final Set<String> open;

    AuthScope(String requests, Set<String> open) {
        this.requests = requests;
        this.open = open;
    }

    /** Whether a request with this method must bring the password. */
    boolean asksFor(String method) {
        return !open.contains(method);
    }

    /** The requests it covers, in words for the banner. */
    public String requests() {
        return requests;
    }
}
