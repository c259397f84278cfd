package httpd.files;

import httpd.http.AcceptEncoding;
import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.Headers;
import httpd.http.HttpStatus;
import httpd.http.Response;
import httpd.http.Why;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answer for a file the path resolved to, top to bottom: which representation is sent (the file, or a
 * precompressed sibling the client accepts), what is known of its version ({@link FileVersionCache}), the
 * conditions (304, 412), the body (the bytes in memory, or the file opened by the same walk from the root),
 * and the range (206, 416).
 */
final class FileResponses {
    private static final Logger log = LoggerFactory.getLogger(FileResponses.class);

    /**
     * The entry chosen for a request, whether another coding of the file exists (then responses say Vary),
     * and whether the entry is the file gzip-encoded on the fly rather than a file as it is.
     */
    private record Choice(FileVersionCache.Entry entry, boolean vary, boolean onTheFly, boolean kept) {
        Choice(FileVersionCache.Entry entry, boolean vary) {
            this(entry, vary, false, false);
        }
    }

    private final PathResolver resolver;
    private final MimeTypes mimeTypes;
    private final FileVersionCache versions;
    private final String cacheControl;
    private final boolean compress;

    FileResponses(PathResolver resolver, MimeTypes mimeTypes, FileVersionCache versions, String cacheControl,
            boolean compress) {
        this.resolver = resolver;
        this.mimeTypes = mimeTypes;
        this.versions = versions;
        this.cacheControl = cacheControl;
        this.compress = compress;
    }

    /**
     * 200, 206, 304, 412 or 416 for the file, 403 or 500 when it cannot be read.
     *
     * @throws NoSuchFileException when the file is no longer there as it was resolved: then it is a 404
     */
    Response respond(Headers headers, Resolution.File file, Why why) throws NoSuchFileException {
        Choice choice = choose(file, headers, why);
        Representation representation = choice.entry().representation();
        if (choice.onTheFly()) {
            why.note(choice.entry().bytes() == null ? FileDecision.GZIP_STREAMED
                    : choice.kept() ? FileDecision.GZIP_CACHED : FileDecision.GZIP_ENCODED);
        } else if (representation.contentEncoding() != null) {
            why.note(FileDecision.PRECOMPRESSED, representation.file().getFileName().toString());
        }
        switch (Preconditions.evaluate(headers, representation)) {
            case NOT_MODIFIED -> {
                noteNotModified(headers, representation, why);
                return validators(Response.builder(HttpStatus.NOT_MODIFIED), representation, choice.vary()).build();
            }
            case PRECONDITION_FAILED -> {
                noteFailedPrecondition(headers, representation, why);
                return ErrorPages.of(HttpStatus.PRECONDITION_FAILED);
            }
            case PROCEED -> { }
        }
        Body content;
        try {
            content = choice.onTheFly() && choice.entry().bytes() == null
                    ? new Body.Gzipped(new Body.FileRegion(resolver.open(representation.file()), 0, representation.size()))
                    : contentOf(choice.entry());
        } catch (NoSuchFileException e) {
            throw e;
        } catch (AccessDeniedException e) {
            log.warn("cannot read {}: permission denied", representation.file());
            why.note(FileDecision.UNREADABLE, representation.file().getFileName().toString());
            return ErrorPages.of(HttpStatus.FORBIDDEN);
        } catch (IOException e) {
            log.error("cannot read {}: {}", representation.file(), e.toString());
            return ErrorPages.of(HttpStatus.INTERNAL_SERVER_ERROR);
        }
        Response ok = ok(representation, choice.vary(), content);
        Optional<String> range = headers.first("Range");
        if (range.isEmpty()) {
            return ok;
        }
        if (!Preconditions.ifRangeHolds(headers, representation)) {
            why.note(FileDecision.IF_RANGE_CHANGED);
            return ok;
        }
        Response ranged = RangeResponses.respond(ok, ByteRanges.parse(range.get(), representation.size()), representation);
        noteRange(range.get(), ranged.status(), representation, why);
        return ranged;
    }

