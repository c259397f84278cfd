package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.cli.QrText.Colours;
import httpd.share.QrCodes;
import io.nayuki.qrcodegen.QrCode;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class QrTextTest {
    private static final int ZONE = QrText.QUIET_ZONE;

    static Stream<Arguments> urlsAndColours() {
        List<String> urls = List.of("A", "http://192.168.1.20:7891/", "https://[fd00:1234:5678::20]:8443/photos/2026/",
                "http://laptop.local:7891/" + "x".repeat(300));
        return urls.stream().flatMap(url -> Stream.of(Colours.values()).map(colours -> Arguments.of(url, colours)));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("urlsAndColours")
    void drawsEveryModuleOfTheLibrarysCodeInsideALightQuietZone(String url, Colours colours) {
        QrCode code = QrCodes.encode(url);

        boolean[][] drawn = HalfBlocks.modules(QrText.render(code, colours), colours == Colours.BLACK_ON_WHITE);

        int side = code.size + 2 * ZONE;
        assertThat(drawn).hasNumberOfRows(side + 1); // an odd side: the last line's lower half is blank
        for (int y = 0; y < side; y++) {
            assertThat(drawn[y]).hasSize(side);
            for (int x = 0; x < side; x++) {
                assertThat(drawn[y][x]).as("module (%d, %d)", x - ZONE, y - ZONE)
                        .isEqualTo(code.getModule(x - ZONE, y - ZONE)); // false (light) in the zone
            }
        }
    }

    /** The top-left finder pattern (ISO/IEC 18004 §6.3.3), the same in every code: 7 × 7, then a light separator. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "PLAIN|'██████████'|'██ ▄▄▄▄▄ █'|'██ █   █ █'|'██ █▄▄▄█ █'|'██▄▄▄▄▄▄▄█'",
        "BLACK_ON_WHITE|'          '|'  █▀▀▀▀▀█ '|'  █ ███ █ '|'  █ ▀▀▀ █ '|'  ▀▀▀▀▀▀▀ '",
    })
    void drawsTheFinderPatternInTheTopLeftCornerExactly(Colours colours, String zone, String line1, String line2,
            String line3, String line4) {
        String[] lines = QrText.render(QrCodes.encode("A"), colours).split("\n");

        assertThat(lines).hasSize((21 + 2 * ZONE + 1) / 2);
        List<String> corner = Arrays.stream(lines).limit(5).map(QrTextTest::withoutColours)
                .map(line -> line.substring(0, 10)).toList();
        assertThat(corner).containsExactly(zone, line1, line2, line3, line4);
    }

    @Test
    void coloursEachLineAndResetsBeforeItsLineBreak() {
        String text = QrText.render(QrCodes.encode("A"), Colours.BLACK_ON_WHITE);

        assertThat(text.split("\n")).hasSize(13).allSatisfy(line -> assertThat(line)
                .startsWith("\u001b[38;5;16;48;5;231m").endsWith("\u001b[0m"));
        assertThat(text).endsWith("\u001b[0m\n");
    }

    @Test
    void writesNoEscapeCodesInPlainText() {
        assertThat(QrText.render(QrCodes.encode("A"), Colours.PLAIN)).doesNotContain("\u001b");
    }

    @ParameterizedTest
    @CsvSource({"UTF-8, true", "IBM437, true", "US-ASCII, false", "ISO-8859-1, false"})
    void knowsWhichCharacterSetsHaveHalfBlocks(String charset, boolean printable) {
        assertThat(QrText.printable(Charset.forName(charset))).isEqualTo(printable);
    }

    @ParameterizedTest
    @CsvSource({"true, BLACK_ON_WHITE", "false, PLAIN"})
    void usesExplicitColoursOnlyOnAConsole(boolean console, Colours colours) {
        assertThat(Colours.forConsole(console)).isEqualTo(colours);
    }

    private static String withoutColours(String line) {
        return line.replaceAll("\u001b\\[[0-9;]*m", "");
    }
}
