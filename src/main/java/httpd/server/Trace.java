package httpd.server;

/**
 * What a connection reports for {@code --trace} and the inspector: the bytes on the wire and the decisions
 * taken, for a class to read. With {@link #NONE} nothing is recorded at all.
 */
public interface Trace {
    /** No trace: every call does nothing. */
    Trace NONE = new Trace() { };

    default void opened(long connection, String client) {
    }

    /** A TLS handshake finished: what it agreed on. */
    default void handshake(long connection, String summary) {
    }

    /** The request head exactly as received, line endings included, before it is parsed. */
    default void request(long connection, byte[] rawHead) {
    }

    /** An exchange whose answer is out: the request, the decisions and why, the response head as sent. */
    default void exchanged(Exchanged exchange) {
    }

    /** The connection, waiting for a request while others wait for a thread, gave its thread back. */
    default void yielded(long connection) {
    }

    /** @param how who closed it and why, in words */
    default void closed(long connection, int requests, String how) {
    }

    /** Both traces, this one first. */
    default Trace and(Trace other) {
        if (this == NONE) {
            return other;
        }
        return other == NONE ? this : new BothTraces(this, other);
    }
}
