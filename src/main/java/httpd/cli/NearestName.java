package httpd.cli;

import java.util.Collection;
import java.util.Optional;

/**
 * The option a typo probably meant: the long name fewest edits away, counting a swap of two neighbouring
 * letters as one edit ({@code --prot} is one edit from {@code --port}), and only when that is close enough
 * to be a typo. picocli's own suggestions compare letter pairs, which a swap destroys.
 */
final class NearestName {
    private NearestName() {
    }

    static Optional<String> of(String typed, Collection<String> names) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            int distance = distance(typed, name);
            if (distance < bestDistance) {
                best = name;
                bestDistance = distance;
            }
        }
        return bestDistance <= allowedEdits(typed) ? Optional.of(best) : Optional.empty();
    }

    /** One edit in a short word, two from eight letters on (dashes not counted). */
    private static int allowedEdits(String typed) {
        return typed.replaceFirst("^-+", "").length() >= 8 ? 2 : 1;
    }

    /** Edits (insert, delete, replace, swap of neighbours) from one to the other: optimal string alignment. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
