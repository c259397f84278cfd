package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import httpd.testing.WireText;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the request-target's split into path and query (RFC 9112 §3.2): a target is
 * either refused with 400 or split into an origin-form path and a query that, put together again, split
 * the same way. Each input is a request-target as the request line can carry it (visible ASCII).
 */
class RequestTargetFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void splitsIntoAPathAndQueryThatReadBackTheSame(byte[] input) {
        String target = new String(input, StandardCharsets.ISO_8859_1);
        if (!WireText.isRequestTarget(target)) {
            return; // the request parser refuses such a target before it gets here
        }
        RequestTarget parsed;
        try {
            parsed = RequestTarget.parse(target);
        } catch (HttpException e) {
            assertThat(e.status()).as("status for %s", target).isEqualTo(HttpStatus.BAD_REQUEST);
            return;
        }

        if (parsed.isAsterisk()) {
            assertThat(target).isEqualTo("*");
            assertThat(parsed.query()).isEmpty();
            return;
        }
        assertThat(parsed.path()).as("path of %s", target).startsWith("/").doesNotContain("?", "#");
        assertThat(parsed.query()).as("query of %s", target).doesNotContain("#");
        assertThat(target).as("target holding its path").contains(parsed.path().substring(1));
        String again = parsed.query().isEmpty() ? parsed.path() : parsed.path() + "?" + parsed.query();
        try {
            assertThat(RequestTarget.parse(again)).as("%s split again", again).isEqualTo(parsed);
        } catch (HttpException e) {
            throw new AssertionError("origin-form " + again + " refused: " + e.getMessage(), e);
        }
    }
}
