package httpd.files;

import httpd.http.AcceptEncoding;

/** Precompressed siblings httpd looks for, best first, and whether a client accepts them. */
enum ContentCoding {
    BROTLI("br", ".br"),
    GZIP("gzip", ".gz");

    private final String token;
    private final String suffix;

    ContentCoding(String token, String suffix) {
        this.token = token;
        this.suffix = suffix;
    }

    String token() {
        return token;
    }

    String suffix() {
        return suffix;
    }

    /** Whether an Accept-Encoding value accepts this coding (RFC 9110 §12.5.3), by name or by "*". */
    boolean isAcceptedBy(String acceptEncoding) {
        return AcceptEncoding.accepts(acceptEncoding, token);
    }
}
