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
            String parameter = parameters[i];
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("q")) {
                return qvalue(parameter.substring(equals + 1).trim());
            }
        }
        return 1;
    }

    /**
     * qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ) (RFC 9110 §12.4.2), read by hand:
     * {@code Double.parseDouble} would also take ".5", "5e-1", "0.5f" or "0x1p-1".
     */
    private static double qvalue(String text) {
        if (text.isEmpty() || text.length() > 5 || text.charAt(0) != '0' && text.charAt(0) != '1') {
            return 0;
        }
        if (text.length() == 1) {
            return text.charAt(0) - '0';
        }
        if (text.charAt(1) != '.') {
            return 0;
        }
        int thousandths = 0;
        for (int i = 2; i < 5; i++) {
            int digit = i < text.length() ? text.charAt(i) - '0' : 0;
            if (digit < 0 || digit > 9) {
                return 0;
            }
            thousandths = thousandths * 10 + digit;
        }
        if (text.charAt(0) == '1') {
            return thousandths == 0 ? 1 : 0;
        }
        return thousandths / 1000.0;
    }

    /** The element without its parameters, lower-cased: {@code "Text/HTML;q=1"} is {@code "text/html"}. */
    public static String valueOf(String element) {
        int semicolon = element.indexOf(';');
        return (semicolon < 0 ? element : element.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
