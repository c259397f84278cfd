package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.Preconditions.Outcome;
import httpd.http.HeaderField;
import httpd.http.Headers;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PreconditionsTest {
    private static final String ETAG = "\"10-abc\"";
    private static final String SAME = "Tue, 06 May 2025 07:08:09 GMT";
    private static final Instant MODIFIED = Instant.parse("2025-05-06T07:08:09Z");
    private static final Representation FILE = new Representation(Path.of("f"),
            new FileVersion(null, 16, FileTime.from(MODIFIED)), "text/plain", null, ETAG, MODIFIED, SAME);
    private static final String EARLIER = "Tue, 06 May 2025 07:08:08 GMT";
    private static final String LATER = "Wed, 07 May 2025 00:00:00 GMT";

    private static Headers headers(String... namesAndValues) {
        List<HeaderField> fields = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.add(new HeaderField(namesAndValues[i], namesAndValues[i + 1]));
        }
        return new Headers(fields);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("no conditions", headers(), Outcome.PROCEED),
                Arguments.of("INM matches", headers("If-None-Match", ETAG), Outcome.NOT_MODIFIED),
                Arguments.of("INM weak matches", headers("If-None-Match", "W/" + ETAG), Outcome.NOT_MODIFIED),
                Arguments.of("INM list matches", headers("If-None-Match", "\"x\", " + ETAG), Outcome.NOT_MODIFIED),
                Arguments.of("INM star", headers("If-None-Match", "*"), Outcome.NOT_MODIFIED),
                Arguments.of("INM differs", headers("If-None-Match", "\"other\""), Outcome.PROCEED),
                Arguments.of("INM wins over IMS", headers("If-None-Match", "\"other\"", "If-Modified-Since", LATER),
                        Outcome.PROCEED),
                Arguments.of("IMS same second", headers("If-Modified-Since", SAME), Outcome.NOT_MODIFIED),
                Arguments.of("IMS later", headers("If-Modified-Since", LATER), Outcome.NOT_MODIFIED),
                Arguments.of("IMS earlier", headers("If-Modified-Since", EARLIER), Outcome.PROCEED),
                Arguments.of("IMS garbage", headers("If-Modified-Since", "not a date"), Outcome.PROCEED),
                Arguments.of("If-Match matches", headers("If-Match", ETAG), Outcome.PROCEED),
                Arguments.of("If-Match star", headers("If-Match", "*"), Outcome.PROCEED),
                Arguments.of("If-Match differs", headers("If-Match", "\"other\""), Outcome.PRECONDITION_FAILED),
                Arguments.of("If-Match weak never matches", headers("If-Match", "W/" + ETAG), Outcome.PRECONDITION_FAILED),
                Arguments.of("IUS earlier fails", headers("If-Unmodified-Since", EARLIER), Outcome.PRECONDITION_FAILED),
                Arguments.of("IUS same passes", headers("If-Unmodified-Since", SAME), Outcome.PROCEED),
                Arguments.of("IUS garbage ignored", headers("If-Unmodified-Since", "soon"), Outcome.PROCEED),
                Arguments.of("If-Match wins over IUS", headers("If-Match", ETAG, "If-Unmodified-Since", EARLIER),
                        Outcome.PROCEED));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("cases")
    void evaluatesConditionsInTheOrderOfRfc9110(String name, Headers headers, Outcome outcome) {
        assertThat(Preconditions.evaluate(headers, FILE)).isEqualTo(outcome);
    }

    static Stream<Arguments> ifRange() {
        return Stream.of(
                Arguments.of(headers(), true),
                Arguments.of(headers("If-Range", ETAG), true),
                Arguments.of(headers("If-Range", "W/" + ETAG), false),
                Arguments.of(headers("If-Range", "\"old\""), false),
                Arguments.of(headers("If-Range", SAME), true),
                Arguments.of(headers("If-Range", LATER), false),
                Arguments.of(headers("If-Range", "garbage"), false));
    }

    @ParameterizedTest
    @MethodSource("ifRange")
    void appliesARangeOnlyWhenIfRangeMatches(Headers headers, boolean holds) {
        assertThat(Preconditions.ifRangeHolds(headers, FILE)).isEqualTo(holds);
    }

    static Stream<Arguments> withoutADate() {
        return Stream.of(
                Arguments.of(headers("If-Modified-Since", LATER), Outcome.PROCEED),
                Arguments.of(headers("If-Unmodified-Since", EARLIER), Outcome.PROCEED),
                Arguments.of(headers("If-None-Match", ETAG, "If-Modified-Since", EARLIER), Outcome.NOT_MODIFIED),
                Arguments.of(headers("If-None-Match", "\"other\""), Outcome.PROCEED),
                Arguments.of(headers("If-Match", "\"other\""), Outcome.PRECONDITION_FAILED));
    }

    /** A listing has an entity tag but no modification time: date conditions do not apply to it. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("withoutADate")
    void evaluatesOnlyEntityTagsForARepresentationWithoutADate(Headers headers, Outcome expected) {
        assertThat(Preconditions.evaluate(headers, ETAG, null)).isEqualTo(expected);
    }

    static Stream<Arguments> listsOnSeveralLines() {
        return Stream.of(
                Arguments.of(headers("If-None-Match", "\"other\"", "If-None-Match", ETAG), Outcome.NOT_MODIFIED),
                Arguments.of(headers("If-None-Match", "\"a\"", "If-None-Match", "\"b\""), Outcome.PROCEED),
                Arguments.of(headers("If-Match", "\"other\"", "If-Match", ETAG), Outcome.PROCEED),
                Arguments.of(headers("If-Match", "\"a\"", "If-Match", "\"b\""), Outcome.PRECONDITION_FAILED));
    }

    /** RFC 9110 §5.3: the lines of a list field are one list, so the tag on the second line counts too. */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("listsOnSeveralLines")
    void readsAnEntityTagListSentOnSeveralLinesAsOne(Headers headers, Outcome expected) {
        assertThat(Preconditions.evaluate(headers, FILE)).isEqualTo(expected);
    }
}
