package httpd.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The small page that says in words what went wrong, in the look of the directory listing, so a browser
 * shows more than a blank page. Self-contained (no style sheet or image to fetch) and a few hundred bytes.
 */
public final class ErrorPages {
    public static final String HTML_TYPE = "text/html; charset=utf-8";
    private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:36rem;"
            + "padding:0 1rem;color:#1d2330;line-height:1.5}h1{font-size:1.4rem;font-weight:600;margin:0 0 .5rem}"
            + "h1 span{color:#5b6475;font-weight:400}p{margin:.4rem 0}code{background:#f0f3f9;padding:.1rem .3rem;"
            + "border-radius:.2rem}a{color:#2f6fd6;text-decoration:none}a:hover{text-decoration:underline}"
            + "hr{border:0;border-top:2px solid #d6dce8;margin:1.2rem 0 .8rem}";

    private ErrorPages() {
    }

    /** Every page made once: a 404 flood costs no string building. Never modified after this. */
    private static final Map<HttpStatus, byte[]> PAGES = pages();

    public static Response of(HttpStatus status) {
        return respond(status, PAGES.get(status));
    }

    /**
     * A page that also names the rule the request broke, e.g. {@code missing Host header} for a 400.
     *
     * @param detail plain text; it is escaped here
     */
    public static Response of(HttpStatus status, String detail) {
        if (detail == null || detail.isBlank()) {
            return of(status);
        }
        return respond(status, page(status, detail));
    }

    private static Response respond(HttpStatus status, byte[] page) {
        return Response.builder(status)
                .header("Content-Type", HTML_TYPE)
                .body(new Body.Bytes(page))
                .build();
    }

    private static Map<HttpStatus, byte[]> pages() {
        Map<HttpStatus, byte[]> pages = new EnumMap<>(HttpStatus.class);
        for (HttpStatus status : HttpStatus.values()) {
            pages.put(status, page(status, null));
        }
        return Collections.unmodifiableMap(pages);
    }

    static byte[] page(HttpStatus status, String detail) {
        StringBuilder html = new StringBuilder(1024)
                .append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
                .append(status).append("</title><style>").append(STYLE).append("</style></head>\n<body><h1>")
                .append(status.code()).append(" <span>").append(status.reason()).append("</span></h1>\n<p>")
                .append(explanation(status)).append("</p>\n");
        if (detail != null) {
            html.append("<p>What was wrong: <code>").append(Html.escape(detail)).append("</code></p>\n");
        }
        return html.append("<hr><p><a href=\"/\">Go to the front page</a></p></body></html>\n").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    /** What the status means for the person who sees it. */
    private static String explanation(HttpStatus status) {
        return switch (status) {
            case OK, NO_CONTENT, PARTIAL_CONTENT -> "The request was answered.";
            case CREATED -> "The file was saved.";
            case SEE_OTHER -> "The answer is at another address; your browser follows it.";
            case CONFLICT -> "A file of that name is already there, and the server does not overwrite it.";
            case UNSUPPORTED_MEDIA_TYPE -> "The server does not take content of this type here.";
            case INSUFFICIENT_STORAGE -> "The server's disk is full, so nothing was saved.";
            case MOVED_PERMANENTLY -> "This page lives at another address now; your browser follows it.";
            case TEMPORARY_REDIRECT -> "This page is at another address for now; your browser follows it.";
            case NOT_MODIFIED -> "Your copy is still up to date.";
            case BAD_REQUEST -> "The request broke a rule of HTTP, so the server could not read it.";
            case UNAUTHORIZED -> "This server asks for a user name and password, and none that fit came with the request.";
            case FORBIDDEN -> "The server is not allowed to read this file.";
            case NOT_FOUND -> "There is nothing at this address.";
            case METHOD_NOT_ALLOWED -> "This address does not take that method; the Allow header lists the ones it does.";
            case REQUEST_TIMEOUT -> "The request did not arrive in time, so the connection was closed.";
            case CONTENT_TOO_LARGE -> "The request carried more data than the server takes.";
            case PRECONDITION_FAILED -> "A condition in the request (If-Match or If-Unmodified-Since) did not hold.";
            case URI_TOO_LONG -> "The address is longer than the server reads.";
            case RANGE_NOT_SATISFIABLE -> "The requested part lies beyond the end of the file.";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's header fields are larger than the server reads.";
            case INTERNAL_SERVER_ERROR -> "Something went wrong in the server; its log says what.";
            case NOT_IMPLEMENTED -> "The request asked for something this server does not do.";
            case SERVICE_UNAVAILABLE -> "The server is too busy right now. Try again in a moment.";
            case HTTP_VERSION_NOT_SUPPORTED -> "This server speaks HTTP/1.0 and HTTP/1.1.";
        };
    }
}
