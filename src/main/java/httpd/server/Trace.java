package httpd.server;

/** What a connection reports for {@code --trace}: the bytes on the wire, for a class to read. */
public interface Trace {
    /** No trace: every call does nothing. */
    Trace NONE = new Trace() { };

    default void opened(long connection, String client) {
    }

    /** A TLS handshake finished: what it agreed on. */
    default void handshake(long connection, String summary) {
    }

    /** The request head exactly as received, line endings included. */
    default void request(long connection, byte[] rawHead) {
    }

    /** The response head exactly as sent, and how many body bytes followed it. */
    default void response(long connection, String head, long bodyBytes) {
    }

    default void closed(long connection, int requests) {
    }
}
