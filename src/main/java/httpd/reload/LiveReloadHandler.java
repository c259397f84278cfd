package httpd.reload;

import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.HeaderField;
import httpd.http.Headers;
import httpd.http.HttpException;
import httpd.http.HttpStatus;
import httpd.http.RequestHandler;
import httpd.http.RequestContext;
import httpd.http.RequestHead;
import httpd.http.RequestTarget;
import httpd.http.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Live reload around another handler: {@value #EVENTS_PATH} answers with the event stream, and every HTML
 * page gets a small script before {@code </body>} that listens to it. Content-Length and ETag describe the
 * bytes actually sent; pages with the script are always sent whole (a range of them would not match).
 */
public final class LiveReloadHandler implements RequestHandler {
    /** Reserved while watching: never served from the root. */
    public static final String EVENTS_PATH = "/__httpd/events";
    /** Larger pages are sent as they are, without the script. */
    static final long MAX_PAGE_BYTES = 8L * 1024 * 1024;
    static final String SCRIPT = "<script>/* httpd --watch */(() => {\n"
            + "  let opened = false;\n"
            + "  const events = new EventSource('" + EVENTS_PATH + "');\n"
            + "  events.onopen = () => { if (opened) location.reload(); opened = true; };\n"
            + "  events.addEventListener('reload', () => location.reload());\n"
            + "  events.addEventListener('css', () => {\n"
            + "    for (const link of document.querySelectorAll('link[rel=\"stylesheet\"]')) {\n"
            + "      const url = new URL(link.href);\n"
            + "      url.searchParams.set('httpd-reload', Date.now());\n"
            + "      link.href = url.href;\n"
            + "    }\n"
            + "  });\n"
            + "})();</script>\n";
    private static final byte[] SCRIPT_BYTES = SCRIPT.getBytes(StandardCharsets.UTF_8);

    private final RequestHandler files;
    private final ReloadEvents events;

    public LiveReloadHandler(RequestHandler files, ReloadEvents events) {
        this.files = files;
        this.events = events;
    }

    @Override
    public Response handle(RequestHead request) {
        return handle(request, RequestContext.NONE);
    }

    @Override
    public Response handle(RequestHead request, RequestContext context) {
        if (isEventStream(request)) {
            return eventStream(request);
        }
        Response response = files.handle(withoutLiveEtags(request), context);
        if (response.status() == HttpStatus.NOT_MODIFIED && request.headers().all("If-None-Match").stream()
                .anyMatch(tags -> tags.contains("-live\""))) {
            return renameEtag(response); // a 304 names no type: the page was one of ours
        }
        if (!isHtml(response)) {
            return response;
        }
        if (response.status() == HttpStatus.PARTIAL_CONTENT || response.header("Content-Encoding") != null) {
            // the script goes into the page as it is: the whole of it, not gzip-encoded (told once, above)
            response.discard();
            response = files.handle(withoutFields(request, "Range", "If-Range", "Accept-Encoding"), RequestContext.NONE);
        }
        return isHtml(response) && response.header("Content-Encoding") == null ? inject(response) : response;
    }

    /** A target that does not parse is not ours: the file handler answers it with its 400. */
    private static boolean isEventStream(RequestHead request) {
        try {
            return RequestTarget.parse(request.target()).path().equals(EVENTS_PATH);
        } catch (HttpException e) {
            return false;
        }
    }

    private Response eventStream(RequestHead request) {
        if (!request.method().equals("GET")) {
            return ErrorPages.of(HttpStatus.METHOD_NOT_ALLOWED).withHeader("Allow", "GET");
        }
        Body.Stream stream = events.open();
        if (stream == null) {
            return ErrorPages.of(HttpStatus.SERVICE_UNAVAILABLE).withHeader("Retry-After", "2");
        }
        return Response.builder(HttpStatus.OK)
                .header("Content-Type", "text/event-stream; charset=utf-8")
                .header("Cache-Control", "no-cache")
                .body(stream)
                .build();
    }

    private static boolean isHtml(Response response) {
        String type = response.header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html")
                && (response.status() == HttpStatus.OK || response.status() == HttpStatus.PARTIAL_CONTENT
                || response.status() == HttpStatus.NOT_FOUND);
    }

    /** The page with the script in it: before the last {@code </body>}, or at the end when there is none. */
    private static Response inject(Response response) {
        Body body = response.body();
        if (body.length() > MAX_PAGE_BYTES) {
            return response;
        }
        Body injected = new Body.Bytes(withScript(readAll(body)));
        response.discard();
        return new Response(response.status(), renamedEtag(response.headers()), injected);
    }

    static byte[] withScript(byte[] page) {
        String lower = new String(page, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf("</body>");
        if (at < 0) {
            at = page.length;
        }
        ByteBuffer out = ByteBuffer.allocate(page.length + SCRIPT_BYTES.length);
        out.put(page, 0, at).put(SCRIPT_BYTES).put(page, at, page.length - at);
        return out.array();
    }

    private static byte[] readAll(Body body) {
        if (body instanceof Body.Bytes bytes) {
            return bytes.bytes();
        }
        if (body instanceof Body.Buffer buffer) {
            ByteBuffer copy = buffer.buffer().duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        if (body instanceof Body.FileRegion region) {
            try {
                ByteBuffer bytes = region.read();
                return java.util.Arrays.copyOf(bytes.array(), bytes.limit());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new byte[0];
    }

    /** The page with the script is another representation, so it gets another entity tag. */
    private static Response renameEtag(Response response) {
        return new Response(response.status(), renamedEtag(response.headers()), response.body());
    }

    private static List<HeaderField> renamedEtag(List<HeaderField> headers) {
        List<HeaderField> renamed = new ArrayList<>(headers.size());
        for (HeaderField field : headers) {
            if (field.hasName("ETag") && field.value().endsWith("\"")) {
                String tag = field.value();
                renamed.add(new HeaderField(field.name(), tag.substring(0, tag.length() - 1) + "-live\""));
            } else if (!field.hasName("Accept-Ranges")) {
                renamed.add(field);
            }
        }
        return renamed;
    }

    /** A page's tag with the script is its file's tag plus "-live": conditions are checked against the file. */
    private static RequestHead withoutLiveEtags(RequestHead request) {
        if (!request.headers().contains("If-None-Match") && !request.headers().contains("If-Match")) {
            return request;
        }
        List<HeaderField> fields = new ArrayList<>();
        for (HeaderField field : request.headers().fields()) {
            fields.add(field.hasName("If-None-Match") || field.hasName("If-Match")
                    ? new HeaderField(field.name(), field.value().replace("-live\"", "\""))
                    : field);
        }
        return request.withHeaders(new Headers(fields));
    }

    private static RequestHead withoutFields(RequestHead request, String... names) {
        List<HeaderField> fields = new ArrayList<>();
        for (HeaderField field : request.headers().fields()) {
            if (java.util.Arrays.stream(names).noneMatch(field::hasName)) {
                fields.add(field);
            }
        }
        return request.withHeaders(new Headers(fields));
    }
}
