package httpd.cli;

import io.nayuki.qrcodegen.QrCode;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * A QR code as terminal text for the banner: Unicode half blocks, two modules to a character row (a character cell
 * is about twice as tall as wide, so modules come out square), with a quiet zone of {@value #QUIET_ZONE} modules.
 * The standard asks for 4 (ISO/IEC 18004 §6.3.8) against print around a code; in a terminal the margin is
 * drawn in the code's light colour and the screen beyond it is plain background, so 2 are enough for phone
 * cameras and leave 2 lines and 4 columns for the rest of the banner.
 */
final class QrText {
    static final int QUIET_ZONE = 2;

    /** How modules are coloured; scanners expect dark modules on a light ground. */
    enum Colours {
        /**
         * Explicit colours, for a terminal (a console): black on white from the 256-colour palette, whose 16 and
         * 231 are pure black and white that themes leave alone, so dark-on-light on dark and light themes alike.
         * Reset before each line break, so a scrolling terminal never fills a new line with white.
         */
        BLACK_ON_WHITE("\u001b[38;5;16;48;5;231m", "\u001b[0m", true),
        /**
         * The terminal's own colours, for output that is piped or logged, where escape codes would be noise: the
         * light modules and the quiet zone are drawn as blocks. Most terminals and log viewers are light text on
         * dark, which makes this dark-on-light; on a light one it shows inverted, which many phone cameras read
         * too.
         */
        PLAIN("", "", false);

        private final String lineStart;
        private final String lineEnd;
        /** Whether a block stands for a dark module (drawn in a dark foreground) or for a light one. */
        private final boolean blockIsDark;

        Colours(String lineStart, String lineEnd, boolean blockIsDark) {
            this.lineStart = lineStart;
            this.lineEnd = lineEnd;
            this.blockIsDark = blockIsDark;
        }

        /** Explicit colours only when a console shows the text; a file or pipe gets plain characters. */
        static Colours forConsole(boolean console) {
            return console ? BLACK_ON_WHITE : PLAIN;
        }
    }

    private QrText() {
    }

    /**
     * One line per two rows of modules, each ending in a line break. The side is always odd (17 + 4 × version +
     * the zones), so the last line's lower half lies outside the zone and is left blank.
     */
    static String render(QrCode code, Colours colours) {
        int from = -QUIET_ZONE;
        int to = code.size + QUIET_ZONE; // exclusive; the library's modules outside the code are light
        StringBuilder text = new StringBuilder((to - from + 16) * (to - from + 1) / 2);
        for (int y = from; y < to; y += 2) {
            text.append(colours.lineStart);
            for (int x = from; x < to; x++) {
                text.append(glyph(inked(code, x, y, colours), inked(code, x, y + 1, colours) && y + 1 < to));
            }
            text.append(colours.lineEnd).append('\n');
        }
        return text.toString();
    }

    /** Whether a character set has the three half blocks: the ASCII of a C or POSIX locale prints each as '?'. */
    static boolean printable(Charset charset) {
        return charset.newEncoder().canEncode("\u2580\u2584\u2588");
    }

    /**
     * The character set {@code System.out} encodes with: {@code stdout.encoding} from Java 18 on,
     * {@code sun.stdout.encoding} for a Windows console on 17, else the default one.
     */
    static Charset stdoutCharset() {
        String name = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
        try {
            return name == null ? Charset.defaultCharset() : Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Charset.defaultCharset();
        }
    }

    private static boolean inked(QrCode code, int x, int y, Colours colours) {
        return code.getModule(x, y) == colours.blockIsDark;
    }

    private static char glyph(boolean top, boolean bottom) {
        if (top && bottom) {
            return '\u2588'; // █
        }
        if (top) {
            return '\u2580'; // ▀
        }
        return bottom ? '\u2584' : ' '; // ▄
    }
}
