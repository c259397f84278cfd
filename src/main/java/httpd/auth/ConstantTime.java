package httpd.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.BiPredicate;

/**
 * Compares a secret a client sent with the one expected, in a time that tells neither how much of it was right nor
 * how long the expected one is. {@code String.equals} stops at the first differing character, so its timing would let
 * a client guess a password character by character; here each side is hashed to a SHA-256 digest of 32 bytes, and
 * {@link MessageDigest#isEqual} looks at every byte of the two digests whatever they hold.
 */
final class ConstantTime {
    /** The comparison {@link BasicAuth} makes, as a value its test can see it holds. */
    static final BiPredicate<String, String> COMPARISON = ConstantTime::equal;

    private ConstantTime() {
    }

    /** Whether the two texts are the same, in time independent of where they differ and of their lengths. */
    static boolean equal(String given, String expected) {
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    private static byte[] sha256(String text) {
        try {
            // a MessageDigest is not thread-safe, and one per call costs less than a lock
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
