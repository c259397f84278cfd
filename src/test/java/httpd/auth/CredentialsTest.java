package httpd.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CredentialsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "alice:secret           | alice  | secret",
            "alice:pass:with:colons | alice  | pass:with:colons",
            "alice:with space       | alice  | with space",
            "jürgen:pässwörd        | jürgen | pässwörd",
            "a:b                    | a      | b",
    })
    void splitsAtTheFirstColonSoThePasswordMayHoldMore(String text, String user, String password) {
        Credentials credentials = Credentials.parse(text.strip());

        assertThat(credentials.user()).isEqualTo(user);
        assertThat(credentials.password()).isEqualTo(password);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "alice            | expected user:password (no colon found)",
            "''               | expected user:password (no colon found)",
            ":secret          | the user name before the colon is empty",
            "alice:           | the password after the colon is empty",
            ":                | the user name before the colon is empty",
            "al\u0001ice:secret | the user name holds a control character",
            "alice:sec\tret   | the password holds a control character",
            "alice:secret\u007f | the password holds a control character",
    })
    void refusesBadInputInOneLineThatNeverRepeatsIt(String text, String message) {
        assertThatThrownBy(() -> Credentials.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message)
                .message().doesNotContain("secret");
    }

    @Test
    void keepsBothPartsInNormalizationFormC() {
        Credentials decomposed = Credentials.parse("Jose\u0301:cafe\u0301");

        assertThat(decomposed).isEqualTo(new Credentials("Jos\u00e9", "caf\u00e9"));
    }

    @Test
    void neverShowsThePasswordAsText() {
        assertThat(Credentials.parse("alice:hunter2").toString()).isEqualTo("Credentials[user=alice, password=***]");
    }

    @Test
    void refusesAUserIdWithAColonWhichWouldEndItOnTheWire() {
        assertThatThrownBy(() -> new Credentials("a:b", "c")).isInstanceOf(IllegalArgumentException.class);
    }
}
