package httpd.auth;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.http.Decision;
import httpd.http.ErrorPages;
import httpd.http.HeaderField;
import httpd.http.Headers;
import httpd.http.HttpStatus;
import httpd.http.HttpVersion;
import httpd.http.RequestContext;
import httpd.http.RequestHandler;
import httpd.http.RequestHead;
import httpd.http.Response;
import httpd.http.Why;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The password check on its own: what it answers, what it lets through, what it tells, and how it compares. */
class BasicAuthTest {
    private static final Credentials ALICE = new Credentials("alice", "s3cret:pässwörd");
    private static final String RIGHT = basic("alice:s3cret:pässwörd");

    private final List<RequestHead> passedOn = new ArrayList<>();
    private final RequestHandler site = request -> {
        passedOn.add(request);
        return Response.builder(HttpStatus.OK).build();
    };
    private final List<String> told = new ArrayList<>();
    private final Why why = new Why() {
        @Override
        public void note(Decision decision) {
            told.add(decision.line());
        }

        @Override
        public void note(Decision decision, String detail) {
            told.add(decision.line(detail));
        }
    };

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static RequestHead request(String method, String... headerLines) {
        List<HeaderField> fields = new ArrayList<>();
        fields.add(new HeaderField("Host", "x"));
        for (String line : headerLines) {
            String[] parts = line.split(": ", 2);
            fields.add(new HeaderField(parts[0], parts[1]));
        }
        return new RequestHead(method, "/", HttpVersion.HTTP_1_1, new Headers(fields), -1);
    }

    private Response ask(BasicAuth auth, RequestHead request) {
        return auth.handle(request, new RequestContext(null, why));
    }

    private BasicAuth everyRequest() {
        return new BasicAuth(ALICE, AuthScope.EVERY_REQUEST, false, site);
    }

    @Test
    void challengesARequestWithoutCredentialsAndPassesNothingOn() {
        Response response = ask(everyRequest(), request("GET"));

        assertThat(response.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"httpd\", charset=\"UTF-8\"");
        assertThat(response.header("Content-Type")).isEqualTo(ErrorPages.HTML_TYPE);
        assertThat(passedOn).isEmpty();
        assertThat(told).containsExactly("no Authorization header → 401 with WWW-Authenticate: Basic (RFC 7617 §2)");
    }

    @Test
    void passesTheRightCredentialsOnAndNamesTheUser() {
        Response response = ask(everyRequest(), request("GET", "Authorization: " + RIGHT));

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(passedOn).hasSize(1);
        assertThat(told).containsExactly("Basic credentials of user alice match → on to the site (RFC 7617 §2)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bob:s3cret:pässwörd", "alice:s3cret", "alice:s3cret:pässwörd ", "Alice:s3cret:pässwörd",
            "alice:s3cret:passwörd"})
    void challengesAWrongUserOrPasswordWithoutSayingWhichOrWhat(String sent) {
        Response response = ask(everyRequest(), request("GET", "Authorization: " + basic(sent)));

        assertThat(response.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(passedOn).isEmpty();
        assertThat(told).containsExactly("the user-id or the password is not the one configured"
                + " (compared in constant time) → 401 (RFC 7617 §2)");
    }

    @Test
    void challengesTwoAuthorizationFieldsEvenIfOneIsRight() {
        Response response = ask(everyRequest(), request("GET", "Authorization: " + RIGHT, "Authorization: " + RIGHT));

        assertThat(response.status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(told).containsExactly("more than one Authorization header → 401 (RFC 9110 §5.3)");
    }

    @Test
    void comparesInConstantTimeByDefault() {
        assertThat(everyRequest().comparison()).isSameAs(ConstantTime.COMPARISON);
    }

    @Test
    void comparesUserIdAndPasswordThroughTheComparisonAlwaysBoth() {
        List<String> compared = new ArrayList<>();
        BiPredicate<String, String> recording = (given, expected) -> {
            compared.add(given + "|" + expected);
            return ConstantTime.equal(given, expected);
        };
        BasicAuth auth = new BasicAuth(ALICE, AuthScope.EVERY_REQUEST, false, recording, site);

        ask(auth, request("GET", "Authorization: " + basic("mallory:guess")));
        ask(auth, request("GET", "Authorization: " + RIGHT));

        assertThat(compared).containsExactly("mallory|alice", "guess|s3cret:pässwörd",
                "alice|alice", "s3cret:pässwörd|s3cret:pässwörd");
        assertThat(passedOn).hasSize(1);
    }

    @Test
    void neverTellsThePasswordOrWhatWasSent() {
        BasicAuth auth = everyRequest();
        for (String field : List.of(RIGHT, basic("s3cret:pässwörd:alice"), basic("mallory"), "Bearer s3cret",
                "Basic s3cret", basic("alice\u0001:s3cret"))) {
            ask(auth, request("GET", "Authorization: " + field));
        }

        assertThat(told).hasSize(6).allSatisfy(line -> assertThat(line)
                .doesNotContain("s3cret", "mallory", RIGHT.substring(6), "Bearer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "OPTIONS"})
    void letsReadingThroughWithoutAPasswordWhenOnlyUploadsNeedIt(String method) {
        BasicAuth auth = new BasicAuth(ALICE, AuthScope.UPLOADS, false, site);

        Response response = ask(auth, request(method));

        assertThat(response.status()).isEqualTo(HttpStatus.OK);
        assertThat(told).containsExactly("--auth-uploads-only: " + method
                + " only reads → no password asked (RFC 9110 §9.2.1)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "POST", "DELETE", "PATCH", "MKCOL", "get"})
    void asksEveryOtherMethodForThePasswordWhenOnlyUploadsNeedIt(String method) {
        BasicAuth auth = new BasicAuth(ALICE, AuthScope.UPLOADS, false, site);

        assertThat(ask(auth, request(method)).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ask(auth, request(method, "Authorization: " + RIGHT)).status()).isEqualTo(HttpStatus.OK);
        assertThat(passedOn).hasSize(1);
    }

    @Test
    void letsACorsPreflightThroughWithoutCredentialsOnlyWithCors() {
        RequestHead preflight = request("OPTIONS", "Origin: http://other.example",
                "Access-Control-Request-Method: GET", "Access-Control-Request-Headers: authorization");

        assertThat(ask(new BasicAuth(ALICE, AuthScope.EVERY_REQUEST, true, site), preflight).status())
                .isEqualTo(HttpStatus.OK);
        assertThat(ask(everyRequest(), preflight).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(told.get(0)).isEqualTo("a CORS preflight never carries credentials → answered without a password"
                + " (Fetch standard §3.2.3)");
    }

    @Test
    void asksAPlainOptionsRequestForThePasswordEvenWithCors() {
        BasicAuth auth = new BasicAuth(ALICE, AuthScope.EVERY_REQUEST, true, site);

        assertThat(ask(auth, request("OPTIONS")).status()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(ask(auth, request("OPTIONS", "Origin: http://other.example")).status())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
