package httpd.files;

import java.nio.file.Path;

/**
 * Which names are hidden: those starting with "." ({@code .env}, {@code .git}). They are not served without
 * {@code --dotfiles}, not listed, and not watched for live reload, by this one rule. An upload still arriving
 * ({@link #UPLOAD_IN_PROGRESS}) is hidden even with {@code --dotfiles}: its bytes are not a file yet, and nobody
 * may read, replace or zip it half-written.
 */
public final class HiddenNames {
    /** The start of the temporary name an upload is written under until it is whole. */
    public static final String UPLOAD_IN_PROGRESS = ".httpd-upload-";

    private HiddenNames() {
    }

    /** Whether a name is kept out of sight: always an upload in progress, and a dotfile unless they are served. */
    public static boolean isHidden(String name, boolean dotfilesServed) {
        return name.startsWith(UPLOAD_IN_PROGRESS) || !dotfilesServed && isHidden(name);
    }

    /** Whether any of the names is kept out of sight ({@link #isHidden(String, boolean)}). */
    public static boolean anyHidden(Iterable<?> names, boolean dotfilesServed) {
        for (Object name : names) {
            if (isHidden(name.toString(), dotfilesServed)) {
                return true;
            }
        }
        return false;
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
