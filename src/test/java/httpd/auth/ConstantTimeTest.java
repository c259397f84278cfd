package httpd.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConstantTimeTest {
    @ParameterizedTest(name = "''{0}'' vs ''{1}'' → {2}")
    @CsvSource(delimiter = '|', value = {
            "secret   | secret    | true",
            "''       | ''        | true",
            "pässwörd | pässwörd  | true",
            "secret   | secreT    | false",
            "secret   | xecret    | false",
            "secret   | secre     | false",
            "secre    | secret    | false",
            "secret   | secret!   | false",
            "''       | x         | false",
            "x        | ''        | false",
            "a        | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | false",
    })
    void tellsEqualFromUnequalWhateverTheLengths(String given, String expected, boolean equal) {
        assertThat(ConstantTime.equal(given, expected)).isEqualTo(equal);
        assertThat(ConstantTime.COMPARISON.test(given, expected)).isEqualTo(equal);
    }
}
