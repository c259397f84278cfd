package httpd.files;

import httpd.http.QualityValues;

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

    /**
     * Whether an Accept-Encoding value accepts this coding (RFC 9110 §12.5.3): named, or covered by "*",
     * with a q-value above zero. An explicit entry wins over "*".
     */
    boolean isAcceptedBy(String acceptEncoding) {
        Double named = null;
        Double wildcard = null;
        for (String element : acceptEncoding.split(",")) {
            String coding = QualityValues.valueOf(element);
            double q = QualityValues.weightOf(element);
            if (coding.equals(token) || token.equals("gzip") && coding.equals("x-gzip")) {
                named = q;
            } else if (coding.equals("*")) {
                wildcard = q;
            }
        }
        if (named != null) {
            return named > 0;
        }
        return wildcard != null && wildcard > 0;
    }
}
