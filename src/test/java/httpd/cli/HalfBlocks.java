package httpd.cli;

import java.util.ArrayList;
import java.util.List;

/** Reads half-block text back into modules, the way a scanner sees it: the test of {@link QrText}'s drawing. */
final class HalfBlocks {
    private HalfBlocks() {
    }

    /**
     * The modules drawn, row by row, quiet zone included: true for dark.
     *
     * @param blockIsDark whether a block stands for a dark module (explicit colours) or a light one (plain)
     */
    static boolean[][] modules(String text, boolean blockIsDark) {
        List<boolean[]> rows = new ArrayList<>();
        for (String line : text.replaceAll("\u001b\\[[0-9;]*m", "").split("\n")) {
            boolean[] top = new boolean[line.length()];
            boolean[] bottom = new boolean[line.length()];
            for (int x = 0; x < line.length(); x++) {
                char c = line.charAt(x);
                if (" \u2580\u2584\u2588".indexOf(c) < 0) {
                    throw new IllegalArgumentException("not a half block: U+" + Integer.toHexString(c));
                }
                top[x] = (c == '\u2580' || c == '\u2588') == blockIsDark;
                bottom[x] = (c == '\u2584' || c == '\u2588') == blockIsDark;
            }
            rows.add(top);
            rows.add(bottom);
        }
        return rows.toArray(new boolean[0][]);
    }
}
