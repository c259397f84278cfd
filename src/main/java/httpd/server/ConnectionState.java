package httpd.server;

/** Where the connection is in its life, as a graceful stop sees it. */
enum ConnectionState {
    /** Queued for a request thread, or on one before it first looks for a request. */
    QUEUED,
    /** Waiting for a request, or half-closed and lingering: nothing in flight, a stop closes it at once. */
    IDLE,
    /** A request has been read and its answer is not out yet: a graceful stop lets it finish. */
    BUSY,
    CLOSED
}
