package httpd.files;

import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.Headers;
import httpd.http.HttpException;
import httpd.http.HttpMethod;
import httpd.http.HttpStatus;
import httpd.http.QualityValues;
import httpd.http.RequestHandler;
import httpd.http.RequestContext;
import httpd.http.RequestHead;
import httpd.http.RequestTarget;
import httpd.http.Response;
import httpd.http.Why;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers GET and HEAD with files from the document root. Read top to bottom it is the decision a static
 * server makes: method, target, path, then a redirect, the file ({@link FileResponses}: conditions, range,
 * body), a directory listing, or a 404.
 */
public final class StaticFileHandler implements RequestHandler {
    /** RFC 9110 §10.2.1: what a 405 and an OPTIONS answer list as allowed. */
    public static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    private static final String NOT_FOUND_PAGE = "/404.html";
    private static final String INDEX_PAGE = "/index.html";
    private static final Logger log = LoggerFactory.getLogger(StaticFileHandler.class);

    private final SiteOptions site;
    private final PathResolver resolver;
    private final FileResponses files;
    private final DirectoryListing listing;
    private final JsonListing jsonListing;
    private final FolderDownload download;

    /**
     * @param site     the root and how to answer: the one value the files side is built from
     * @param versions what is known of the files' versions; shared by every handler of one server
     * @param zone     the time zone listings show modification times in
     * @throws IOException when the root cannot be opened
     */
    public StaticFileHandler(SiteOptions site, MimeTypes mimeTypes, FileVersionCache versions, ZoneId zone)
            throws IOException {
        this.site = site;
        this.resolver = new PathResolver(site.root(), site.dotfiles());
        this.files = new FileResponses(resolver, mimeTypes, versions, site.cacheControl(), site.compress());
        this.listing = new DirectoryListing(resolver, mimeTypes::typeOf, zone, site.uploadForm());
        this.jsonListing = new JsonListing(listing);
        this.download = new FolderDownload(resolver, new FolderZip(resolver, mimeTypes::typeOf));
    }

    @Override
    public Response handle(RequestHead request) {
        return handle(request, RequestContext.NONE);
    }

    /** The answer, each decision on the way told to the context's {@link Why}. */
    @Override
    public Response handle(RequestHead request, RequestContext context) {
        try {
            return answer(request, context.why());
        } catch (HttpException e) {
            return ErrorPages.of(e.status(), e.getMessage());
        }
    }

