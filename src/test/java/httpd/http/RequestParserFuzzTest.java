package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Coverage-guided fuzzing of the request head (RFC 9112 §2-§6): whatever bytes arrive, the parser either
 * refuses them with a status or yields a head that holds to the grammar and parses to itself again, reads
 * no further than the head's end and never beyond its limits, and serves the next request unharmed. Small
 * limits let the fuzzer reach them.
 */
class RequestParserFuzzTest {
    private static final ParserLimits LIMITS = new ParserLimits(64, 256, 8);
    private static final List<Integer> STATUSES = List.of(400, 414, 431, 501, 505);
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern FIELD_VALUE = Pattern.compile("([^\\x00-\\x20\\x7f]([^\\x00-\\x08\\x0a-\\x1f\\x7f]*[^\\x00-\\x20\\x7f])?)?");
    private static final Pattern HOST = Pattern.compile("([-._~!$&'()*+,;=0-9A-Za-z]|%[0-9A-Fa-f]{2})*(:[0-9]*)?"
            + "|\\[[0-9A-Za-z:._~!$&'()*+,;=%-]+\\](:[0-9]*)?");
    private static final String NEXT = "GET /next HTTP/1.1\r\nHost: next\r\n\r\n";

    @FuzzTest(maxDuration = "10m")
    void headIsRefusedWithAStatusOrReadsBackTheSame(byte[] input) throws IOException, HttpException {
        RequestParser parser = new RequestParser(LIMITS);
        CountingInput in = new CountingInput(input);
        RequestHead head;
        try {
            head = parser.parse(in);
        } catch (HttpException e) {
            assertThat(e.status().code()).as("status for a refused head").isIn(STATUSES);
            head = null;
        }
        assertThat(in.consumed).as("bytes read").isLessThanOrEqualTo(LIMITS.maxRequestLineBytes() + LIMITS.maxHeaderBytes() + 32);
        if (head != null) {
            assertEndsAtTheEmptyLine(Arrays.copyOf(input, in.consumed));
            assertHoldsToTheGrammar(head);
            assertReadsBackTheSame(head);
        } else if (input.length == 0) {
            assertThat(in.consumed).isZero();
        }

        assertThat(parser.parse(new ByteArrayInputStream(NEXT.getBytes(StandardCharsets.US_ASCII))).requestLine())
                .as("the next request on the same parser").isEqualTo("GET /next HTTP/1.1");
    }

    private static void assertEndsAtTheEmptyLine(byte[] consumed) {
        String text = new String(consumed, StandardCharsets.ISO_8859_1);
        assertThat(text.endsWith("\n\n") || text.endsWith("\n\r\n")).as("head read up to %s", text).isTrue();
    }

    private static void assertHoldsToTheGrammar(RequestHead head) {
        assertThat(head.method()).matches(TOKEN);
        assertThat(head.target()).isNotEmpty().matches("[\\x21-\\x7e]+");
        assertThat(head.headers().size()).isLessThanOrEqualTo(LIMITS.maxHeaderFields());
        for (HeaderField field : head.headers().fields()) {
            assertThat(field.name()).matches(TOKEN);
            assertThat(field.value()).as("value of %s", field.name()).matches(FIELD_VALUE);
        }
        if (head.version() == HttpVersion.HTTP_1_1) {
            assertThat(head.headers().count("Host")).isEqualTo(1);
        }
        head.headers().all("Host").forEach(host -> assertThat(host).as("Host").matches(HOST));
        if (head.hasTransferEncoding()) {
            assertThat(head.version()).isEqualTo(HttpVersion.HTTP_1_1);
            assertThat(head.contentLength()).isEqualTo(-1);
            assertThat(String.join(",", head.headers().all("Transfer-Encoding")).replaceAll("[ \\t,]", ""))
                    .as("the transfer codings").matches("(?i)chunked(;.*)?");
        } else if (head.headers().contains("Content-Length")) {
            assertThat(head.contentLength()).isNotNegative();
        } else {
            assertThat(head.contentLength()).isEqualTo(-1);
        }
    }

    /** The head written out again, as httpd would read it, parses to an equal head: the value re-validates. */
    private static void assertReadsBackTheSame(RequestHead head) throws IOException {
        StringBuilder written = new StringBuilder(head.requestLine()).append("\r\n");
        for (HeaderField field : head.headers().fields()) {
            // no space after the colon: a head right at the size limit must not grow by being written again
            written.append(field.name()).append(':').append(field.value()).append("\r\n");
        }
        written.append("\r\n");
        try {
            RequestHead again = new RequestParser(LIMITS).parse(
                    new ByteArrayInputStream(written.toString().getBytes(StandardCharsets.ISO_8859_1)));
            assertThat(again).as("%s read again", written).isEqualTo(head);
        } catch (HttpException e) {
            throw new AssertionError("head written again refused with " + e.status() + ": " + written, e);
        }
    }

    /** The input as a stream that counts what the parser takes from it. */
    private static final class CountingInput extends InputStream {
        private final byte[] bytes;
        private int consumed;

        CountingInput(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return consumed < bytes.length ? bytes[consumed++] & 0xff : -1;
        }
    }
}
