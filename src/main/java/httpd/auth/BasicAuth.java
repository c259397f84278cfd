package httpd.auth;

import httpd.http.ErrorPages;
import httpd.http.HttpStatus;
import httpd.http.RequestContext;
import httpd.http.RequestHandler;
import httpd.http.RequestHead;
import httpd.http.Response;
import httpd.http.Why;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * HTTP Basic authentication (RFC 7617) in front of everything else: a request that must bring the password and does
 * not gets 401 with a challenge, and goes no further; the others go on to the site. Placed outermost, it covers every
 * path: files, listings, 404s, live reload, the inspector. It answers before any request body is read.
 */
public final class BasicAuth implements RequestHandler {
    /**
     * RFC 7617 §2: the realm names the protection space; §2.1: charset="UTF-8" tells browsers to send non-ASCII
     * user-ids and passwords as UTF-8 rather than a legacy charset of their own choosing.
     */
    public static final String CHALLENGE = "Basic realm=\"httpd\", charset=\"UTF-8\"";

    private final Credentials expected;
    private final AuthScope scope;
    private final boolean preflightsPass;
    private final BiPredicate<String, String> sameSecret;
    private final RequestHandler next;

    /**
     * @param preflightsPass whether a CORS preflight goes on without a password ({@code --cors}): browsers never send
     *                       credentials with one, and fail the request unless it gets a 2xx (Fetch standard §3.2.3)
     */
    public BasicAuth(Credentials expected, AuthScope scope, boolean preflightsPass, RequestHandler next) {
        this(expected, scope, preflightsPass, ConstantTime.COMPARISON, next);
    }

    /** @param sameSecret how a user-id and a password sent are compared with the expected ones */
    BasicAuth(Credentials expected, AuthScope scope, boolean preflightsPass, BiPredicate<String, String> sameSecret,
            RequestHandler next) {
        this.expected = expected;
        this.scope = scope;
        this.preflightsPass = preflightsPass;
        this.sameSecret = sameSecret;
        this.next = next;
    }

    /** The comparison in use, for the test that proves it is the constant-time one. */
    BiPredicate<String, String> comparison() {
        return sameSecret;
    }

    @Override
    public Response handle(RequestHead request) {
        return handle(request, RequestContext.NONE);
    }

    @Override
    public Response handle(RequestHead request, RequestContext context) {
        Why why = context.why();
        if (!scope.asksFor(request.method())) {
            why.note(AuthDecision.SAFE_METHOD, request.method());
            return next.handle(request, context);
        }
        if (preflightsPass && isPreflight(request)) {
            why.note(AuthDecision.PREFLIGHT);
            return next.handle(request, context);
        }
        AuthDecision verdict = verdict(request.headers().all("Authorization"));
        if (verdict != AuthDecision.ACCEPTED) {
            why.note(verdict);
            return challenge();
        }
        why.note(AuthDecision.ACCEPTED, expected.user());
        return next.handle(request, context);
    }

    /** {@link AuthDecision#ACCEPTED} for the right credentials, else why they are refused. */
    private AuthDecision verdict(List<String> fields) {
        if (fields.isEmpty()) {
            return AuthDecision.NO_CREDENTIALS;
        }
        if (fields.size() > 1) {
            return AuthDecision.SEVERAL_FIELDS; // Authorization is no list: which one counts would be a guess
        }
        try {
            return matches(BasicCredentials.decode(fields.get(0))) ? AuthDecision.ACCEPTED : AuthDecision.MISMATCH;
        } catch (BadCredentials e) {
            return e.decision();
        }
    }

    /** Both parts are always compared (no {@code &&}), so the time taken does not tell a right user-id either. */
    private boolean matches(Credentials given) {
        boolean user = sameSecret.test(given.user(), expected.user());
        boolean password = sameSecret.test(given.password(), expected.password());
        return user & password;
    }

    /** OPTIONS with Origin and Access-Control-Request-Method is what a browser sends before a request (Fetch §3.2.2). */
    private static boolean isPreflight(RequestHead request) {
        return request.method().equals("OPTIONS") && request.headers().contains("Origin")
                && request.headers().contains("Access-Control-Request-Method");
    }

    /** RFC 9110 §11.6.1: a 401 carries at least one challenge. The page says no more than the status does. */
    private static Response challenge() {
        return ErrorPages.of(HttpStatus.UNAUTHORIZED).withHeader("WWW-Authenticate", CHALLENGE);
    }
}
