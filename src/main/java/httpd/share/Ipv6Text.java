package httpd.share;

/**
 * An IPv6 address as people write it (RFC 5952 §4): groups in lowercase hex without leading zeros, and the
 * longest run of two or more zero groups, the first of equally long ones, written as {@code ::}. Java's
 * {@code getHostAddress()} writes all eight groups ({@code fd00:0:0:0:0:0:0:2} for {@code fd00::2}).
 */
public final class Ipv6Text {
    private static final int GROUPS = 8;

    private Ipv6Text() {
    }

    /** @param address the 16 bytes of an IPv6 address */
    public static String compressed(byte[] address) {
        if (address.length != 2 * GROUPS) {
            throw new IllegalArgumentException("an IPv6 address has 16 bytes, not " + address.length);
        }
        int[] groups = new int[GROUPS];
        for (int i = 0; i < GROUPS; i++) {
            groups[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
        }
        int runStart = -1;
        int runLength = 1; // a single zero group is written as 0, never as :: (§4.2.2)
        for (int i = 0; i < GROUPS; i++) {
            int end = i;
            while (end < GROUPS && groups[end] == 0) {
                end++;
            }
            if (end - i > runLength) {
                runStart = i;
                runLength = end - i;
            }
            i = Math.max(i, end);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < GROUPS; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
