package httpd.http;

/**
 * The grammar of a Host field value, {@code uri-host [ ":" port ]} (RFC 9112 §3.2, RFC 3986 §3.2.2-§3.2.3):
 * a reg-name (which covers IPv4 addresses) or an IP-literal in brackets, then optionally a colon and digits.
 * The empty value is a valid (empty) reg-name, sent for targets without an authority.
 */
final class HostField {
    private static final int MAX_IPV6_GROUPS = 8;

    private HostField() {
    }

    static boolean isValid(String value) {
        int hostEnd;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            if (close < 0 || !isIpLiteral(value.substring(1, close))) {
                return false;
            }
            hostEnd = close + 1;
        } else {
            hostEnd = value.indexOf(':');
            if (hostEnd < 0) {
                hostEnd = value.length();
            }
            if (!isRegName(value, 0, hostEnd, true)) {
                return false;
            }
        }
        if (hostEnd == value.length()) {
            return true;
        }
        return value.charAt(hostEnd) == ':' && isDigits(value, hostEnd + 1, value.length());
    }

    /** reg-name = *( unreserved / pct-encoded / sub-delims ); without sub-delims, a ZoneID (RFC 6874). */
    private static boolean isRegName(String text, int from, int to, boolean subDelims) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || !isHexDigit(text.charAt(i + 1)) || !isHexDigit(text.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (!isUnreserved(c) && !(subDelims && isSubDelim(c))) {
                return false;
            }
        }
        return true;
    }

    /** IP-literal = "[" ( IPv6address / IPv6addrz / IPvFuture ) "]", without the brackets (RFC 6874 adds the zone). */
    private static boolean isIpLiteral(String text) {
        if (text.startsWith("v") || text.startsWith("V")) {
            return isIpvFuture(text);
        }
        int zone = text.indexOf("%25");
        if (zone >= 0) {
            // ZoneID = 1*( unreserved / pct-encoded )
            return isIpv6(text.substring(0, zone)) && zone + 3 < text.length()
                    && isRegName(text, zone + 3, text.length(), false);
        }
        return isIpv6(text);
    }

    /** IPvFuture = "v" 1*HEXDIG "." 1*( unreserved / sub-delims / ":" ). */
    private static boolean isIpvFuture(String text) {
        int dot = text.indexOf('.');
        if (dot < 2 || dot == text.length() - 1) {
            return false;
        }
        for (int i = 1; i < dot; i++) {
            if (!isHexDigit(text.charAt(i))) {
                return false;
            }
        }
        for (int i = dot + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnreserved(c) && !isSubDelim(c) && c != ':') {
                return false;
            }
        }
        return true;
    }

    /** IPv6address (RFC 3986 §3.2.2): up to eight groups of 1-4 hex digits, one "::", an IPv4 tail. */
    private static boolean isIpv6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        if (doubleColon < 0) {
            return groupCount(text, true) == MAX_IPV6_GROUPS;
        }
        int before = doubleColon == 0 ? 0 : groupCount(text.substring(0, doubleColon), false);
        String tail = text.substring(doubleColon + 2);
        int after = tail.isEmpty() ? 0 : groupCount(tail, true);
        return before >= 0 && after >= 0 && before + after < MAX_IPV6_GROUPS;
    }

    /** The number of 16-bit groups in colon-separated hex (an IPv4 tail counts two), or -1 if malformed. */
    private static int groupCount(String text, boolean ipv4Tail) {
        String[] groups = text.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (ipv4Tail && i == groups.length - 1 && group.indexOf('.') >= 0) {
                if (!isIpv4(group)) {
                    return -1;
                }
                count += 2;
            } else if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(c -> isHexDigit((char) c))) {
                return -1;
            } else {
                count++;
            }
        }
        return count;
    }

    /** IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet, without leading zeros. */
    private static boolean isIpv4(String text) {
        String[] octets = text.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !isDigits(octet, 0, octet.length())
                    || octet.length() > 1 && octet.charAt(0) == '0' || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isUnreserved(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static boolean isSubDelim(char c) {
        return "!$&'()*+,;=".indexOf(c) >= 0;
    }
}
