package httpd.server;

/** Two traces told the same story: {@code --trace} in the terminal and the inspector in a browser. */
record BothTraces(Trace first, Trace second) implements Trace {
    @Override
    public void opened(long connection, String client) {
        first.opened(connection, client);
        second.opened(connection, client);
    }

    @Override
    public void handshake(long connection, String summary) {
        first.handshake(connection, summary);
        second.handshake(connection, summary);
    }

    @Override
    public void request(long connection, byte[] rawHead) {
        first.request(connection, rawHead);
        second.request(connection, rawHead);
    }

    @Override
    public void exchanged(Exchanged exchange) {
        first.exchanged(exchange);
        second.exchanged(exchange);
    }

    @Override
    public void yielded(long connection) {
        first.yielded(connection);
        second.yielded(connection);
    }

    @Override
    public void closed(long connection, int requests, String how) {
        first.closed(connection, requests, how);
        second.closed(connection, requests, how);
    }
}
