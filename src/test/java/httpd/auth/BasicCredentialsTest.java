package httpd.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BasicCredentialsTest {
    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> readable() {
        return Stream.of(
                Arguments.of("Basic " + base64("alice:secret"), "alice", "secret"),
                Arguments.of("basic " + base64("alice:secret"), "alice", "secret"),
                Arguments.of("BASIC   " + base64("alice:secret"), "alice", "secret"),
                Arguments.of("Basic " + base64("alice:pa:ss:"), "alice", "pa:ss:"),
                Arguments.of("Basic " + base64("jürgen:pässwörd"), "jürgen", "pässwörd"),
                Arguments.of("Basic " + base64("Jose\u0301:x"), "Jos\u00e9", "x"),
                Arguments.of("Basic " + base64(":"), "", ""),
                Arguments.of("Basic " + base64("alice:"), "alice", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readable")
    void readsUserIdAndPasswordSplitAtTheFirstColon(String field, String user, String password) throws BadCredentials {
        Credentials credentials = BasicCredentials.decode(field);

        assertThat(credentials.user()).isEqualTo(user);
        assertThat(credentials.password()).isEqualTo(password);
    }

    static Stream<Arguments> unreadable() {
        String latin1 = Base64.getEncoder().encodeToString("j\u00fcrgen:x".getBytes(StandardCharsets.ISO_8859_1));
        return Stream.of(
                Arguments.of("Bearer abc.def.ghi", AuthDecision.NOT_BASIC),
                Arguments.of("Digest username=\"alice\"", AuthDecision.NOT_BASIC),
                Arguments.of(base64("alice:secret"), AuthDecision.NOT_BASIC),
                Arguments.of("Basic\t" + base64("alice:secret"), AuthDecision.NOT_BASIC),
                Arguments.of("Basicx " + base64("alice:secret"), AuthDecision.NOT_BASIC),
                Arguments.of("Basic", AuthDecision.NOT_BASE64),
                Arguments.of("Basic ", AuthDecision.NOT_BASE64),
                Arguments.of("Basic !!!!", AuthDecision.NOT_BASE64),
                Arguments.of("Basic YWxpY2U6eA", AuthDecision.NOT_BASE64), // alice:x without its padding
                Arguments.of("Basic YWxpY2U6c2VjcmV0=x=", AuthDecision.NOT_BASE64),
                Arguments.of("Basic " + base64("alice:secret") + " ", AuthDecision.NOT_BASE64),
                Arguments.of("Basic " + base64("alice:secret") + " extra", AuthDecision.NOT_BASE64),
                Arguments.of("Basic YWxp Y2U6", AuthDecision.NOT_BASE64),
                Arguments.of("Basic realm=\"x\"", AuthDecision.NOT_BASE64),
                Arguments.of("Basic " + base64("alice:secret").replace('W', '-'), AuthDecision.NOT_BASE64), // base64url
                Arguments.of("Basic " + latin1, AuthDecision.NOT_UTF8),
                Arguments.of("Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xc3, ':', 'x'}),
                        AuthDecision.NOT_UTF8),
                Arguments.of("Basic " + base64("alicesecret"), AuthDecision.NO_COLON),
                Arguments.of("Basic " + base64(""), AuthDecision.NOT_BASE64),
                Arguments.of("Basic " + base64("al\u0000ice:secret"), AuthDecision.CONTROL_CHARACTER),
                Arguments.of("Basic " + base64("alice:sec\r\nret"), AuthDecision.CONTROL_CHARACTER));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @MethodSource("unreadable")
    void refusesAnythingButPaddedBase64OfUtf8UserColonPassword(String field, AuthDecision decision) {
        assertThatThrownBy(() -> BasicCredentials.decode(field))
                .isInstanceOfSatisfying(BadCredentials.class, e -> assertThat(e.decision()).isEqualTo(decision));
    }
}