    private static void noteNotModified(Headers headers, Representation representation, Why why) {
        if (headers.contains("If-None-Match")) {
            why.note(FileDecision.NOT_MODIFIED_ETAG, representation.etag());
        } else {
            why.note(FileDecision.NOT_MODIFIED_DATE);
        }
    }

    private static void noteFailedPrecondition(Headers headers, Representation representation, Why why) {
        if (headers.contains("If-Match")) {
            why.note(FileDecision.IF_MATCH_FAILED, representation.etag());
        } else {
            why.note(FileDecision.MODIFIED_SINCE);
        }
    }

    private static void noteRange(String range, HttpStatus status, Representation representation, Why why) {
        switch (status) {
            case PARTIAL_CONTENT -> why.note(FileDecision.RANGE, range);
            case RANGE_NOT_SATISFIABLE -> why.note(FileDecision.RANGE_NOT_SATISFIABLE, range,
                    Long.toString(representation.size()));
            default -> why.note(FileDecision.RANGE_IGNORED, range);
        }
    }

    /**
     * A 404 whose body is this page (the root's 404.html); the status stays 404. A page of 1 KiB or more goes
     * gzip-encoded to a client that prefers it, like any other page.
     */
    Response notFoundPage(Resolution.File page, Headers headers) throws IOException {
        Response.Builder response = Response.builder(HttpStatus.NOT_FOUND).header("Content-Type", ErrorPages.HTML_TYPE);
        FileVersionCache.Entry identity = known(page, page.path(), null);
        if (!compress || !OnTheFly.worthIt(ErrorPages.HTML_TYPE, identity.representation().size())) {
            return response.body(contentOf(identity)).build();
        }
        response.header("Vary", "Accept-Encoding");
        Optional<String> acceptEncoding = headers.first("Accept-Encoding");
        FileVersionCache.Entry gzipped = acceptEncoding.isPresent()
                && AcceptEncoding.prefers(acceptEncoding.get(), OnTheFly.CODING) ? gzipped(identity) : null;
        if (gzipped == null || gzipped.bytes() == null) {
            return response.body(contentOf(identity)).build();
        }
        return response.header("Content-Encoding", OnTheFly.CODING).body(new Body.Buffer(gzipped.bytes())).build();
    }

    /**
     * The file as it will be sent: a precompressed {@code .br} or {@code .gz} sibling when the client
     * accepts that coding and the sibling is not older than the file, else the file itself.
     */
    private Choice choose(Resolution.File file, Headers headers, Why why) {
        Optional<String> acceptEncoding = headers.first("Accept-Encoding");
        boolean vary = false;
        if (acceptEncoding.isPresent()) {
            String name = file.path().getFileName().toString();
            for (ContentCoding coding : ContentCoding.values()) {
                if (name.endsWith(coding.suffix())) {
                    break;
                }
                Resolution.File sibling = resolver.sibling(file, coding.suffix());
                if (sibling == null || sibling.version().lastModified().compareTo(file.version().lastModified()) < 0) {
                    continue;
                }
                vary = true;
                if (coding.isAcceptedBy(acceptEncoding.get())) {
                    return new Choice(known(sibling, file.path(), coding.token()), true);
                }
            }
        }
        FileVersionCache.Entry identity = known(file, file.path(), null);
        Representation representation = identity.representation();
        if (!compress || !OnTheFly.worthIt(file.path().getFileName().toString(), representation.contentType(),
                representation.size())) {
            return new Choice(identity, vary);
        }
        if (acceptEncoding.isEmpty() || !AcceptEncoding.prefers(acceptEncoding.get(), OnTheFly.CODING)) {
            return new Choice(identity, true);
        }
        if (headers.contains("Range")) {
            why.note(FileDecision.GZIP_NOT_FOR_RANGES);
            return new Choice(identity, true);
        }
        FileVersionCache.Entry kept = versions.find(representation.file(), representation.version(), OnTheFly.CODING);
        if (kept != null) {
            return new Choice(kept, true, true, true);
        }
        FileVersionCache.Entry gzipped = gzipped(identity);
        return gzipped == null ? new Choice(identity, true) : new Choice(gzipped, true, true, false);
    }

