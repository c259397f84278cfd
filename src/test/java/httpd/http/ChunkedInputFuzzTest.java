package httpd.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Coverage-guided fuzzing of the chunked decoder: whatever bytes arrive, it decodes a body or refuses with a
 * status (never another exception, never a hang), and a body it decodes is never longer than what arrived, so a
 * few bytes cannot claim gigabytes that the server then waits for.
 */
class ChunkedInputFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void decodesOrRefusesWithAStatus(byte[] input) {
        InputStream raw = new ByteArrayInputStream(input);
        ChunkedInput chunked = new ChunkedInput(raw);
        long decoded = 0;
        byte[] buffer = new byte[97];
        try {
            for (int n = chunked.read(buffer); n >= 0; n = chunked.read(buffer)) {
                decoded += n;
            }
            assertThat(chunked.ended()).isTrue();
        } catch (RequestBodyException e) {
            assertThat(e.status()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE);
        } catch (IOException e) {
            throw new AssertionError("an I/O failure from bytes in memory", e);
        }
        assertThat(decoded).isLessThanOrEqualTo(input.length);
    }
}
