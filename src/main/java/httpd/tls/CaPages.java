package httpd.tls;

import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.RequestHandler;
import httpd.http.RequestContext;
import httpd.http.RequestHead;
import httpd.http.Response;
import httpd.http.HttpStatus;
import java.nio.charset.StandardCharsets;

/**
 * {@code /__httpd/ca} (how to trust the local CA, for a phone) and {@code /__httpd/ca.crt} (the CA's certificate,
 * never its key), in front of the site; everything else goes on to the next handler. Served over plain HTTP on
 * the TLS port as well, since a device cannot open https before it trusts the CA.
 */
public final class CaPages implements RequestHandler {
    private final RequestHandler next;
    private final byte[] page;
    private final byte[] certificate;

    public CaPages(LocalCa ca, RequestHandler next) {
        this.next = next;
        this.page = CaPage.html(ca.name(), ca.fingerprint()).getBytes(StandardCharsets.UTF_8);
        this.certificate = ca.certificatePem().getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public Response handle(RequestHead request) {
        return handle(request, RequestContext.NONE);
    }

    @Override
    public Response handle(RequestHead request, RequestContext context) {
        String path = request.target();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        boolean ours = path.equals(CaPage.PAGE_PATH) || path.equals(CaPage.CERTIFICATE_PATH);
        if (!ours) {
            return next.handle(request, context);
        }
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return ErrorPages.of(HttpStatus.METHOD_NOT_ALLOWED).withHeader("Allow", "GET, HEAD");
        }
        if (path.equals(CaPage.PAGE_PATH)) {
            return Response.builder(HttpStatus.OK).header("Content-Type", ErrorPages.HTML_TYPE)
                    .header("Cache-Control", "no-cache").body(new Body.Bytes(page)).build();
        }
        return Response.builder(HttpStatus.OK).header("Content-Type", CaPage.CERTIFICATE_TYPE)
                .header("Content-Disposition", "attachment; filename=\"httpd-local-ca.crt\"")
                .header("Cache-Control", "no-cache").body(new Body.Bytes(certificate)).build();
    }
}
