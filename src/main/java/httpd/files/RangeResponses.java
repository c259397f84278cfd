package httpd.files;

import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.HttpStatus;
import httpd.http.Response;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns a parsed Range header into a 206, a multipart/byteranges 206, a 416, or the plain 200. */
final class RangeResponses {
    Response respond(Response.Builder ok, ByteRanges.Result result, Representation representation, FileChannel channel) {
        long size = representation.size();
        if (result instanceof ByteRanges.Unsatisfiable) {
            closeQuietly(channel);
            Response error = ErrorPages.of(HttpStatus.RANGE_NOT_SATISFIABLE);
            return error.withHeader("Content-Range", "bytes */" + size);
        }
        if (!(result instanceof ByteRanges.Satisfiable satisfiable)) {
            return ok.body(new Body.FileRegion(channel, 0, size)).build();
        }
        List<ByteRanges.Range> ranges = satisfiable.ranges();
        if (ranges.size() == 1) {
            ByteRanges.Range range = ranges.get(0);
            return rebuild(ok, HttpStatus.PARTIAL_CONTENT, null)
                    .header("Content-Range", contentRange(range, size))
                    .body(new Body.FileRegion(channel, range.first(), range.length()))
                    .build();
        }
        return multipart(ok, ranges, representation, channel);
    }

    /**
     * Several ranges: each part carries its own Content-Type and Content-Range (RFC 9110 §14.6); the
     * response's Content-Type names the boundary.
     */
    private static Response multipart(Response.Builder ok, List<ByteRanges.Range> ranges, Representation representation,
            FileChannel channel) {
        String boundary = "httpd-" + Integer.toHexString(representation.etag().hashCode() & 0x7fffffff)
                + Long.toHexString(representation.size());
        List<Body> parts = new ArrayList<>();
        for (ByteRanges.Range range : ranges) {
            String partHead = (parts.isEmpty() ? "" : "\r\n") + "--" + boundary + "\r\n"
                    + "Content-Type: " + representation.contentType() + "\r\n"
                    + "Content-Range: " + contentRange(range, representation.size()) + "\r\n\r\n";
            parts.add(new Body.Bytes(partHead.getBytes(StandardCharsets.ISO_8859_1)));
            parts.add(new Body.FileRegion(channel, range.first(), range.length()));
        }
        parts.add(new Body.Bytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1)));
        return rebuild(ok, HttpStatus.PARTIAL_CONTENT, "multipart/byteranges; boundary=" + boundary)
                .body(new Body.Parts(parts))
                .build();
    }

    /** The headers of the 200 under another status, optionally with another Content-Type. */
    private static Response.Builder rebuild(Response.Builder ok, HttpStatus status, String contentType) {
        Response template = ok.build();
        Response.Builder builder = Response.builder(status);
        template.headers().forEach(field -> {
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

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (java.io.IOException e) {
                // nothing was read from it
            }
        }
    }
}
