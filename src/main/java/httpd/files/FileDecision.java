package httpd.files;

import httpd.http.Decision;

/** The decisions the files side takes on the way to an answer, each with the rule behind it. */
enum FileDecision implements Decision {
    FILE("{0} → the file {1}", ""),
    INDEX_FILE("{0} → {0}index.html", ""),
    LISTING("{0} is a folder without index.html → a listing of it", ""),
    LISTING_JSON("Accept weighs application/json above text/html → the listing as JSON, Vary: Accept",
            "RFC 9110 §12.5.1"),
    FOLDER_ZIP("{0}?download=zip → the folder as a ZIP, made as it is sent: no length, no ETag, no ranges; "
            + "compressed types stored, the rest deflated; only what its listings show", "RFC 6266"),
    FOLDER_WITHOUT_SLASH("{0} is a folder → 301 to {1}, so that its relative links resolve inside it", "RFC 9110 §15.4.2"),
    MISSING("{0}: no such file → 404", "RFC 9110 §15.5.5"),
    HIDDEN("dotfile hidden → 404 (--dotfiles serves them)", ""),
    ABOVE_ROOT("{0} climbs above the root or hides a separator in a name → 404", "RFC 3986 §5.2.4"),
    NOTHING_SERVABLE("{0} leads nowhere servable (missing, special, hidden or outside the root) → 404",
            "RFC 9110 §15.5.5"),
    FOLDER_WITHOUT_LISTING("{0} is a folder without index.html and listings are off → 404", ""),
    CUSTOM_404("the root's 404.html is the body; the status stays 404", ""),
    SPA_FALLBACK("--spa: a page navigation (Accept: text/html) to a missing path → /index.html", ""),
    NOT_MODIFIED_ETAG("If-None-Match matched the current ETag {0} → 304", "RFC 9110 §13.1.2"),
    NOT_MODIFIED_DATE("not modified since If-Modified-Since → 304", "RFC 9110 §13.1.3"),
    IF_MATCH_FAILED("If-Match does not match the current ETag {0} → 412", "RFC 9110 §13.1.1"),
    MODIFIED_SINCE("modified since If-Unmodified-Since → 412", "RFC 9110 §13.1.4"),
    RANGE("{0} → 206", "RFC 9110 §14.2"),
    RANGE_NOT_SATISFIABLE("{0} lies beyond the {1} bytes of the file → 416", "RFC 9110 §15.5.17"),
    RANGE_IGNORED("{0} is not a range this server reads → the whole file, 200", "RFC 9110 §14.2"),
    IF_RANGE_CHANGED("If-Range no longer matches → the whole file, 200", "RFC 9110 §13.1.5"),
    PRECOMPRESSED("precompressed {0} sibling chosen (Accept-Encoding)", "RFC 9110 §12.5.3"),
    GZIP_CACHED("gzip-encoded (Accept-Encoding): the encoding kept from an earlier request for this version",
            "RFC 9110 §8.4.1.3"),
    GZIP_ENCODED("gzip-encoded (Accept-Encoding) now, whole; kept for the next request once the file has settled",
            "RFC 9110 §8.4.1.3"),
    GZIP_STREAMED("gzip-encoded as it is sent (Accept-Encoding): length unknown until the end", "RFC 9110 §8.4.1.3"),
    GZIP_NOT_FOR_RANGES("a range is asked for → sent from the file as it is, not gzip-encoded", "RFC 9110 §14.1.1"),
    UNREADABLE("{0} cannot be read → 403", "RFC 9110 §15.5.4"),
    UNKNOWN_METHOD("{0} is not a method this server knows → 501", "RFC 9110 §15.6.2"),
    METHOD_NOT_ALLOWED("{0} does not apply to files → 405 with Allow", "RFC 9110 §15.5.6"),
    OPTIONS("OPTIONS → 204 with Allow", "RFC 9110 §9.3.7");

    private final String template;
    private final String rule;

    FileDecision(String template, String rule) {
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
