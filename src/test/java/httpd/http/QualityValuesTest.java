package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QualityValuesTest {
    static Stream<Arguments> weights() {
        return Stream.of(
                Arguments.of("gzip", 1.0),
                Arguments.of("gzip;q=0.5", 0.5),
                Arguments.of("gzip ; Q=0.5 ", 0.5),
                Arguments.of("gzip;q=1", 1.0),
                Arguments.of("gzip;q=1.000", 1.0),
                Arguments.of("gzip;q=0", 0.0),
                Arguments.of("gzip;q=0.", 0.0),
                Arguments.of("gzip;q=0.001", 0.001),
                Arguments.of("text/html;level=1;q=0.7", 0.7),
                Arguments.of("gzip;foo", 1.0),
                // malformed qvalues (RFC 9110 §12.4.2) weigh 0, however a Java double would read them
                Arguments.of("br;br;q=.5", 0.0),
                Arguments.of("gzip;q=0.5f", 0.0),
                Arguments.of("gzip;q=0.5d", 0.0),
                Arguments.of("gzip;q=5e-1", 0.0),
                Arguments.of("gzip;q=0x1p-1", 0.0),
                Arguments.of("gzip;q=+0.5", 0.0),
                Arguments.of("gzip;q=0.0001", 0.0),
                Arguments.of("gzip;q=1.001", 0.0),
                Arguments.of("gzip;q=1.5", 0.0),
                Arguments.of("gzip;q=NaN", 0.0),
                Arguments.of("gzip;q=Infinity", 0.0),
                Arguments.of("gzip;q=", 0.0),
                Arguments.of("gzip;q=abc", 0.0));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("weights")
    void readsTheWeightOfAnElement(String element, double weight) {
        assertThat(QualityValues.weightOf(element)).isEqualTo(weight);
    }
}
