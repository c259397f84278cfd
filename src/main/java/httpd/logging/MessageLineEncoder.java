package httpd.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/**
 * Each event as its message and a line feed, nothing else: what the pattern {@code %msg%n} writes, without
 * the pattern machinery's copies. The access log uses it: its lines are built complete (and escaped to ASCII)
 * by httpd, and this is the one copy they need on the way to the output.
 */
public class MessageLineEncoder extends EncoderBase<ILoggingEvent> {
    private static final byte[] NONE = new byte[0];

    @Override
    public byte[] headerBytes() {
        return NONE;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        String message = event.getFormattedMessage();
        int length = message.length();
        byte[] line = new byte[length + 1];
        for (int i = 0; i < length; i++) {
            char c = message.charAt(i);
            if (c >= 0x80) {
                return (message + "\n").getBytes(StandardCharsets.UTF_8);
            }
            line[i] = (byte) c;
        }
        line[length] = '\n';
        return line;
    }

    /**
     * The same line written into {@code target} instead of a new array, for an appender that reuses one.
     *
     * @return the number of bytes written, or -1 when the line does not fit or is not all ASCII (then
     *         {@link #encode} is the way)
     */
    public int encodeInto(ILoggingEvent event, byte[] target) {
        String message = event.getFormattedMessage();
        int length = message.length();
        if (length + 1 > target.length) {
            return -1;
        }
        for (int i = 0; i < length; i++) {
            char c = message.charAt(i);
            if (c >= 0x80) {
                return -1;
            }
            target[i] = (byte) c;
        }
        target[length] = '\n';
        return length + 1;
    }

    @Override
    public byte[] footerBytes() {
        return NONE;
    }
}
