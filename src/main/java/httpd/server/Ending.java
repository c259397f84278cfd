package httpd.server;

/** How a connection came to close, as the trace and the inspector tell it. */
enum Ending {
    CLIENT("closed by the client"),
    IDLE("no request within the keep-alive or header timeout: closed by the server"),
    HEADER_DEADLINE("the head was not whole within --header-timeout: 408, closed by the server"),
    ANSWER("closed by the server, as the last answer said"),
    LINGERED("closed by the server after lingering over an unread request body"),
    ERROR("ended by an error or a cut connection"),
    STOPPING("closed because the server is stopping"),
    REFUSED("closed: no thread would take it (the server is stopping)");

    private final String text;

    Ending(String text) {
        this.text = text;
    }

    String text() {
        return text;
    }
}
