package httpd.files;

import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.HttpDates;
import httpd.http.HttpException;
import httpd.http.HttpMethod;
import httpd.http.HttpStatus;
import httpd.http.RequestHandler;
import httpd.http.RequestHead;
import httpd.http.RequestTarget;
import httpd.http.Response;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers GET and HEAD with files from the document root. Read top to bottom it is the decision a static
 * server makes: method, target, path, directory, then the file itself.
 */
public final class StaticFileHandler implements RequestHandler {
    /** RFC 9110 §10.2.1: what a 405 and an OPTIONS answer list as allowed. */
    public static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    private static final String NOT_FOUND_PAGE = "/404.html";
    private static final Logger log = LoggerFactory.getLogger(StaticFileHandler.class);

    private final PathResolver resolver;
    private final MimeTypes mimeTypes;

    public StaticFileHandler(PathResolver resolver, MimeTypes mimeTypes) {
        this.resolver = resolver;
        this.mimeTypes = mimeTypes;
    }

    @Override
    public Response handle(RequestHead request) throws HttpException {
        HttpMethod method = HttpMethod.byName(request.method())
                .orElseThrow(() -> new HttpException(HttpStatus.NOT_IMPLEMENTED, "unknown method"));
        RequestTarget target = RequestTarget.parse(request.target());
        if (method == HttpMethod.OPTIONS) {
            return Response.builder(HttpStatus.NO_CONTENT).header("Allow", ALLOWED_METHODS).build();
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return ErrorPages.of(HttpStatus.METHOD_NOT_ALLOWED).withHeader("Allow", ALLOWED_METHODS);
        }
        if (target.isAsterisk()) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "* is only for OPTIONS");
        }
        Resolution resolution = resolver.resolve(target.path());
        if (resolution instanceof Resolution.Redirect redirect) {
            return redirect(redirect.location(), target.query());
        }
        if (resolution instanceof Resolution.File file) {
            return serveFile(file.path(), file.attributes(), method == HttpMethod.GET);
        }
        return notFound(method == HttpMethod.GET);
    }

    /** RFC 9110 §15.4.2; the Location is built from the normalized path, never echoed from the request. */
    private static Response redirect(String location, String query) {
        String withQuery = query.isEmpty() ? location : location + "?" + query;
        return ErrorPages.of(HttpStatus.MOVED_PERMANENTLY).withHeader("Location", withQuery);
    }

    private Response serveFile(Path file, BasicFileAttributes attributes, boolean withBody) {
        Body body;
        try {
            body = openBody(file, attributes, withBody);
        } catch (NoSuchFileException e) {
            return notFound(withBody);
        } catch (AccessDeniedException e) {
            log.warn("cannot read {}: permission denied", file);
            return ErrorPages.of(HttpStatus.FORBIDDEN);
        } catch (IOException e) {
            log.error("cannot read {}: {}", file, e.toString());
            return ErrorPages.of(HttpStatus.INTERNAL_SERVER_ERROR);
        }
        return Response.builder(HttpStatus.OK)
                .header("Content-Type", mimeTypes.typeOf(file.getFileName().toString()))
                .header("Last-Modified", HttpDates.format(attributes.lastModifiedTime().toInstant()))
                .body(body)
                .build();
    }

    /** The file as a body to stream; HEAD needs only its length, so nothing is opened for it. */
    private static Body openBody(Path file, BasicFileAttributes attributes, boolean withBody) throws IOException {
        if (!withBody) {
            return new Body.FileRegion(null, 0, attributes.size());
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        return new Body.FileRegion(channel, 0, channel.size());
    }

    /** A 404, with the root's own 404.html as its body when there is one (the status stays 404). */
    private Response notFound(boolean withBody) {
        try {
            if (resolver.resolve(NOT_FOUND_PAGE) instanceof Resolution.File page) {
                return Response.builder(HttpStatus.NOT_FOUND)
                        .header("Content-Type", ErrorPages.HTML_TYPE)
                        .body(openBody(page.path(), page.attributes(), withBody))
                        .build();
            }
        } catch (HttpException | IOException e) {
            log.debug("custom 404 page unavailable: {}", e.toString());
        }
        return ErrorPages.of(HttpStatus.NOT_FOUND);
    }
}
