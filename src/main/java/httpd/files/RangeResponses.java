package httpd.files;

import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.HttpStatus;
import httpd.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Narrows the 200 a file would get to what a parsed Range header asks for: a 206, a multipart/byteranges
 * 206, a 416, or the 200 itself.
 */
final class RangeResponses {
    private RangeResponses() {
    }

    /**
     * @param ok the whole file's 200, whose body is the file's bytes in memory or its open channel; it is
     *           closed here when the answer sends none of it
     */
    static Response respond(Response ok, ByteRanges.Result result, Representation representation) {
        long size = representation.size();
        if (result instanceof ByteRanges.Unsatisfiable) {
            ok.discard();
            return ErrorPages.of(HttpStatus.RANGE_NOT_SATISFIABLE).withHeader("Content-Range", "bytes */" + size);
        }
        if (!(result instanceof ByteRanges.Satisfiable satisfiable)) {
            return ok;
        }
        List<ByteRanges.Range> ranges = satisfiable.ranges();
        if (ranges.size() == 1) {
            ByteRanges.Range range = ranges.get(0);
            return rebuild(ok, null)
                    .header("Content-Range", contentRange(range, size))
                    .body(part(ok.body(), range))
                    .build();
        }
        return multipart(ok, ranges, representation);
    }

    /**
     * Several ranges: each part carries its own Content-Type and Content-Range (RFC 9110 §14.6); the
     * response's Content-Type names the boundary.
     */
    private static Response multipart(Response ok, List<ByteRanges.Range> ranges, Representation representation) {
        String boundary = "httpd-" + Integer.toHexString(representation.etag().hashCode() & 0x7fffffff)
                + Long.toHexString(representation.size());
        List<Body> parts = new ArrayList<>();
        for (ByteRanges.Range range : ranges) {
            String partHead = (parts.isEmpty() ? "" : "\r\n") + "--" + boundary + "\r\n"
                    + "Content-Type: " + representation.contentType() + "\r\n"
                    + "Content-Range: " + contentRange(range, representation.size()) + "\r\n\r\n";
            parts.add(new Body.Bytes(partHead.getBytes(StandardCharsets.ISO_8859_1)));
            parts.add(part(ok.body(), range));
        }
        parts.add(new Body.Bytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        return rebuild(ok, "multipart/byteranges; boundary=" + boundary)
                .body(new Body.Parts(parts))
                .build();
    }

    /** The bytes of one range of the whole body: a slice of those in memory, or a region of the open file. */
    private static Body part(Body whole, ByteRanges.Range range) {
        if (whole instanceof Body.Buffer buffer) {
            return new Body.Buffer(buffer.buffer().slice((int) range.first(), (int) range.length()));
        }
        Body.FileRegion file = (Body.FileRegion) whole;
        return new Body.FileRegion(file.channel(), file.offset() + range.first(), range.length());
    }

    /** The headers of the 200 under 206, optionally with another Content-Type. */
    private static Response.Builder rebuild(Response ok, String contentType) {
        Response.Builder builder = Response.builder(HttpStatus.PARTIAL_CONTENT);
        ok.headers().forEach(field -> {
            if (contentType != null && field.hasName("Content-Type")) {
                builder.header("Content-Type", contentType);
            } else {
                builder.header(field.name(), field.value());
            }
        });
        return builder;
    }

    private static String contentRange(ByteRanges.Range range, long size) {
        return "bytes " + range.first() + "-" + range.last() + "/" + size;
    }
}
