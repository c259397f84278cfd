package httpd.share;

import io.nayuki.qrcodegen.QrCode;
import java.nio.charset.StandardCharsets;

/** Text to a QR code (ISO/IEC 18004) with the choices httpd makes for URLs; the library does the encoding. */
public final class QrCodes {
    /** The most UTF-8 bytes httpd puts in one code; version 40 at level L holds 2953, so this always fits. */
    public static final int MAX_TEXT_BYTES = 1024;

    private QrCodes() {
    }

    /**
     * The smallest code holding the text. Level L (about 7% recoverable) because the code is read off a clean
     * screen at arm's length, never scratched or folded: fewer modules means larger ones at the same size, which
     * matters more to a phone camera than redundancy. The library still raises the level when that costs no
     * extra modules, and picks the mask.
     *
     * @throws IllegalArgumentException for text longer than {@link #MAX_TEXT_BYTES} UTF-8 bytes
     */
    public static QrCode encode(String text) {
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw new IllegalArgumentException("more than " + MAX_TEXT_BYTES + " bytes for a QR code");
        }
        return QrCode.encodeText(text, QrCode.Ecc.LOW);
    }
}
