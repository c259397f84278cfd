package httpd.server;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Prints every request head as received and every response head as sent, with CR and LF made visible
 * ({@code ␍␊}), so a class can see HTTP ride on the socket. Every byte that is not printable ASCII is shown
 * escaped ({@code \x1b}): a request can never drive the terminal it is shown on. Between the two, the decisions
 * taken and the rule behind each ({@code [#1] why: / → /index.html}), the same lines the inspector shows. Bodies
 * are counted, never printed.
 */
public final class WireTrace implements Trace {
    private static final String RESET = "\u001b[0m";
    private static final String DIM = "\u001b[2m";
    private static final String REQUEST = "\u001b[36m";
    private static final String RESPONSE = "\u001b[32m";
    private static final String WHY = "\u001b[33m";

    private final PrintStream out;
    private final boolean colours;

    /**
     * @param colours ANSI colours, for a terminal; plain text otherwise
     */
    public WireTrace(PrintStream out, boolean colours) {
        this.out = out;
        this.colours = colours;
    }

    @Override
    public void opened(long connection, String client) {
        print(DIM, "[#" + connection + "] connection opened from " + visible(client.getBytes(StandardCharsets.UTF_8)) + "\n");
    }

    @Override
    public void handshake(long connection, String summary) {
        print(DIM, "[#" + connection + "] TLS handshake: " + summary + "\n");
    }

    @Override
    public void request(long connection, byte[] rawHead) {
        print(REQUEST, lines(connection, "> ", rawHead));
    }

    @Override
    public void exchanged(Exchanged exchange) {
        long connection = exchange.connection();
        StringBuilder why = new StringBuilder();
        for (String line : exchange.why()) {
            why.append("[#").append(connection).append("] why: ")
                    .append(withoutControls(line)).append('\n');
        }
        if (why.length() > 0) {
            print(WHY, why.toString());
        }
        String text = lines(connection, "< ", exchange.responseHead().getBytes(StandardCharsets.ISO_8859_1))
                + "[#" + connection + "] < (" + exchange.bodyBytes() + " bytes of body)\n";
        print(RESPONSE, text);
    }

    @Override
    public void closed(long connection, int requests, String how) {
        print(DIM, "[#" + connection + "] connection closed after " + requests
                + (requests == 1 ? " request" : " requests") + ": " + how + "\n");
    }

    /** One output line per line on the wire, each with its line ending shown. */
    static String lines(long connection, String direction, byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length * 2);
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = Math.min(i + 1, bytes.length);
                if (end > start) {
                    text.append("[#").append(connection).append("] ").append(direction)
                            .append(visible(java.util.Arrays.copyOfRange(bytes, start, end))).append('\n');
                }
                start = i + 1;
            }
        }
        return text.toString();
    }

    /** CR and LF as ␍ and ␊, so line endings show; everything else as {@link PrintableText} has it. */
    public static String visible(byte[] bytes) {
        StringBuilder text = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c == '\r') {
                text.append('\u240d');
            } else if (c == '\n') {
                text.append('\u240a');
            } else {
                PrintableText.append(text, (char) c, false);
            }
        }
        return text.toString();
    }

    /**
     * A decision line as it is, but for control characters (C0, DEL, C1), escaped: its details come from the
     * request (a path, a Range value), and none of them may drive the terminal.
     */
    static String withoutControls(String line) {
        StringBuilder text = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c < 0xa0 || c == '\\') {
                PrintableText.append(text, c, false);
            } else {
                text.append(c);
            }
        }
        return text.toString();
    }

    private void print(String colour, String text) {
        String block = colours ? colour + text.stripTrailing() + RESET + "\n" : text;
        synchronized (out) {
            out.print(block);
            out.flush();
        }
    }
}
