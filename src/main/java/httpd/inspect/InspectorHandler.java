package httpd.inspect;

import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.HttpStatus;
import httpd.http.RequestContext;
import httpd.http.RequestHandler;
import httpd.http.RequestHead;
import httpd.http.Response;

/**
 * The inspector's two resources in front of the site: its page at {@value #PAGE_PATH} and its event stream at
 * {@value #EVENTS_PATH}. Only a client {@link InspectorAccess} allows gets them, others a 403; everything else
 * goes on to the site.
 */
final class InspectorHandler implements RequestHandler {
    static final String PAGE_PATH = "/__httpd/inspect";
    static final String EVENTS_PATH = PAGE_PATH + "/events";

    private final byte[] page;
    private final Inspector inspector;
    private final InspectorAccess access;
    private final RequestHandler next;

    InspectorHandler(byte[] page, Inspector inspector, InspectorAccess access, RequestHandler next) {
        this.page = page;
        this.inspector = inspector;
        this.access = access;
        this.next = next;
    }

    @Override
    public Response handle(RequestHead request) {
        return handle(request, RequestContext.NONE);
    }

    @Override
    public Response handle(RequestHead request, RequestContext context) {
        String path = pathOf(request.target());
        boolean page = path.equals(PAGE_PATH) || path.equals(PAGE_PATH + "/");
        if (!page && !path.equals(EVENTS_PATH)) {
            return next.handle(request, context);
        }
        if (!access.allows(context.client())) {
            return ErrorPages.of(HttpStatus.FORBIDDEN,
                    "the inspector answers only this machine; start httpd with --inspect-from-lan to open it here");
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return ErrorPages.of(HttpStatus.METHOD_NOT_ALLOWED).withHeader("Allow", "GET, HEAD");
        }
        return page ? page() : stream();
    }

    private Response page() {
        return Response.builder(HttpStatus.OK)
                .header("Content-Type", "text/html; charset=utf-8")
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .body(new Body.Bytes(page))
                .build();
    }

    private Response stream() {
        Body.Stream stream = inspector.openStream();
        if (stream == null) {
            return ErrorPages.of(HttpStatus.SERVICE_UNAVAILABLE, "too many inspector tabs are open")
                    .withHeader("Retry-After", "5");
        }
        return Response.builder(HttpStatus.OK)
                .header("Content-Type", "text/event-stream; charset=utf-8")
                .header("Cache-Control", "no-store")
                .body(stream)
                .build();
    }

    private static String pathOf(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }
}
