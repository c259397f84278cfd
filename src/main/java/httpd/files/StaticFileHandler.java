package httpd.files;

import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.HeaderField;
import httpd.http.Headers;
import httpd.http.HttpException;
import httpd.http.HttpMethod;
import httpd.http.HttpStatus;
import httpd.http.QualityValues;
import httpd.http.RequestHandler;
import httpd.http.RequestHead;
import httpd.http.RequestTarget;
import httpd.http.Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers GET and HEAD with files from the document root. Read top to bottom it is the decision a static
 * server makes: method, target, path, directory, conditions, range, then the file itself.
 */
public final class StaticFileHandler implements RequestHandler {
    /** RFC 9110 §10.2.1: what a 405 and an OPTIONS answer list as allowed. */
    public static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    private static final String NOT_FOUND_PAGE = "/404.html";
    private static final String INDEX_PAGE = "/index.html";
    private static final Logger log = LoggerFactory.getLogger(StaticFileHandler.class);

    private final PathResolver resolver;
    private final MimeTypes mimeTypes;
    private final SiteOptions options;
    private final DirectoryListing listing;
    private final RangeResponses ranges;
    private final FileContentCache cache;
    /** Every 404 would cost a stat for a 404.html that is not there; its absence is believed for a second. */
    private static final long MISSING_PAGE_RECHECK_NANOS = 1_000_000_000L;
    private final LongSupplier nanoTime;
    /** When a 404.html was last found missing, or null while none was. */
    private volatile Long notFoundPageMissingSince;
    private final Representations representations = new Representations(this::typeOf, this::headersFor200);

    public StaticFileHandler(PathResolver resolver, MimeTypes mimeTypes, SiteOptions options, boolean showDotfiles,
            ZoneId zone) {
        this(resolver, mimeTypes, options, showDotfiles, zone, System::nanoTime);
    }

    /** @param nanoTime the clock that times how long a missing 404.html is believed missing */
    StaticFileHandler(PathResolver resolver, MimeTypes mimeTypes, SiteOptions options, boolean showDotfiles,
            ZoneId zone, LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.resolver = resolver;
        this.cache = FileContentCache.forThisJvm(resolver::open);
        this.mimeTypes = mimeTypes;
        this.options = options;
        this.listing = new DirectoryListing(resolver, mimeTypes::typeOf, zone);
        this.ranges = new RangeResponses();
    }

    @Override
    public Response handle(RequestHead request) {
        try {
            return answer(request);
        } catch (HttpException e) {
            return ErrorPages.of(e.status(), e.getMessage());
        }
    }

