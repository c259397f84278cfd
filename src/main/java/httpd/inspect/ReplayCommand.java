package httpd.inspect;

/**
 * A request's bytes as a shell command that sends them again: {@code printf '...'}, to be piped into {@code nc}.
 * printf's format is the one POSIX defines, so the command works in sh, bash and zsh alike: CR and LF as
 * {@code \r} and {@code \n}, other bytes outside printable ASCII in octal, {@code %} doubled, and the single quote
 * closed, escaped and reopened.
 */
final class ReplayCommand {
    private ReplayCommand() {
    }

    static String printf(byte[] raw) {
        StringBuilder command = new StringBuilder(raw.length + 16).append("printf '");
        for (byte b : raw) {
            int c = b & 0xff;
            switch (c) {
                case '\r' -> command.append("\\r");
                case '\n' -> command.append("\\n");
                case '\\' -> command.append("\\\\");
                case '%' -> command.append("%%");
                case '\'' -> command.append("'\\''");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        command.append((char) c);
                    } else {
                        command.append('\\').append(Integer.toOctalString(0x200 | c).substring(1));
                    }
                }
            }
        }
        return command.append('\'').toString();
    }
}
