package httpd.upload;

import httpd.files.HiddenNames;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Optional;

/**
 * The name an uploaded file is saved under, checked like a request path and more: one name, never a path. A
 * name is refused when it is empty, {@code .} or {@code ..}, holds a separator ({@code /}, {@code \}), a NUL or
 * another control character, starts with a dot (unless dotfiles are served: the file would be hidden), ends
 * with a dot or a space (Windows drops them, so two names would be one file there), or is longer than
 * {@link #MAX_BYTES} in UTF-8 (most file systems' limit). A name is stored in Unicode normalization form C, so
 * the same name typed on a Mac and on Windows is the same file.
 */
public final class UploadName {
    /** NAME_MAX on Linux, macOS and Windows file systems. */
    public static final int MAX_BYTES = 255;

    private UploadName() {
    }

    /** Why the name is refused, or empty when it is a name httpd saves a file under. */
    public static Optional<String> problem(String name, boolean dotfiles) {
        if (name.isEmpty()) {
            return Optional.of("the file name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == '\\') {
                return Optional.of("a file name may not hold a / or a \\");
            }
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0)) {
                return Optional.of("a file name may not hold a control character");
            }
            if (Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029') {
                // right-to-left overrides and invisible marks: "invoice\u202Egpj.exe" shows as "invoiceexe.jpg"
                return Optional.of("a file name may not hold an invisible formatting character");
            }
            if (Character.isSurrogate(c) && !validSurrogatePair(name, i)) {
                return Optional.of("the file name is not valid Unicode");
            }
        }
        if (name.startsWith(HiddenNames.UPLOAD_IN_PROGRESS)) {
            return Optional.of("that name is reserved for uploads in progress");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("a file name may not be . or ..");
        }
        if (!dotfiles && HiddenNames.isHidden(name)) {
            return Optional.of("a file name may not start with a dot (it would be hidden)");
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            return Optional.of("a file name may not end with a dot or a space");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("the file name is longer than " + MAX_BYTES + " bytes");
        }
        return Optional.empty();
    }

    /** Why this platform's file system cannot hold the name (on Windows, {@code <>:"|?*}), or empty. */
    public static Optional<String> problemHere(String name) {
        try {
            java.nio.file.Path.of(name);
            return Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.of("the file name is not one this server's file system takes");
        }
    }

    /** The name as it is saved: Unicode NFC, then checked ({@link #problem}). */
    public static String normalized(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    /**
     * The n-th other name for a name that is taken: {@code photo (1).jpg}, {@code notes (2)}, {@code a.tar (1).gz}
     * — the number goes before the last extension, where people look for it.
     */
    public static String numbered(String name, int n) {
        int dot = name.lastIndexOf('.');
        String base = dot <= 0 ? name : name.substring(0, dot);
        String extension = dot <= 0 ? "" : name.substring(dot);
        String number = " (" + n + ")";
        while (!base.isEmpty() && utf8Length(base + number + extension) > MAX_BYTES) {
            base = base.substring(0, base.offsetByCodePoints(base.length(), -1)); // still within the file system's limit
        }
        return base + number + extension;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static boolean validSurrogatePair(String name, int i) {
        char c = name.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(name.charAt(i - 1));
    }
}