    /**
     * The file gzip-encoded: for a file up to {@link OnTheFly#WHOLE_BYTES}, its encoded bytes, made once per
     * version (kept once it has settled); for a larger one, an entry without bytes, encoded as it is sent. Null when the file is no longer
     * the version resolved, or cannot be read: then it goes as it is, and that answer tells what is wrong.
     */
    private FileVersionCache.Entry gzipped(FileVersionCache.Entry identity) {
        Representation plain = identity.representation();
        FileVersionCache.Entry kept = versions.find(plain.file(), plain.version(), OnTheFly.CODING);
        if (kept != null) {
            return kept;
        }
        Representation encoded = Representation.of(plain.file(), plain.version(), plain.contentType(), OnTheFly.CODING);
        if (plain.size() > OnTheFly.WHOLE_BYTES) {
            return new FileVersionCache.Entry(encoded, null);
        }
        try {
            ByteBuffer bytes = identity.bytes() != null ? identity.bytes() : readWhole(plain);
            if (bytes == null) {
                return null;
            }
            FileVersionCache.Entry made = new FileVersionCache.Entry(encoded, OnTheFly.gzip(bytes));
            versions.keep(made);
            return made;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * What is known of this version of the file, sent in this coding: from the cache, or made now.
     *
     * @param original the file asked for, whose name gives the Content-Type
     */
    private FileVersionCache.Entry known(Resolution.File file, Path original, String coding) {
        FileVersionCache.Entry kept = versions.find(file.path(), file.version(), coding);
        if (kept != null) {
            return kept;
        }
        Representation representation = Representation.of(file.path(), file.version(),
                mimeTypes.typeOf(original.getFileName().toString()), coding);
        FileVersionCache.Entry made = new FileVersionCache.Entry(representation, null);
        versions.keep(made);
        return made;
    }

    /** The bytes to send: kept in memory for a small file, else streamed from the file, opened now. */
    private Body contentOf(FileVersionCache.Entry entry) throws IOException {
        if (entry.bytes() != null) {
            return new Body.Buffer(entry.bytes());
        }
        Representation representation = entry.representation();
        if (versions.keepsBytesOf(representation.version())) {
            ByteBuffer bytes = readWhole(representation);
            if (bytes != null) {
                versions.keep(new FileVersionCache.Entry(representation, bytes));
                return new Body.Buffer(bytes);
            }
        }
        return new Body.FileRegion(resolver.open(representation.file()), 0, representation.size());
    }

    /**
     * A small file's bytes, or null when what was read may be another version than the one resolved: the
     * opened file must have its size, and the walk must still arrive at that version after the read.
     */
    private ByteBuffer readWhole(Representation representation) throws IOException {
        int size = (int) representation.size();
        ByteBuffer bytes = ByteBuffer.allocateDirect(size);
        try (FileChannel channel = resolver.open(representation.file())) {
            if (channel.size() != size) {
                return null;
            }
            while (bytes.hasRemaining()) {
                if (channel.read(bytes) < 0) {
                    return null;
                }
            }
        }
        boolean stillThatVersion = representation.version().equals(resolver.versionOf(representation.file()));
        return stillThatVersion ? bytes.flip().asReadOnlyBuffer() : null;
    }

    /** The 200 with the whole of these bytes, and what it says about them. */
    private Response ok(Representation representation, boolean vary, Body content) {
        Response.Builder response = Response.builder(HttpStatus.OK).header("Content-Type", representation.contentType());
        if (representation.contentEncoding() != null) {
            response.header("Content-Encoding", representation.contentEncoding());
        }
        return validators(response.header("Accept-Ranges", "bytes"), representation, vary).body(content).build();
    }

    /** The headers that identify this version of the file, sent with 200, 206 and 304 alike. */
    private Response.Builder validators(Response.Builder response, Representation representation, boolean vary) {
        response.header("Last-Modified", representation.lastModifiedText())
                .header("ETag", representation.etag())
                .header("Cache-Control", cacheControl);
        if (vary) {
            response.header("Vary", "Accept-Encoding");
        }
        return response;
    }
}
