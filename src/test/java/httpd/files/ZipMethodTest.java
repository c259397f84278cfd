package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZipMethodTest {
    private static final MimeTypes TYPES = MimeTypes.load();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "photo.png, STORED", "photo.JPG, STORED", "anim.webp, STORED", "clip.mp4, STORED", "film.mkv, STORED",
            "song.mp3, STORED", "voice.opus, STORED", "bundle.zip, STORED", "logs.tar.gz, STORED", "x.7z, STORED",
            "x.xz, STORED", "x.zst, STORED", "app.jar, STORED", "book.epub, STORED", "report.pdf, STORED",
            "letter.docx, STORED", "sheet.xlsx, STORED", "font.woff2, STORED", "font.woff, STORED",
            "drawing.svgz, STORED",
            "notes.txt, DEFLATED", "page.html, DEFLATED", "data.json, DEFLATED", "script.js, DEFLATED",
            "drawing.svg, DEFLATED", "scan.bmp, DEFLATED", "scan.tiff, DEFLATED", "favicon.ico, DEFLATED",
            "take.wav, DEFLATED", "backup.tar, DEFLATED", "font.ttf, DEFLATED", "program.exe, DEFLATED",
            "no-extension, DEFLATED"})
    void storesWhatIsCompressedAlreadyAndDeflatesTheRest(String name, ZipMethod method) {
        assertThat(ZipMethod.of(name, TYPES.typeOf(name))).isEqualTo(method);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {"IMAGE/PNG|STORED", "application/pdf; x=y|STORED", "text/plain; charset=utf-8|DEFLATED"})
    void readsTheTypeWithoutItsParametersOrCase(String mediaType, ZipMethod method) {
        assertThat(ZipMethod.of("file", mediaType)).isEqualTo(method);
    }
}
