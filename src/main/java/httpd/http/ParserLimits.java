package httpd.http;

/**
 * How much of a request head httpd is willing to read before refusing it.
 *
 * @param maxRequestLineBytes request line longer than this: 414
 * @param maxHeaderBytes      header section larger than this: 431
 * @param maxHeaderFields     more header fields than this: 431
 */
public record ParserLimits(int maxRequestLineBytes, int maxHeaderBytes, int maxHeaderFields) {
    public static final ParserLimits DEFAULT = new ParserLimits(8 * 1024, 64 * 1024, 100);

    public ParserLimits {
        if (maxRequestLineBytes < 16 || maxHeaderBytes < 16 || maxHeaderFields < 1) {
            throw new IllegalArgumentException("parser limits too small");
        }
    }
}
