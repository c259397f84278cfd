package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.files.ByteRanges.Range;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ByteRangesTest {
    private static final long SIZE = 1000;

    static Stream<Arguments> satisfiable() {
        return Stream.of(
                Arguments.of("bytes=0-499", List.of(new Range(0, 499))),
                Arguments.of("bytes=500-999", List.of(new Range(500, 999))),
                Arguments.of("bytes=500-", List.of(new Range(500, 999))),
                Arguments.of("bytes=-200", List.of(new Range(800, 999))),
                Arguments.of("bytes=-5000", List.of(new Range(0, 999))),
                Arguments.of("bytes=900-5000", List.of(new Range(900, 999))),
                Arguments.of("bytes=0-0", List.of(new Range(0, 0))),
                Arguments.of("BYTES=1-2", List.of(new Range(1, 2))),
                Arguments.of("bytes=0-1, 5-6", List.of(new Range(0, 1), new Range(5, 6))),
                Arguments.of("bytes=0-1,2000-3000", List.of(new Range(0, 1))),
                Arguments.of("bytes= 10-20 ,30-40", List.of(new Range(10, 20), new Range(30, 40))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("satisfiable")
    void resolvesSatisfiableRangesAgainstTheSize(String header, List<Range> ranges) {
        assertThat(ByteRanges.parse(header, SIZE)).isEqualTo(new ByteRanges.Satisfiable(ranges));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=5000-6000, 7000-"})
    void reportsRangesBeyondTheEndAsUnsatisfiable(String header) {
        assertThat(ByteRanges.parse(header, SIZE)).isInstanceOf(ByteRanges.Unsatisfiable.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"items=0-1", "bytes", "bytes=", "bytes=abc", "bytes=5-1", "bytes=-", "bytes=1-2-3",
        "bytes=-1-2", "bytes=+1-2", "bytes=0-1,", "bytes=0x10-20", "bytes=99999999999999999999-", "0-1",
        "bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6,7-7,8-8,9-9,10-10,11-11,12-12,13-13,14-14,15-15,16-16"})
    void ignoresInvalidHeadersAndOtherUnits(String header) {
        assertThat(ByteRanges.parse(header, SIZE)).isInstanceOf(ByteRanges.Ignore.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bytes=0-0", "bytes=-1", "bytes=0-"})
    void findsNothingSatisfiableInAnEmptyFile(String header) {
        assertThat(ByteRanges.parse(header, 0)).isInstanceOf(ByteRanges.Unsatisfiable.class);
    }
}
