package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import httpd.files.Preconditions.Outcome;
import httpd.http.HeaderField;
import httpd.http.Headers;
import httpd.http.HttpDates;
import httpd.testing.WireText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Coverage-guided fuzzing of the conditional headers (RFC 9110 §13): entity-tag lists and dates, whatever
 * the client sends, never fail, and a well-formed set of conditions gets the verdict the RFC gives. Each
 * input is a header section, one {@code Name: value} per line; only the conditional fields count.
 */
class PreconditionsFuzzTest {
    private static final String ETAG = "\"10-196a5e1d3a8\"";
    private static final Instant MODIFIED = Instant.parse("2025-05-06T07:08:09Z");
    private static final Representation FILE =
            new Representation(Path.of("f"), null, "text/plain", null, ETAG, MODIFIED, HttpDates.format(MODIFIED));
    /** IMF-fixdate writes four-digit years. */
    private static final Instant FIRST_FOUR_DIGIT_YEAR = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant FIRST_FIVE_DIGIT_YEAR = Instant.ofEpochSecond(253_402_300_800L);
    private static final List<String> CONDITIONAL = List.of(
            "if-match", "if-none-match", "if-modified-since", "if-unmodified-since", "if-range");
    private static final List<String> LISTS = List.of("if-match", "if-none-match");

    @FuzzTest(maxDuration = "10m")
    void conditionsGetTheVerdictOfTheRfc(byte[] input) {
        List<HeaderField> lines = conditionalLines(new String(input, StandardCharsets.ISO_8859_1));
        Map<String, String> conditions = conditionalFields(lines);
        Headers headers = new Headers(lines);

        Outcome outcome = Preconditions.evaluate(headers, FILE);
        boolean rangeHolds = Preconditions.ifRangeHolds(headers, FILE);

        assertThat(outcome).isNotNull();
        conditions.values().forEach(PreconditionsFuzzTest::assertDatesReadBack);
        expectedOutcome(conditions).ifPresent(expected ->
                assertThat(outcome).as("verdict on %s", conditions).isEqualTo(expected));
        String ifRange = conditions.get("if-range");
        if (ifRange != null) {
            assertThat(rangeHolds).as("If-Range: %s", ifRange).isEqualTo(expectedIfRange(ifRange.trim()));
        }
    }

    /** The lines of conditional fields, as the parser would hand them on (no control characters). */
    private static List<HeaderField> conditionalLines(String text) {
        List<HeaderField> lines = new ArrayList<>();
        for (String line : text.split("\n", -1)) {
            int colon = line.indexOf(':');
            if (colon > 0 && WireText.isFieldValue(line)) { // the parser refuses control characters
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                if (CONDITIONAL.contains(name)) {
                    lines.add(new HeaderField(name, line.substring(colon + 1).trim()));
                }
            }
        }
        return lines;
    }

    /**
     * The conditions as RFC 9110 reads them: the lines of a list field (If-Match, If-None-Match) joined into
     * one list (§5.3), the first line of any other.
     */
    private static Map<String, String> conditionalFields(List<HeaderField> lines) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (HeaderField line : lines) {
            if (LISTS.contains(line.name())) {
                fields.merge(line.name(), line.value(), (first, next) -> first + ", " + next);
            } else {
                fields.putIfAbsent(line.name(), line.value());
            }
        }
        return fields;
    }

    /** A date a client sent, once parsed, is the same instant when written as IMF-fixdate and read again. */
    private static void assertDatesReadBack(String value) {
        HttpDates.parse(value).ifPresent(date -> {
            if (!date.isBefore(FIRST_FOUR_DIGIT_YEAR) && date.isBefore(FIRST_FIVE_DIGIT_YEAR)) {
                assertThat(HttpDates.parse(HttpDates.format(date))).as("%s read back", value).contains(date);
            }
        });
    }

    /** RFC 9110 §13.2.2, for lists that are well-formed; empty when one is not (httpd is lenient there). */
    private static Optional<Outcome> expectedOutcome(Map<String, String> conditions) {
        String ifMatch = conditions.get("if-match");
        if (ifMatch != null) {
            Optional<List<String>> tags = entityTags(ifMatch);
            if (tags.isEmpty()) {
                return Optional.empty();
            }
            boolean strongMatch = tags.get().contains("*") || tags.get().contains(ETAG);
            if (!strongMatch) {
                return Optional.of(Outcome.PRECONDITION_FAILED);
            }
        } else {
            Optional<Instant> since = date(conditions.get("if-unmodified-since"));
            if (since.isPresent() && MODIFIED.isAfter(since.get())) {
                return Optional.of(Outcome.PRECONDITION_FAILED);
            }
        }
        String ifNoneMatch = conditions.get("if-none-match");
        if (ifNoneMatch != null) {
            Optional<List<String>> tags = entityTags(ifNoneMatch);
            if (tags.isEmpty()) {
                return Optional.empty();
            }
            boolean weakMatch = tags.get().contains("*") || tags.get().contains(ETAG) || tags.get().contains("W/" + ETAG);
            return Optional.of(weakMatch ? Outcome.NOT_MODIFIED : Outcome.PROCEED);
        }
        Optional<Instant> since = date(conditions.get("if-modified-since"));
        if (since.isPresent() && !MODIFIED.isAfter(since.get())) {
            return Optional.of(Outcome.NOT_MODIFIED);
        }
        return Optional.of(Outcome.PROCEED);
    }

    /** RFC 9110 §13.1.5: an entity tag must match strongly, anything else must be the exact date. */
    private static boolean expectedIfRange(String value) {
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(ETAG);
        }
        return date(value).map(MODIFIED::equals).orElse(false);
    }

    private static Optional<Instant> date(String value) {
        return value == null ? Optional.empty() : HttpDates.parse(value);
    }

    /**
     * {@code "*" / #entity-tag} (RFC 9110 §8.8.3, §13.1.1) read strictly, character by character: each tag as
     * written, or empty when the list is malformed. Written apart from Preconditions so the two can disagree.
     */
    private static Optional<List<String>> entityTags(String list) {
        if (list.trim().equals("*")) {
            return Optional.of(List.of("*"));
        }
        List<String> tags = new ArrayList<>();
        int i = 0;
        int n = list.length();
        while (true) {
            while (i < n && (list.charAt(i) == ' ' || list.charAt(i) == '\t' || list.charAt(i) == ',')) {
                i++;
            }
            if (i == n) {
                return tags.isEmpty() ? Optional.empty() : Optional.of(tags);
            }
            int start = i;
            if (list.startsWith("W/", i)) {
                i += 2;
            }
            if (i == n || list.charAt(i) != '"') {
                return Optional.empty();
            }
            i++;
            while (i < n && isEtagChar(list.charAt(i))) {
                i++;
            }
            if (i == n || list.charAt(i) != '"') {
                return Optional.empty();
            }
            i++;
            tags.add(list.substring(start, i));
            while (i < n && (list.charAt(i) == ' ' || list.charAt(i) == '\t')) {
                i++;
            }
            if (i < n && list.charAt(i) != ',') {
                return Optional.empty();
            }
        }
    }

    /** etagc = %x21 / %x23-7E / obs-text. */
    private static boolean isEtagChar(char c) {
        return c == 0x21 || c >= 0x23 && c <= 0x7e || c >= 0x80 && c <= 0xff;
    }
}
