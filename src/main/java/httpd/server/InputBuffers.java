package httpd.server;

/**
 * Where connections get the buffer they read a request head into. A connection holds one only while it holds
 * bytes; an empty one goes back to the request thread that served it, which lends it to the next connection it
 * serves. So idle connections hold no buffer, and serving a connection makes no garbage of its own.
 */
final class InputBuffers {
    /** Most heads fit; a larger one grows its buffer up to the parser's limits, which is then not kept. */
    static final int SIZE = 4 * 1024;

    /** Each thread's spare buffer: a thread lends one to the connection it serves, and takes an empty one back. */
    private final ThreadLocal<byte[]> spare = new ThreadLocal<>();

    /** A buffer of {@link #SIZE} bytes for the calling thread to read into. */
    byte[] borrow() {
        byte[] buffer = spare.get();
        if (buffer == null) {
            return new byte[SIZE];
        }
        spare.set(null);
        return buffer;
    }

    /** An empty buffer of {@link #SIZE} bytes the calling thread may lend again. */
    void giveBack(byte[] buffer) {
        if (spare.get() == null) {
            spare.set(buffer);
        }
    }
}
