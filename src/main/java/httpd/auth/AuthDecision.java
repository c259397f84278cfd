package httpd.auth;

import httpd.http.Decision;

/**
 * The decisions the password check takes, each with the rule behind it. None of them shows what the client sent:
 * a user-id typed into the password box, or the other way round, must never reach a trace or the inspector.
 */
enum AuthDecision implements Decision {
    NO_CREDENTIALS("no Authorization header → 401 with WWW-Authenticate: Basic", "RFC 7617 §2"),
    SEVERAL_FIELDS("more than one Authorization header → 401", "RFC 9110 §5.3"),
    NOT_BASIC("the Authorization scheme is not Basic → 401", "RFC 7617 §2"),
    NOT_BASE64("the Basic credentials are not Base64 → 401", "RFC 7617 §2, RFC 4648 §4"),
    NOT_UTF8("the decoded credentials are not UTF-8 → 401", "RFC 7617 §2.1"),
    NO_COLON("the decoded credentials hold no colon between user-id and password → 401", "RFC 7617 §2"),
    CONTROL_CHARACTER("the decoded credentials hold a control character → 401", "RFC 7617 §2"),
    MISMATCH("the user-id or the password is not the one configured (compared in constant time) → 401",
            "RFC 7617 §2"),
    ACCEPTED("Basic credentials of user {0} match → on to the site", "RFC 7617 §2"),
    SAFE_METHOD("--auth-uploads-only: {0} only reads → no password asked", "RFC 9110 §9.2.1"),
    PREFLIGHT("a CORS preflight never carries credentials → answered without a password", "Fetch standard §3.2.3");

    private final String template;
    private final String rule;

    AuthDecision(String template, String rule) {
        this.template = template;
        this.rule = rule;
    }

    @Override
    public String template() {
        return template;
    }

    @Override
    public String rule() {
        return rule;
    }
}
