package httpd.upload;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import httpd.http.HttpStatus;
import httpd.http.RequestBodyException;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of the multipart reader: whatever a form body holds, it yields parts whose contents
 * together are never longer than the body, or it refuses with 400 or 413; never another exception, never a hang.
 * Each file name it yields is either refused by {@link UploadName} or a single plain name.
 */
class MultipartReaderFuzzTest {
    @FuzzTest(maxDuration = "10m")
    void readsPartsOrRefusesWithAStatus(FuzzedDataProvider data) {
        String boundary = "b" + data.consumeAsciiString(8).replaceAll("[^A-Za-z0-9]", "x");
        byte[] body = data.consumeRemainingAsBytes();
        MultipartReader reader = new MultipartReader(new ByteArrayInputStream(body), boundary);
        long content = 0;
        try {
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                content += part.content().readAllBytes().length;
                if (part.fileName() != null && UploadName.problem(UploadName.normalized(part.fileName()), false).isEmpty()) {
                    assertThat(part.fileName()).doesNotContain("/", "\\", "\u0000").isNotEqualTo("..");
                }
            }
        } catch (RequestBodyException e) {
            assertThat(e.status()).isIn(HttpStatus.BAD_REQUEST, HttpStatus.CONTENT_TOO_LARGE);
        } catch (IOException e) {
            throw new AssertionError("an I/O failure from bytes in memory", e);
        }
        assertThat(content).isLessThanOrEqualTo(body.length);
    }
}
