package httpd.tls;

/**
 * What the first byte a client sends says it speaks: a TLS record starts with its content type, 22 for a
 * handshake (RFC 8446 §5.1), and an HTTP request starts with a method, a token of letters (RFC 9112 §3).
 */
public enum FirstByte {
    TLS_HANDSHAKE,
    PLAIN_HTTP,
    OTHER;

    private static final int HANDSHAKE_RECORD = 22;

    public static FirstByte of(byte b) {
        if (b == HANDSHAKE_RECORD) {
            return TLS_HANDSHAKE;
        }
        return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') ? PLAIN_HTTP : OTHER;
    }
}
