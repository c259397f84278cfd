package httpd.files;

import java.nio.file.Path;

/**
 * Which names are hidden: those starting with "." ({@code .env}, {@code .git}). They are not served without
 * {@code --dotfiles}, not listed, and not watched for live reload, by this one rule.
 */
public final class HiddenNames {
    private HiddenNames() {
    }

    public static boolean isHidden(String name) {
        return name.startsWith(".");
    }

    /** Whether any of the names (strings, or the names of a relative {@link Path}) is hidden. */
    public static boolean anyHidden(Iterable<?> names) {
        for (Object name : names) {
            if (isHidden(name.toString())) {
                return true;
            }
        }
        return false;
    }
}
