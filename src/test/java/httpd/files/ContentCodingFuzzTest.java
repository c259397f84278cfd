package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import httpd.http.QualityValues;
import httpd.testing.WireText;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of Accept-Encoding and its q-values (RFC 9110 §12.4.2, §12.5.3): every weight
 * lies between 0 and 1, a malformed one counts as 0, and a well-formed list gets the verdict the RFC gives
 * for each precompressed coding. Each input is an Accept-Encoding value.
 */
class ContentCodingFuzzTest {
    /** codings [ OWS ";" OWS "q=" qvalue ], read apart from QualityValues so the two can disagree. */
    private static final Pattern ELEMENT = Pattern.compile(
            "[ \\t]*([!#$%&'*+.^_`|~0-9A-Za-z-]+)[ \\t]*(?:;[ \\t]*[qQ]=(0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?))?[ \\t]*");
    private static final Pattern Q_PARAMETER = Pattern.compile("[ \\t]*[qQ][ \\t]*=(.*)", Pattern.DOTALL);
    private static final Pattern QVALUE = Pattern.compile("[ \\t]*(0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?)[ \\t]*");

    @FuzzTest(maxDuration = "10m")
    void weightsAndVerdictsFollowTheRfc(byte[] input) {
        String acceptEncoding = new String(input, StandardCharsets.ISO_8859_1);
        if (!WireText.isFieldValue(acceptEncoding)) {
            return; // the request parser refuses control characters in a field value
        }

        for (String element : acceptEncoding.split(",")) {
            assertWeightOfElement(element);
            String value = QualityValues.valueOf(element);
            assertThat(value).doesNotContain(";").isEqualTo(value.trim()).isEqualTo(value.toLowerCase(Locale.ROOT));
        }
        Optional<Map<String, Double>> weights = strictWeights(acceptEncoding);
        for (ContentCoding coding : ContentCoding.values()) {
            boolean accepted = coding.isAcceptedBy(acceptEncoding);
            weights.ifPresent(known -> assertThat(accepted).as("%s accepted by %s", coding, acceptEncoding)
                    .isEqualTo(expectedAccepted(known, coding)));
        }
    }

    /** The first q parameter decides: a qvalue is its weight, anything else is malformed and weighs 0. */
    private static void assertWeightOfElement(String element) {
        double weight = QualityValues.weightOf(element);
        assertThat(weight).as("weight of %s", element).isBetween(0.0, 1.0);
        String[] parameters = element.split(";");
        for (int i = 1; i < parameters.length; i++) {
            Matcher q = Q_PARAMETER.matcher(parameters[i]);
            if (q.matches()) {
                Matcher qvalue = QVALUE.matcher(q.group(1));
                double expected = qvalue.matches() ? Double.parseDouble(qvalue.group(1)) : 0;
                assertThat(weight).as("weight of %s", element).isEqualTo(expected);
                return;
            }
        }
        assertThat(weight).as("weight of %s, which has none", element).isEqualTo(1.0);
    }

    /**
     * Each coding's weight (the last element naming it; x-gzip is gzip, RFC 9110 §18.6), or empty when the
     * list is not well-formed.
     */
    private static Optional<Map<String, Double>> strictWeights(String list) {
        Map<String, Double> weights = new HashMap<>();
        for (String element : list.split(",", -1)) {
            if (element.isBlank()) {
                continue; // RFC 9110 §5.6.1: empty list elements are ignored
            }
            Matcher matcher = ELEMENT.matcher(element);
            if (!matcher.matches()) {
                return Optional.empty();
            }
            String coding = matcher.group(1).toLowerCase(Locale.ROOT).replace("x-gzip", "gzip");
            weights.put(coding, matcher.group(2) == null ? 1.0 : Double.parseDouble(matcher.group(2)));
        }
        return Optional.of(weights);
    }

    /** RFC 9110 §12.5.3: named with a weight above 0, or not named and covered by "*" above 0. */
    private static boolean expectedAccepted(Map<String, Double> weights, ContentCoding coding) {
        Double named = weights.get(coding.token());
        if (named != null) {
            return named > 0;
        }
        Double wildcard = weights.get("*");
        return wildcard != null && wildcard > 0;
    }
}
