package httpd.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The small HTML page that names an error status, so a browser shows more than a blank page. */
public final class ErrorPages {
    public static final String HTML_TYPE = "text/html; charset=utf-8";

    private ErrorPages() {
    }

    /** Every page made once: a 404 flood costs no string building. Never modified after this. */
    private static final Map<HttpStatus, byte[]> PAGES = pages();

    public static Response of(HttpStatus status) {
        return Response.builder(status)
                .header("Content-Type", HTML_TYPE)
                .body(new Body.Bytes(PAGES.get(status)))
                .build();
    }

    private static Map<HttpStatus, byte[]> pages() {
        Map<HttpStatus, byte[]> pages = new EnumMap<>(HttpStatus.class);
        for (HttpStatus status : HttpStatus.values()) {
            pages.put(status, page(status));
        }
        return Collections.unmodifiableMap(pages);
    }

    static byte[] page(HttpStatus status) {
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + status
                + "</title></head>\n<body><h1>" + status + "</h1></body></html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
