package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import httpd.files.ByteRanges.Range;
import httpd.files.ByteRanges.Satisfiable;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Coverage-guided fuzzing of the Range header (RFC 9110 §14.1.2): whatever a client sends, a range set
 * never leaves the file and says the same when written out and read again. Each input is a Range value;
 * it is judged against a few file sizes, from empty to larger than any real file.
 */
class ByteRangesFuzzTest {
    private static final long[] SIZES = {0, 1, 2, 10, 1000, 1L << 40};

    @FuzzTest(maxDuration = "10m")
    void rangesStayInsideTheFile(byte[] input) {
        String header = new String(input, StandardCharsets.ISO_8859_1);
        for (long size : SIZES) {
            ByteRanges.Result result = ByteRanges.parse(header, size);

            assertThat(result).as("verdict on %s for size %d", header, size).isNotNull();
            if (result instanceof Satisfiable satisfiable) {
                assertInsideTheFile(satisfiable, size);
                assertReadsBackTheSame(satisfiable, size);
            }
        }
    }

    private static void assertInsideTheFile(Satisfiable satisfiable, long size) {
        assertThat(satisfiable.ranges()).hasSizeBetween(1, ByteRanges.MAX_RANGES);
        for (Range range : satisfiable.ranges()) {
            assertThat(range.first()).as("first of %s in %d bytes", range, size).isBetween(0L, range.last());
            assertThat(range.last()).as("last of %s in %d bytes", range, size).isLessThan(size);
        }
    }

    /** The ranges, written as a Range header, parse back to themselves: the verdict re-validates. */
    private static void assertReadsBackTheSame(Satisfiable satisfiable, long size) {
        String written = satisfiable.ranges().stream()
                .map(range -> range.first() + "-" + range.last())
                .collect(Collectors.joining(",", "bytes=", ""));

        assertThat(ByteRanges.parse(written, size)).isEqualTo(satisfiable);
    }
}
