package httpd.auth;

import java.text.Normalizer;
import java.util.Objects;

/**
 * A user-id and a password, as configured ({@link #parse}) or as a client sent them ({@link BasicCredentials}).
 * Both are kept in Unicode Normalization Form C, which RFC 7617 §2.1 asks of the client with {@code charset="UTF-8"}:
 * an "é" typed as one code point or as "e" and a combining accent is then the same password on both sides.
 * Its text form never shows the password.
 *
 * @param user     the user-id; never holds a colon, which ends it on the wire (RFC 7617 §2)
 * @param password the password; may hold colons
 */
public record Credentials(String user, String password) {
    public Credentials {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (user.indexOf(':') >= 0) {
            throw new IllegalArgumentException("the user name holds a colon, which would end it");
        }
        user = Normalizer.normalize(user, Normalizer.Form.NFC);
        password = Normalizer.normalize(password, Normalizer.Form.NFC);
    }

    /**
     * The credentials a server asks for, from {@code user:password}: split at the first colon, so the password
     * may hold more. Neither part may be empty, nor hold a control character (RFC 7617 §2).
     *
     * @throws IllegalArgumentException one line saying what is wrong, which never repeats the text given
     */
    public static Credentials parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected user:password (no colon found)");
        }
        String user = text.substring(0, colon);
        String password = text.substring(colon + 1);
        if (user.isEmpty()) {
            throw new IllegalArgumentException("the user name before the colon is empty");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("the password after the colon is empty");
        }
        if (hasControl(user)) {
            throw new IllegalArgumentException("the user name holds a control character");
        }
        if (hasControl(password)) {
            throw new IllegalArgumentException("the password holds a control character");
        }
        return new Credentials(user, password);
    }

    /** CTL of RFC 5234 Appendix B.1, which RFC 7617 §2 keeps out of both parts (tab included). */
    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** The user-id only: a record's own text would print the password into any log or stack trace. */
    @Override
    public String toString() {
        return "Credentials[user=" + user + ", password=***]";
    }
}
