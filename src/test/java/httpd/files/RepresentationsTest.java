package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.http.HeaderField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepresentationsTest {
    @TempDir
    Path root;

    private final Representations representations = new Representations(file -> "text/plain",
            representation -> List.of(new HeaderField("ETag", representation.etag())));

    private Representation of(Path file, String encoding) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return representations.of(file, file, attributes, encoding, false);
    }

    @Test
    void remembersAnUnchangedFileWithItsHeadersBuiltOnce() throws IOException {
        Path file = Files.writeString(root.resolve("a.txt"), "hello");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-24T10:00:00.250Z")));

        Representation first = of(file, null);
        Representation again = of(file, null);

        assertThat(again.headers()).isSameAs(first.headers());
        assertThat(again.etag()).isEqualTo(first.etag());
        assertThat(first.lastModifiedText()).isEqualTo("Tue, 24 Nov 2026 10:00:00 GMT");
        assertThat(first.headers()).containsExactly(new HeaderField("ETag", first.etag()));
    }

    @Test
    void answersTheStatItWasLastAskedWithByIdentity() throws IOException {
        Path file = Files.writeString(root.resolve("a.txt"), "hello");
        BasicFileAttributes firstStat = Files.readAttributes(file, BasicFileAttributes.class);
        BasicFileAttributes secondStat = Files.readAttributes(file, BasicFileAttributes.class);

        Representation first = representations.of(file, file, firstStat, null, false);
        Representation adopted = representations.of(file, file, secondStat, null, false);

        assertThat(adopted.attributes()).isSameAs(secondStat);
        assertThat(adopted.headers()).isSameAs(first.headers());
        assertThat(representations.of(file, file, secondStat, null, false)).isSameAs(adopted);
    }

    @Test
    void describesTheFileAnewOnceItsSizeOrTimeChanges() throws IOException {
        Path file = Files.writeString(root.resolve("a.txt"), "hello");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-24T10:00:00Z")));
        Representation before = of(file, null);

        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-24T10:00:01Z")));
        Representation touched = of(file, null);
        Files.writeString(file, "hello, world");
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-24T10:00:01Z")));
        Representation grown = of(file, null);

        assertThat(touched.etag()).isNotEqualTo(before.etag());
        assertThat(touched.lastModifiedText()).isEqualTo("Tue, 24 Nov 2026 10:00:01 GMT");
        assertThat(grown.etag()).isNotEqualTo(touched.etag());
        assertThat(grown.size()).isEqualTo(12);
    }

    @Test
    void keepsEachEncodingApart() throws IOException {
        Path file = Files.writeString(root.resolve("a.txt"), "hello");

        assertThat(of(file, "gzip").etag()).endsWith("-gzip\"");
        assertThat(of(file, null).etag()).doesNotContain("gzip");
    }
}