    private Response answer(RequestHead request) throws HttpException {
        HttpMethod method = HttpMethod.byName(request.method())
                .orElseThrow(() -> new HttpException(HttpStatus.NOT_IMPLEMENTED, "unknown method"));
        RequestTarget target = RequestTarget.parse(request.target());
        if (method == HttpMethod.OPTIONS) {
            return options(request.headers());
        }
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return ErrorPages.of(HttpStatus.METHOD_NOT_ALLOWED).withHeader("Allow", ALLOWED_METHODS);
        }
        if (target.isAsterisk()) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "* is only for OPTIONS");
        }
        boolean withBody = method == HttpMethod.GET;
        Resolution resolution = resolver.resolve(target.path());
        if (resolution instanceof Resolution.Redirect redirect) {
            return redirect(redirect.location(), target.query());
        }
        if (resolution instanceof Resolution.File file) {
            return serveFile(request.headers(), file, withBody);
        }
        if (resolution instanceof Resolution.Directory directory && options.listing()) {
            return listDirectory(request.headers(), directory.path(), withBody);
        }
        return notFound(request.headers(), withBody);
    }

    /** OPTIONS: 204 with Allow; a CORS preflight also learns what it may do (Fetch standard, §3.2.3). */
    private Response options(Headers headers) {
        Response.Builder response = Response.builder(HttpStatus.NO_CONTENT).header("Allow", ALLOWED_METHODS);
        if (options.cors() && headers.contains("Origin") && headers.contains("Access-Control-Request-Method")) {
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

    private Response serveFile(Headers headers, Resolution.File file, boolean withBody) {
        Representation representation = representationOf(file, headers.first("Accept-Encoding"));
        switch (Preconditions.evaluate(headers, representation)) {
            case NOT_MODIFIED -> {
                return validators(Response.builder(HttpStatus.NOT_MODIFIED), representation).build();
            }
            case PRECONDITION_FAILED -> {
                return ErrorPages.of(HttpStatus.PRECONDITION_FAILED);
            }
            case PROCEED -> { }
        }
        Optional<String> range = headers.first("Range");
        boolean wholeFile = range.isEmpty() || !Preconditions.ifRangeHolds(headers, representation);
        FileChannel channel = null;
        Body cached = null;
        try {
            if (withBody && wholeFile) {
                ByteBuffer bytes = cache.bytes(representation.file(), representation.attributes());
                cached = bytes == null ? null : new Body.Buffer(bytes);
            }
            if (withBody && cached == null) {
                channel = resolver.open(representation.file());
            }
        } catch (NoSuchFileException e) {
            return notFound(headers, withBody);
        } catch (AccessDeniedException e) {
            log.warn("cannot read {}: permission denied", representation.file());
            return ErrorPages.of(HttpStatus.FORBIDDEN);
        } catch (IOException e) {
            log.error("cannot read {}: {}", representation.file(), e.toString());
            return ErrorPages.of(HttpStatus.INTERNAL_SERVER_ERROR);
        }
        if (!wholeFile) {
            Response.Builder response = Response.builder(HttpStatus.OK).headers(representation.headers());
            return ranges.respond(response, ByteRanges.parse(range.get(), representation.size()), representation,
                    channel);
        }
        return new Response(HttpStatus.OK, representation.headers(),
                cached != null ? cached : new Body.FileRegion(channel, 0, representation.size()));
    }

    private String typeOf(Path file) {
        return mimeTypes.typeOf(file.getFileName().toString());
    }

    /** What a 200 says about a file; built once per version of it ({@link Representations}). */
    private List<HeaderField> headersFor200(Representation representation) {
        Response.Builder response = Response.builder(HttpStatus.OK).header("Content-Type", representation.contentType());
        if (representation.contentEncoding() != null) {
            response.header("Content-Encoding", representation.contentEncoding());
        }
        return validators(response.header("Accept-Ranges", "bytes"), representation).build().headers();
    }

    /** The headers that identify this version of the file, sent with 200, 206 and 304 alike. */
    private Response.Builder validators(Response.Builder response, Representation representation) {
        response.header("Last-Modified", representation.lastModifiedText())
                .header("ETag", representation.etag())
                .header("Cache-Control", options.cacheControl());
        if (representation.hasVariants()) {
            response.header("Vary", "Accept-Encoding");
        }
        return response;
    }

    /**
     * The file as it will be sent: a precompressed {@code .br} or {@code .gz} sibling when the client
     * accepts that coding and the sibling is not older than the file, else the file itself.
     */
    private Representation representationOf(Resolution.File file, Optional<String> acceptEncoding) {
        Path path = file.path();
        BasicFileAttributes attributes = file.attributes();
        boolean hasVariants = false;
        if (acceptEncoding.isPresent()) {
            String name = path.getFileName().toString();
            for (ContentCoding coding : ContentCoding.values()) {
                if (name.endsWith(coding.suffix())) {
                    break;
                }
                Resolution.File sibling = resolver.sibling(file, coding.suffix());
                if (sibling == null
                        || sibling.attributes().lastModifiedTime().compareTo(attributes.lastModifiedTime()) < 0) {
                    continue;
                }
                hasVariants = true;
                if (coding.isAcceptedBy(acceptEncoding.get())) {
                    return representations.of(sibling.path(), path, sibling.attributes(), coding.token(), true);
                }
            }
        }
        return representations.of(path, path, attributes, null, hasVariants);
    }

    /**
     * A listing, with an entity tag made from the page's own bytes: names, sizes and times are all on the
     * page, so the tag changes exactly when what a browser would show does, and a revalidation that
     * matches is a 304 (RFC 9110 §8.8.3, §13.1.2).
     */
    private Response listDirectory(Headers headers, Path directory, boolean withBody) {
        try {
            byte[] html = listing.render(directory);
            String etag = DirectoryListing.etagOf(html);
            switch (Preconditions.evaluate(headers, etag, null)) {
                case NOT_MODIFIED -> {
                    return Response.builder(HttpStatus.NOT_MODIFIED).header("ETag", etag)
                            .header("Cache-Control", "no-cache").build();
                }
                case PRECONDITION_FAILED -> {
                    return ErrorPages.of(HttpStatus.PRECONDITION_FAILED);
                }
                case PROCEED -> { }
            }
            return Response.builder(HttpStatus.OK)
                    .header("Content-Type", ErrorPages.HTML_TYPE)
                    .header("ETag", etag)
                    .header("Cache-Control", "no-cache")
                    .body(withBody ? new Body.Bytes(html) : new Body.FileRegion(null, 0, html.length))
                    .build();
        } catch (AccessDeniedException e) {
            return ErrorPages.of(HttpStatus.FORBIDDEN);
        } catch (NoSuchFileException e) {
            return notFound(headers, withBody);
        } catch (IOException e) {
            log.error("cannot list {}: {}", directory, e.toString());
            return ErrorPages.of(HttpStatus.INTERNAL_SERVER_ERROR);
        }
    }

    /**
     * A 404, with the root's own 404.html as its body when there is one (the status stays 404). With
     * {@code --spa}, a browser navigation (Accept: text/html) gets /index.html instead, but a missing
     * script or image stays a real 404.
     */
    private Response notFound(Headers headers, boolean withBody) {
        try {
            if (options.spa() && acceptsHtml(headers) && resolver.resolve(INDEX_PAGE) instanceof Resolution.File index) {
                return serveFile(headers, index, withBody);
            }
            if (customNotFoundPage() instanceof Resolution.File page) {
                FileChannel channel = withBody ? resolver.open(page.path()) : null;
                return Response.builder(HttpStatus.NOT_FOUND)
                        .header("Content-Type", ErrorPages.HTML_TYPE)
                        .body(new Body.FileRegion(channel, 0, channel == null ? page.attributes().size() : channel.size()))
                        .build();
            }
        } catch (HttpException | IOException e) {
            log.debug("custom 404 page unavailable: {}", e.toString());
        }
        return ErrorPages.of(HttpStatus.NOT_FOUND);
    }

    /** The root's 404.html, looked for at most once a second while there is none. */
    private Resolution customNotFoundPage() throws HttpException {
        long now = nanoTime.getAsLong();
        Long missingSince = notFoundPageMissingSince;
        if (missingSince != null && now - missingSince < MISSING_PAGE_RECHECK_NANOS) {
            return Resolution.NOT_FOUND;
        }
        Resolution page = resolver.resolve(NOT_FOUND_PAGE);
        notFoundPageMissingSince = page instanceof Resolution.File ? null : now;
        return page;
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
