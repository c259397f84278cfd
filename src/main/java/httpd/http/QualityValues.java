package httpd.http;

import java.util.Locale;

/** The weight ({@code q=}) of one element of an Accept-style list (RFC 9110 §12.4.2). */
public final class QualityValues {
    private QualityValues() {
    }

    /**
     * @param element one comma-separated element, e.g. {@code "text/html;q=0.8"}
     * @return its weight from 0 to 1; 1 when none is given; 0 when it is malformed
     */
    public static double weightOf(String element) {
        String[] parameters = element.split(";");
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    double weight = Double.parseDouble(parameter.substring(2).trim());
                    return weight >= 0 && weight <= 1 ? weight : 0;
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    /** The element without its parameters, lower-cased: {@code "Text/HTML;q=1"} is {@code "text/html"}. */
    public static String valueOf(String element) {
        int semicolon = element.indexOf(';');
        return (semicolon < 0 ? element : element.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
