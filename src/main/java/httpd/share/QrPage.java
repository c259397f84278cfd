package httpd.share;

import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.HttpException;
import httpd.http.HttpStatus;
import httpd.http.RequestContext;
import httpd.http.RequestHandler;
import httpd.http.RequestHead;
import httpd.http.RequestTarget;
import httpd.http.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code GET /__httpd/qr.svg?url=...}: the QR code of a page's address as an SVG image, in front of the site;
 * everything else goes on to the next handler. A listing page asks for its own {@code location.href}, since only
 * the browser knows the scheme and host it used. A loopback host (the page opened as localhost) is replaced by
 * this machine's LAN address when httpd listens there, so the code on a laptop's screen opens the same folder on
 * a phone; with no such address the answer is 404 and the page shows no code.
 */
public final class QrPage implements RequestHandler {
    public static final String PATH = "/__httpd/qr.svg";
    /** The code for a given text never changes: a day in the browser's cache is safe. */
    private static final String CACHE_FIXED = "public, max-age=86400";
    /** A code with the LAN address in it is not fixed: the address may differ at the next start. */
    private static final String CACHE_SUBSTITUTED = "no-cache";

    private final Optional<String> lanHost;
    private final RequestHandler next;

    /**
     * @param lanHost the host a phone reaches httpd by, as written in a URL ({@code 192.168.1.20},
     *                {@code [fd00::20]}); empty when httpd listens on loopback only
     */
    public QrPage(Optional<String> lanHost, RequestHandler next) {
        this.lanHost = lanHost;
        this.next = next;
    }

    @Override
    public Response handle(RequestHead request) {
        return handle(request, RequestContext.NONE);
    }

    @Override
    public Response handle(RequestHead request, RequestContext context) {
        RequestTarget target;
        try {
            target = RequestTarget.parse(request.target());
        } catch (HttpException e) {
            return next.handle(request, context); // not ours to refuse: the site answers it as it answers any
        }
        if (!target.path().equals(PATH)) {
            return next.handle(request, context);
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return ErrorPages.of(HttpStatus.METHOD_NOT_ALLOWED).withHeader("Allow", "GET, HEAD");
        }
        try {
            return image(PageUrl.fromQuery(target.query()));
        } catch (HttpException e) {
            return ErrorPages.of(e.status(), e.getMessage());
        }
    }

    private Response image(PageUrl page) throws HttpException {
        PageUrl shown = page;
        if (page.loopback()) {
            shown = page.withHost(lanHost.orElseThrow(() -> new HttpException(HttpStatus.NOT_FOUND,
                    "httpd listens on loopback only: no address a phone could open")));
        }
        byte[] svg = QrSvg.of(QrCodes.encode(shown.text())).getBytes(StandardCharsets.UTF_8);
        return Response.builder(HttpStatus.OK)
                .header("Content-Type", QrSvg.MEDIA_TYPE)
                .header("Cache-Control", shown == page ? CACHE_FIXED : CACHE_SUBSTITUTED)
                // opened on its own, an SVG is a document that may run script: this one has none, and keeps it so
                .header("Content-Security-Policy", "default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .body(new Body.Bytes(svg))
                .build();
    }
}
