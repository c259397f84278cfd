package httpd.cli;

/** The signals that stop httpd: Ctrl+C and SIGTERM (from kill, systemd, docker stop). */
enum StopSignal {
    INT(2),
    TERM(15);

    private final int number;

    StopSignal(int number) {
        this.number = number;
    }

    /** The exit code of a process ended by this signal, as shells report it. */
    int exitCode() {
        return 128 + number;
    }
}
