package httpd.upload;

import httpd.http.HttpStatus;
import httpd.http.RequestBodyException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body that may not grow past the upload cap: the read that would pass it fails with 413, so a body
 * of unknown length (chunked) is stopped as soon as it is too large, not after it has filled the disk.
 */
final class CappedInput extends FilterInputStream {
    private final long maxBytes;
    private long count;

    CappedInput(InputStream in, long maxBytes) {
        super(in);
        this.maxBytes = maxBytes;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] target, int offset, int length) throws IOException {
        long room = maxBytes - count; // one byte more than the room is read, so that passing the cap is seen
        int n = in.read(target, offset, room >= length ? length : (int) room + 1);
        if (n > 0) {
            count += n;
            if (count > maxBytes) {
                throw new RequestBodyException(HttpStatus.CONTENT_TOO_LARGE,
                        "the upload is larger than the server takes (" + maxBytes + " bytes)", "RFC 9110 §15.5.14");
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, 8192))]));
    }
}
