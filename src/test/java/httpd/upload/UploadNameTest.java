package httpd.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class UploadNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"photo.jpg", "notes", "Ünïcödé.txt", "a b c.pdf", "100% #1?.txt", "<img>.html", "日本語.png",
            "x..y", "emoji 😀.png"})
    void takesNamesThatAreOneFileName(String name) {
        assertThat(UploadName.problem(name, false)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|the file name is empty",
            ".|a file name may not be . or ..",
            "..|a file name may not be . or ..",
            "../etc/passwd|a file name may not hold a / or a \\",
            "a/b|a file name may not hold a / or a \\",
            "..\\win.ini|a file name may not hold a / or a \\",
            "/abs|a file name may not hold a / or a \\",
            ".env|a file name may not start with a dot (it would be hidden)",
            ".htaccess|a file name may not start with a dot (it would be hidden)",
            "trailing.|a file name may not end with a dot or a space",
            "'trailing '|a file name may not end with a dot or a space",
    })
    void refusesNamesThatAreNotOneVisibleFileName(String name, String problem) {
        assertThat(UploadName.problem(name, false)).contains(problem);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\nb", "a\rb", "tab\there", "del\u007f", "c1\u0085"})
    void refusesControlCharacters(String name) {
        assertThat(UploadName.problem(name, false)).contains("a file name may not hold a control character");
    }

    @ParameterizedTest
    @ValueSource(strings = {"invoice\u202Egpj.exe", "a\u200Fb.txt", "zero\u200Bwidth", "bom\uFEFF.txt", "ls\u2028x"})
    void refusesInvisibleFormattingCharacters(String name) {
        assertThat(UploadName.problem(name, true)).contains("a file name may not hold an invisible formatting character");
    }

    @ParameterizedTest
    @ValueSource(strings = {".httpd-upload-0123.part", ".httpd-upload-"})
    void refusesTheNameOfAnUploadInProgressEvenWithDotfiles(String name) {
        assertThat(UploadName.problem(name, true)).contains("that name is reserved for uploads in progress");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"254|.txt", "251|.txt", "255|''", "200|.a-very-long-extension"})
    void keepsANumberedNameWithin255Bytes(int baseLength, String extension) {
        String name = "\u00e9".repeat(baseLength / 2) + "a".repeat(baseLength % 2) + extension;
        String numbered = UploadName.numbered(name.length() > 0 ? name : "x", 12);

        assertThat(numbered.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(numbered).contains(" (12)").endsWith(extension);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lone\uD800high", "lone\uDC00low"})
    void refusesBrokenUnicode(String name) {
        assertThat(UploadName.problem(name, false)).contains("the file name is not valid Unicode");
    }

    @ParameterizedTest
    @ValueSource(ints = {254, 255})
    void takesNamesUpTo255Bytes(int length) {
        assertThat(UploadName.problem("a".repeat(length), false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256 ascii", "86 three-byte"})
    void refusesLongerNames(String which) {
        String name = which.startsWith("256") ? "a".repeat(256) : "語".repeat(86);
        assertThat(UploadName.problem(name, false)).contains("the file name is longer than 255 bytes");
    }

    @ParameterizedTest
    @ValueSource(strings = {".env", ".config"})
    void takesADotfileWhenDotfilesAreServed(String name) {
        assertThat(UploadName.problem(name, true)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "photo.jpg|1|photo (1).jpg",
            "photo.jpg|2|photo (2).jpg",
            "notes|1|notes (1)",
            "a.tar.gz|1|a.tar (1).gz",
            ".env|1|.env (1)",
    })
    void numbersATakenNameBeforeItsExtension(String name, int n, String numbered) {
        assertThat(UploadName.numbered(name, n)).isEqualTo(numbered);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Cafe\u0301.txt|Caf\u00e9.txt", "Caf\u00e9.txt|Caf\u00e9.txt"})
    void normalizesToNfc(String typed, String saved) {
        assertThat(UploadName.normalized(typed)).isEqualTo(saved);
    }
}