    private Response answer(RequestHead request, Why why) throws HttpException {
        HttpMethod method = HttpMethod.byName(request.method()).orElse(null);
        if (method == null) {
            why.note(FileDecision.UNKNOWN_METHOD, request.method());
            throw new HttpException(HttpStatus.NOT_IMPLEMENTED, "unknown method");
        }
        RequestTarget target = RequestTarget.parse(request.target());
        if (method == HttpMethod.OPTIONS) {
            why.note(FileDecision.OPTIONS);
            return options(request.headers());
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            why.note(FileDecision.METHOD_NOT_ALLOWED, request.method());
            return ErrorPages.of(HttpStatus.METHOD_NOT_ALLOWED).withHeader("Allow", ALLOWED_METHODS);
        }
        // HEAD gets the very response GET gets; the writer leaves its body out (RFC 9110 §9.3.2)
        if (target.isAsterisk()) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "* is only for OPTIONS");
        }
        Resolution resolution = resolver.resolve(target.path());
        if (resolution instanceof Resolution.Redirect redirect) {
            why.note(FileDecision.FOLDER_WITHOUT_SLASH, target.path(), redirect.location());
            return redirect(redirect.location(), target.query());
        }
        if (resolution instanceof Resolution.File file) {
            noteFile(why, target.path(), file);
            return serveFile(request.headers(), file, why);
        }
        if (resolution instanceof Resolution.Directory directory) {
            if (site.listing() && FolderDownload.isAskedFor(target.query())) {
                why.note(FileDecision.FOLDER_ZIP, target.path());
                return downloadFolder(request.headers(), directory.path(), why);
            }
            if (site.listing()) {
                why.note(FileDecision.LISTING, target.path());
                return listDirectory(request.headers(), directory.path(), why);
            }
            why.note(FileDecision.FOLDER_WITHOUT_LISTING, target.path());
        } else if (resolution instanceof Resolution.NotFound notFound) {
            why.note(notFound.why(), target.path());
        }
        return notFound(request.headers(), why);
    }

    /** Which file a path led to: an index.html for a folder, else the file it names. */
    private void noteFile(Why why, String path, Resolution.File file) {
        if (path.endsWith("/")) {
            why.note(FileDecision.INDEX_FILE, path);
        } else {
            why.note(FileDecision.FILE, path, file.path().getFileName().toString());
        }
    }

    /** OPTIONS: 204 with Allow; a CORS preflight also learns what it may do (Fetch standard, §3.2.3). */
    private Response options(Headers headers) {
        Response.Builder response = Response.builder(HttpStatus.NO_CONTENT).header("Allow", ALLOWED_METHODS);
        if (site.cors() && headers.contains("Origin") && headers.contains("Access-Control-Request-Method")) {
            response.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
            headers.first("Access-Control-Request-Headers")
                    .ifPresent(requested -> response.header("Access-Control-Allow-Headers", requested));
            response.header("Access-Control-Max-Age", "86400");
        }
        return response.build();
    }

    /** RFC 9110 §15.4.2; the Location is built from the normalized path, never echoed from the request. */
    private static Response redirect(String location, String query) {
        String withQuery = query.isEmpty() ? location : location + "?" + query;
        return ErrorPages.of(HttpStatus.MOVED_PERMANENTLY).withHeader("Location", withQuery);
    }

    private Response serveFile(Headers headers, Resolution.File file, Why why) {
        try {
            return files.respond(headers, file, why);
        } catch (NoSuchFileException e) {
            why.note(FileDecision.NOTHING_SERVABLE, file.path().getFileName().toString());
            return notFound(headers, why); // gone since it was resolved
        }
    }

    /**
     * A listing, HTML or JSON as Accept chooses ({@link ListingFormat}), with an entity tag made from its own
     * bytes: names, sizes and times are all in it, so the tag changes exactly when what a client would show
     * does, each form has its own, and a revalidation that matches is a 304 (RFC 9110 §8.8.3, §13.1.2).
     */
    private Response listDirectory(Headers headers, Path directory, Why why) {
        try {
            ListingFormat format = ListingFormat.chosenBy(headers);
            if (format == ListingFormat.JSON) {
                why.note(FileDecision.LISTING_JSON);
            }
            byte[] page = format == ListingFormat.JSON ? jsonListing.render(directory) : listing.render(directory);
            String etag = DirectoryListing.etagOf(page);
            switch (Preconditions.evaluate(headers, etag, null)) {
                case NOT_MODIFIED -> {
                    why.note(FileDecision.NOT_MODIFIED_ETAG, etag);
                    return Response.builder(HttpStatus.NOT_MODIFIED).header("ETag", etag)
                            .header("Cache-Control", "no-cache").header("Vary", "Accept").build();
                }
                case PRECONDITION_FAILED -> {
                    return ErrorPages.of(HttpStatus.PRECONDITION_FAILED);
                }
                case PROCEED -> { }
            }
            return Response.builder(HttpStatus.OK)
                    .header("Content-Type", format.contentType)
                    .header("ETag", etag)
                    .header("Cache-Control", "no-cache")
                    .header("Vary", "Accept")
                    .body(new Body.Bytes(page))
                    .build();
        } catch (AccessDeniedException e) {
            return ErrorPages.of(HttpStatus.FORBIDDEN);
        } catch (NoSuchFileException e) {
            return notFound(headers, why);
        } catch (IOException e) {
            log.error("cannot list {}: {}", directory, e.toString());
            return ErrorPages.of(HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }

    /** A folder as a ZIP ({@link FolderDownload}); one that cannot be listed is answered as its listing would be. */
    private Response downloadFolder(Headers headers, Path directory, Why why) {
        try {
            return download.respond(directory);
        } catch (AccessDeniedException e) {
            return ErrorPages.of(HttpStatus.FORBIDDEN);
        } catch (NoSuchFileException e) {
            return notFound(headers, why);
        } catch (IOException e) {
            log.error("cannot zip {}: {}", directory, e.toString());
            return ErrorPages.of(HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }

    /**
     * A 404, with the root's own 404.html as its body when there is one (the status stays 404). With
     * {@code --spa}, a browser navigation (Accept: text/html) gets /index.html instead, but a missing
     * script or image stays a real 404.
     */
    private Response notFound(Headers headers, Why why) {
        try {
            if (site.spa() && acceptsHtml(headers) && resolver.resolve(INDEX_PAGE) instanceof Resolution.File index) {
                why.note(FileDecision.SPA_FALLBACK);
                return serveFile(headers, index, why);
            }
            if (resolver.resolve(NOT_FOUND_PAGE) instanceof Resolution.File page) {
                why.note(FileDecision.CUSTOM_404);
                return files.notFoundPage(page, headers);
            }
        } catch (HttpException | IOException e) {
            log.debug("custom 404 page unavailable: {}", e.toString());
        }
        return ErrorPages.of(HttpStatus.NOT_FOUND);
    }

    private static boolean acceptsHtml(Headers headers) {
        for (String value : headers.all("Accept")) {
            for (String element : value.split(",")) {
                if (QualityValues.valueOf(element).equals("text/html") && QualityValues.weightOf(element) > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
