package httpd.files;

import httpd.http.Headers;
import httpd.http.HttpDates;
import java.time.Instant;
import java.util.Optional;

/**
 * Evaluates conditional request headers in the order of RFC 9110 §13.2.2: If-Match, else
 * If-Unmodified-Since; then If-None-Match, else If-Modified-Since. A malformed date means no condition.
 */
final class Preconditions {
    /** What the conditions say to do. */
    enum Outcome { PROCEED, NOT_MODIFIED, PRECONDITION_FAILED }

    private Preconditions() {
    }

    static Outcome evaluate(Headers headers, Representation representation) {
        return evaluate(headers, representation.etag(), representation.lastModified());
    }

    /**
     * @param etag         the representation's entity tag
     * @param lastModified its modification time, or null when it has none (then the date conditions,
     *                     which only stand in for a missing entity-tag condition, are not evaluated)
     */
    static Outcome evaluate(Headers headers, String etag, Instant lastModified) {
        Optional<String> ifMatch = listOf(headers, "If-Match");
        if (ifMatch.isPresent()) {
            if (!matchesAny(ifMatch.get(), etag, true)) {
                return Outcome.PRECONDITION_FAILED;
            }
        } else if (lastModified != null) {
            Optional<Instant> ifUnmodifiedSince = headers.first("If-Unmodified-Since").flatMap(HttpDates::parse);
            if (ifUnmodifiedSince.isPresent() && lastModified.isAfter(ifUnmodifiedSince.get())) {
                return Outcome.PRECONDITION_FAILED;
            }
        }
        Optional<String> ifNoneMatch = listOf(headers, "If-None-Match");
        if (ifNoneMatch.isPresent()) {
            return matchesAny(ifNoneMatch.get(), etag, false) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
        }
        if (lastModified == null) {
            return Outcome.PROCEED;
        }
        Optional<Instant> ifModifiedSince = headers.first("If-Modified-Since").flatMap(HttpDates::parse);
        if (ifModifiedSince.isPresent() && !lastModified.isAfter(ifModifiedSince.get())) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /** A list field sent on several lines is one list (RFC 9110 §5.3): {@code "a"} and {@code "b"} is {@code "a", "b"}. */
    private static Optional<String> listOf(Headers headers, String name) {
        return headers.count(name) > 1 ? Optional.of(String.join(", ", headers.all(name))) : headers.first(name);
    }

    /**
     * Whether If-Range lets the Range header apply (RFC 9110 §13.1.5): an entity tag must match strongly,
     * a date must equal the last modification exactly.
     */
    static boolean ifRangeHolds(Headers headers, Representation representation) {
        Optional<String> ifRange = headers.first("If-Range");
        if (ifRange.isEmpty()) {
            return true;
        }
        String value = ifRange.get().trim();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(representation.etag());
        }
        return HttpDates.parse(value).map(date -> date.equals(representation.lastModified())).orElse(false);
    }

    /**
     * Whether a list of entity tags (or "*") holds this one. Strong comparison for If-Match, weak
     * comparison (ignoring W/) for If-None-Match (RFC 9110 §8.8.3.2).
     */
    static boolean matchesAny(String list, String etag, boolean strong) {
        if (list.trim().equals("*")) {
            return true;
        }
        for (String candidate : list.split(",")) {
            String tag = candidate.trim();
            boolean weak = tag.startsWith("W/");
            if (weak) {
                if (strong) {
                    continue;
                }
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
