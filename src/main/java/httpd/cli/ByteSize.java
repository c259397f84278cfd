package httpd.cli;

import java.util.Locale;

/** A size as typed: {@code 1048576}, {@code 500K}, {@code 20M}, {@code 1G} (binary units, KiB/MiB/GiB also taken). */
final class ByteSize {
    private ByteSize() {
    }

    /** @return the number of bytes, or -1 when the text is not a size */
    static long parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = 0;
        if (!t.isEmpty()) {
            switch (t.charAt(t.length() - 1)) {
                case 'K' -> shift = 10;
                case 'M' -> shift = 20;
                case 'G' -> shift = 30;
                case 'T' -> shift = 40;
                default -> shift = -1;
            }
            if (shift > 0) {
                t = t.substring(0, t.length() - 1).trim();
            } else {
                shift = 0;
            }
        }
        if (t.isEmpty() || t.length() > 15 || !t.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        long number = Long.parseLong(t);
        if (number > (Long.MAX_VALUE >> shift)) {
            return -1;
        }
        return number << shift;
    }
}
