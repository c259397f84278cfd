package httpd.files;

import httpd.http.Accept;
import httpd.http.ErrorPages;
import httpd.http.Headers;

/**
 * The two forms a folder's listing takes: an HTML page for people, JSON for scripts, chosen by the request's
 * {@code Accept} (RFC 9110 §12.5.1). Both list the same entries in the same order; each has its own entity tag,
 * made from its own bytes, and both say {@code Vary: Accept} so that a cache keeps them apart (§12.5.5).
 */
enum ListingFormat {
    HTML("text/html", ErrorPages.HTML_TYPE),
    /** RFC 8259 §11: JSON is UTF-8 and its type has no charset parameter. */
    JSON("application/json", "application/json");

    /** The type as Accept names it, without parameters. */
    final String mediaType;
    /** The Content-Type sent. */
    final String contentType;

    ListingFormat(String mediaType, String contentType) {
        this.mediaType = mediaType;
        this.contentType = contentType;
    }

    /**
     * JSON when the request weighs it above HTML; HTML otherwise: on a tie (a browser's or curl's {@code *}{@code /*}),
     * and when Accept takes neither, since a listing in some form is more use than a 406 (§12.5.1 lets a server
     * disregard the field).
     */
    static ListingFormat chosenBy(Headers headers) {
        return Accept.weightOf(headers, JSON.mediaType) > Accept.weightOf(headers, HTML.mediaType) ? JSON : HTML;
    }
}
