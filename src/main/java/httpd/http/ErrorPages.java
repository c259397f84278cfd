package httpd.http;

import java.nio.charset.StandardCharsets;

/** The small HTML page that names an error status, so a browser shows more than a blank page. */
public final class ErrorPages {
    public static final String HTML_TYPE = "text/html; charset=utf-8";

    private ErrorPages() {
    }

    public static Response of(HttpStatus status) {
        return Response.builder(status)
                .header("Content-Type", HTML_TYPE)
                .body(new Body.Bytes(page(status)))
                .build();
    }

    static byte[] page(HttpStatus status) {
        String html = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + status
                + "</title></head>\n<body><h1>" + status + "</h1></body></html>\n";
        return html.getBytes(StandardCharsets.UTF_8);
    }
}
