package httpd.http;

import java.util.Locale;

/**
 * What a request's {@code Accept-Encoding} says of one content coding (RFC 9110 §12.5.3): its weight, from the
 * entry that names it, else from {@code *}, else 0, except {@code identity}, which is acceptable unless
 * refused by name or by {@code *;q=0}. An absent field accepts identity only, for a server that compresses
 * on its own (the RFC lets a server assume any coding then, but no client that wants one leaves it out).
 */
public final class AcceptEncoding {
    private AcceptEncoding() {
    }

    /** The weight (0 to 1) the field gives this coding; {@code x-gzip} counts as {@code gzip} (§8.4.1.3). */
    public static double weightOf(String acceptEncoding, String coding) {
        Double listed = listedWeightOf(acceptEncoding, coding);
        if (listed != null) {
            return listed;
        }
        return coding.equals("identity") ? 1 : 0;
    }

    /** The weight the field gives this coding by name or by {@code *}; null when it gives none. */
    private static Double listedWeightOf(String acceptEncoding, String coding) {
        Double named = null;
        Double wildcard = null;
        for (String element : acceptEncoding.split(",")) {
            String name = QualityValues.valueOf(element).toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            double q = QualityValues.weightOf(element);
            if (name.equals(coding) || coding.equals("gzip") && name.equals("x-gzip")) {
                named = named == null ? q : Math.max(named, q);
            } else if (name.equals("*")) {
                wildcard = q;
            }
        }
        return named != null ? named : wildcard;
    }

    /** Whether the field accepts this coding at all. */
    public static boolean accepts(String acceptEncoding, String coding) {
        return weightOf(acceptEncoding, coding) > 0;
    }

    /**
     * Whether to send this coding rather than the content as it is: the client accepts it, and weighs it at
     * least as much as identity when it weighs identity at all ({@code gzip;q=0.5, identity} asks for the
     * content as it is; {@code br, gzip;q=0.8} for gzip, identity being only the fallback it always is).
     */
    public static boolean prefers(String acceptEncoding, String coding) {
        double weight = weightOf(acceptEncoding, coding);
        Double identity = listedWeightOf(acceptEncoding, "identity");
        return weight > 0 && (identity == null || weight >= identity);
    }
}
