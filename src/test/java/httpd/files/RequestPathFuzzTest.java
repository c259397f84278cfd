package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import httpd.http.HttpException;
import httpd.http.HttpStatus;
import httpd.http.RequestTarget;
import httpd.testing.WireText;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Coverage-guided fuzzing of the path's decoding into segments: whatever the client sends, a decoded path
 * names a file under the root by plain names only, or it is refused. Each input is a request-target as it
 * could arrive on the wire (visible ASCII); it goes through {@link RequestTarget} first, as a request does.
 */
class RequestPathFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void decodedSegmentsArePlainNames(byte[] input) {
        String target = new String(input, StandardCharsets.ISO_8859_1);
        if (!WireText.isRequestTarget(target)) {
            return; // the request parser refuses such a target before it gets here
        }
        RequestTarget parsed;
        try {
            parsed = RequestTarget.parse(target);
        } catch (HttpException e) {
            return; // RequestTargetFuzzTest judges these
        }
        if (parsed.isAsterisk()) {
            return;
        }
        Optional<RequestPath> decoded;
        try {
            decoded = RequestPath.decode(parsed.path());
        } catch (HttpException e) {
            assertThat(e.status()).as("status for %s", target).isEqualTo(HttpStatus.BAD_REQUEST);
            return;
        }
        decoded.ifPresent(path -> {
            assertPlainNames(path, target);
            assertReadsBackTheSame(path);
        });
    }

    private static void assertPlainNames(RequestPath path, String target) {
        for (String segment : path.segments()) {
            assertThat(segment).as("segment of %s", target).isNotEmpty().isNotEqualTo(".").isNotEqualTo("..");
            for (int i = 0; i < segment.length(); i++) {
                char c = segment.charAt(i);
                assertThat(c != '/' && c != '\\' && c >= 0x20 && c != 0x7f)
                        .as("character U+%04X in segment %s of %s", (int) c, segment, target).isTrue();
            }
        }
    }

    /** The segments, percent-encoded and joined again, decode to the same path: the value re-validates. */
    private static void assertReadsBackTheSame(RequestPath path) {
        String encoded = path.segments().stream().map(PercentEncoding::encodeSegment)
                .collect(Collectors.joining("/", "/", path.directory() && !path.segments().isEmpty() ? "/" : ""));
        try {
            assertThat(RequestPath.decode(encoded)).as("decoding %s again", encoded).contains(path);
        } catch (HttpException e) {
            throw new AssertionError("re-encoded path " + encoded + " refused: " + e.getMessage(), e);
        }
    }
}
