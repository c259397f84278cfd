package httpd.http;

/**
 * What a request's {@code Accept} says of one media type (RFC 9110 §12.5.1): the weight of the most specific
 * range that matches it ({@code type/subtype} over {@code type/*} over {@code *}{@code /*}), or 0 when none does.
 * An absent field accepts every type. Parameters of a range other than its weight are not compared: the types
 * asked of this server carry none that a client would select by.
 */
public final class Accept {
    private static final int NO_MATCH = 0;
    private static final int ANY = 1;
    private static final int SAME_TYPE = 2;
    private static final int EXACT = 3;

    private Accept() {
    }

    /**
     * @param accept    the field's values joined by commas; null when the request has none
     * @param mediaType a type without parameters, lower-case, such as {@code application/json}
     * @return the weight from 0 to 1
     */
    public static double weightOf(String accept, String mediaType) {
        if (accept == null) {
            return 1;
        }
        int best = NO_MATCH;
        double weight = 0;
        for (String element : accept.split(",")) {
            int specificity = specificity(QualityValues.valueOf(element), mediaType);
            if (specificity == NO_MATCH || specificity < best) {
                continue;
            }
            double q = QualityValues.weightOf(element);
            // of two ranges equally specific (a type listed twice), the higher weight counts
            weight = specificity > best ? q : Math.max(weight, q);
            best = specificity;
        }
        return weight;
    }

    /** The weight for a request's header fields: every Accept line counts, as one list (RFC 9110 §5.3). */
    public static double weightOf(Headers headers, String mediaType) {
        return weightOf(headers.contains("Accept") ? String.join(",", headers.all("Accept")) : null, mediaType);
    }

    private static int specificity(String range, String mediaType) {
        if (range.equals(mediaType)) {
            return EXACT;
        }
        if (range.equals("*/*")) {
            return ANY;
        }
        int slash = mediaType.indexOf('/');
        return range.endsWith("/*") && range.length() == slash + 2 && range.regionMatches(0, mediaType, 0, slash)
                ? SAME_TYPE : NO_MATCH;
    }
}
