package httpd.upload;

import httpd.files.RequestPath;
import httpd.files.UploadFolders;
import httpd.http.Body;
import httpd.http.ErrorPages;
import httpd.http.HeaderField;
import httpd.http.HttpException;
import httpd.http.HttpStatus;
import httpd.http.RequestBody;
import httpd.http.RequestBodyException;
import httpd.http.RequestContext;
import httpd.http.RequestHandler;
import httpd.http.RequestHead;
import httpd.http.RequestTarget;
import httpd.http.Response;
import httpd.http.Why;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes files into the served folder, in front of the handler that serves them: {@code PUT /folder/name} with
 * the file as the body ({@code curl -T}), and a {@code multipart/form-data} POST to a folder (a listing page's
 * form or drop zone). Everything else goes on to the next handler.
 *
 * <p>What is refused is refused from the request head when it can be, before a byte of the body is read (and so
 * before a {@code 100 Continue}): a name that is no file name, a folder that is not served, a PUT onto an
 * existing file, a Content-Length over the cap or over the disk's free space. The body then streams to disk
 * through {@link FileSaver}, so that a file appears whole or not at all.
 */
public final class UploadHandler implements RequestHandler {
    /** RFC 9110 §10.2.1: with uploads on, a 405 and an OPTIONS answer list PUT and POST too. */
    public static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS, PUT, POST";
    private static final Logger log = LoggerFactory.getLogger(UploadHandler.class);
    /** A failed write with less free space than this is a full disk, whatever language the system's error is in. */
    private static final long DISK_FULL_BELOW = 1024 * 1024;
    /** The most files one form may carry: each costs an fsync and a line of the answer. */
    static final int MAX_FILES_PER_FORM = 1000;

    private final RequestHandler next;
    private final UploadOptions options;
    private final UploadFolders folders;
    private final boolean dotfiles;
    private final FileSaver saver;

    /**
     * @param next     what answers everything that is not an upload
     * @param folders  where uploads may land: the served folders
     * @param dotfiles whether names starting with a dot are served, and so may be uploaded
     */
    public UploadHandler(RequestHandler next, UploadOptions options, UploadFolders folders, boolean dotfiles) {
        this(next, options, folders, dotfiles, FileSaver.Channels.DISK);
    }

    UploadHandler(RequestHandler next, UploadOptions options, UploadFolders folders, boolean dotfiles,
            FileSaver.Channels channels) {
        this.next = next;
        this.options = options;
        this.folders = folders;
        this.dotfiles = dotfiles;
        this.saver = new FileSaver(channels);
    }

    @Override
    public Response handle(RequestHead request) {
        return handle(request, RequestContext.NONE);
    }

    @Override
    public Response handle(RequestHead request, RequestContext context) {
        try {
            return switch (request.method()) {
                case "PUT" -> put(request, context);
                case "POST" -> post(request, context);
                default -> withUploadMethods(next.handle(request, context));
            };
        } catch (HttpException e) {
            return ErrorPages.of(e.status(), e.getMessage());
        }
    }

    /** PUT /folder/name: the body is the file, saved under exactly that name (RFC 9110 §9.3.4). */
    private Response put(RequestHead request, RequestContext context) throws HttpException {
        Why why = context.why();
        RequestPath path = decode(request);
        if (path.directory() || path.segments().isEmpty()) {
            why.note(UploadDecision.NOT_A_FILE_NAME, request.target());
            return ErrorPages.of(HttpStatus.METHOD_NOT_ALLOWED, "PUT names a file, not a folder")
                    .withHeader("Allow", "GET, HEAD, OPTIONS, POST");
        }
        List<String> parents = path.segments().subList(0, path.segments().size() - 1);
        String name = checkedName(path.segments().get(path.segments().size() - 1), why);
        Path folder = folderOrRefusal(parents, why);
        if (Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)
                && (!options.overwrite() || !Files.isRegularFile(folder.resolve(name), LinkOption.NOFOLLOW_LINKS))) {
            why.note(UploadDecision.EXISTS, name);
            throw new HttpException(HttpStatus.CONFLICT, name + " exists, and uploads never overwrite it");
        }
        refuseBeforeReading(context.body(), folder, why);
        try {
            FileSaver.Saved saved = saver.saveAs(folder, name, capped(context.body()), options.overwrite());
            String location = folders.pathOf(folder, saved.name());
            log.info("upload from {}: {} ({} bytes){}", context.client() == null ? "-" : context.client().getHostAddress(),
                    location, saved.bytes(), saved.replaced() ? ", replacing the file" : "");
            if (saved.replaced()) {
                why.note(UploadDecision.PUT_REPLACED, location, Long.toString(saved.bytes()));
                return text(HttpStatus.OK, "replaced " + location + " (" + saved.bytes() + " bytes)\n").build();
            }
            why.note(UploadDecision.PUT_SAVED, location, Long.toString(saved.bytes()));
            return text(HttpStatus.CREATED, "saved " + location + " (" + saved.bytes() + " bytes)\n")
                    .header("Location", location).build();
        } catch (FileAlreadyExistsException e) {
            why.note(UploadDecision.EXISTS, name);
            return ErrorPages.of(HttpStatus.CONFLICT, name + " exists, and uploads never overwrite it");
        } catch (IOException e) {
            return failure(e, request, why);
        }
    }

    /** A multipart/form-data POST to a folder: each file in it saved beside the others (RFC 7578). */
    private Response post(RequestHead request, RequestContext context) throws HttpException {
        Why why = context.why();
        RequestPath path = decode(request);
        if (!path.directory()) {
            return withUploadMethods(next.handle(request, context)); // not an upload: a POST to a file is a 405
        }
        Optional<Path> folder = Optional.of(folderOrRefusal(path.segments(), why));
        String boundary = PartHead.boundaryOf(request.headers().first("Content-Type").orElse(null));
        if (boundary == null) {
            why.note(UploadDecision.NOT_MULTIPART);
            throw new HttpException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "a form upload is multipart/form-data");
        }
        refuseBeforeReading(context.body(), folder.get(), why);
        String listing = folders.pathOf(folder.get(), "");
        List<String> saved = new ArrayList<>();
        try {
            MultipartReader reader = new MultipartReader(capped(context.body()), boundary);
            for (MultipartReader.Part part = reader.next(); part != null; part = reader.next()) {
                if (part.fileName() == null || part.fileName().isEmpty()) {
                    continue; // a form field, or a file input with no file chosen
                }
                if (saved.size() == MAX_FILES_PER_FORM) {
                    throw new HttpException(HttpStatus.CONTENT_TOO_LARGE, "more than " + MAX_FILES_PER_FORM
                            + " files in one form; the first " + MAX_FILES_PER_FORM + " were saved");
                }
                String name = checkedName(part.fileName(), why);
                FileSaver.Saved file = saver.saveBesideOthers(folder.get(), name, part.content());
                if (!file.name().equals(name)) {
                    why.note(UploadDecision.NUMBERED, name, file.name());
                }
                log.info("upload from {}: {} ({} bytes)", context.client() == null ? "-"
                        : context.client().getHostAddress(), folders.pathOf(folder.get(), file.name()), file.bytes());
                saved.add(file.name() + " (" + file.bytes() + " bytes)");
            }
        } catch (IOException e) {
            return failure(e, request, why);
        }
        if (saved.isEmpty()) {
            why.note(UploadDecision.NO_FILE);
        } else {
            why.note(UploadDecision.FORM_SAVED, listing, String.join(", ", saved));
        }
        return text(HttpStatus.SEE_OTHER, saved.isEmpty() ? "no file in the form\n"
                : "saved " + String.join(", ", saved) + "\n").header("Location", listing).build();
    }

    private static RequestPath decode(RequestHead request) throws HttpException {
        RequestTarget target = RequestTarget.parse(request.target());
        if (target.isAsterisk()) {
            throw new HttpException(HttpStatus.BAD_REQUEST, "* is only for OPTIONS");
        }
        return RequestPath.decode(target.path()).orElseThrow(() -> new HttpException(HttpStatus.BAD_REQUEST,
                "the path climbs above the root or hides a separator in a name"));
    }

    /** The name as it is saved (NFC), or a 400 saying what is wrong with it. */
    private String checkedName(String raw, Why why) throws HttpException {
        String name = UploadName.normalized(raw);
        Optional<String> problem = UploadName.problem(name, dotfiles).or(() -> UploadName.problemHere(name));
        if (problem.isPresent()) {
            why.note(UploadDecision.BAD_NAME, problem.get());
            throw new HttpException(HttpStatus.BAD_REQUEST, problem.get());
        }
        return name;
    }

    private Path folderOrRefusal(List<String> segments, Why why) throws HttpException {
        Optional<Path> folder = folders.folder(segments);
        if (folder.isEmpty()) {
            String shown = "/" + String.join("/", segments) + (segments.isEmpty() ? "" : "/");
            why.note(UploadDecision.NO_FOLDER, shown);
            throw new HttpException(HttpStatus.CONFLICT, "no folder " + shown + " to save into");
        }
        return folder.get();
    }

    /** 413 and 507 from the head alone, so that a client told to wait (100-continue) sends nothing in vain. */
    private void refuseBeforeReading(RequestBody body, Path folder, Why why) throws HttpException {
        long declared = body.declaredLength();
        if (declared > options.maxBytes()) {
            why.note(UploadDecision.TOO_LARGE, Long.toString(declared), Long.toString(options.maxBytes()));
            throw new HttpException(HttpStatus.CONTENT_TOO_LARGE,
                    "the upload is larger than the server takes (" + options.maxBytes() + " bytes)");
        }
        if (declared > 0 && declared > usableSpace(folder)) {
            why.note(UploadDecision.NO_SPACE, Long.toString(declared));
            throw new HttpException(HttpStatus.INSUFFICIENT_STORAGE, "not enough free space on the server's disk");
        }
    }

    private static long usableSpace(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE; // unknown: the write itself will tell
        }
    }

    private InputStream capped(RequestBody body) throws IOException {
        return new CappedInput(body.open(), options.maxBytes());
    }

    /** An upload that did not complete: nothing of it was kept; the answer says whose fault it was. */
    private Response failure(IOException e, RequestHead request, Why why) {
        if (e instanceof RequestBodyException bad) {
            if (bad.status() == HttpStatus.CONTENT_TOO_LARGE) {
                why.note(UploadDecision.TOO_LARGE_MIDWAY, Long.toString(options.maxBytes()));
            } else {
                why.note(UploadDecision.BODY_BROKEN, bad.getMessage(), Integer.toString(bad.status().code()));
            }
            log.info("upload {} refused: {}", request.target(), bad.getMessage());
            return ErrorPages.of(bad.status(), bad.getMessage());
        }
        if (e instanceof FileSaver.WriteFailed failed) {
            if (failed.diskFull() || usableSpace(failed.folder()) < DISK_FULL_BELOW) {
                why.note(UploadDecision.DISK_FULL);
                log.warn("upload {} failed, the disk is full: nothing kept", request.target());
                return ErrorPages.of(HttpStatus.INSUFFICIENT_STORAGE, "the server's disk is full");
            }
            if (failed.getCause() instanceof AccessDeniedException) {
                log.warn("upload {} failed: the server may not write there", request.target());
                return ErrorPages.of(HttpStatus.FORBIDDEN, "the server may not write in this folder");
            }
            log.error("upload {} failed: {}", request.target(), failed.getMessage());
            return ErrorPages.of(HttpStatus.INTERNAL_SERVER_ERROR);
        }
        if (e instanceof AccessDeniedException) {
            return ErrorPages.of(HttpStatus.FORBIDDEN, "the server may not write in this folder");
        }
        if (e instanceof FileAlreadyExistsException) {
            return ErrorPages.of(HttpStatus.CONFLICT, "every numbered form of that name is taken");
        }
        if (e instanceof NoSuchFileException) {
            return ErrorPages.of(HttpStatus.CONFLICT, "the folder is gone");
        }
        // the client's side failed is a RequestBodyException (ConnectionBody): this is the server's
        log.error("upload {} failed: {}", request.target(), e.toString());
        return ErrorPages.of(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static Response.Builder text(HttpStatus status, String text) {
        return Response.builder(status).header("Content-Type", "text/plain; charset=utf-8")
                .body(new Body.Bytes(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The next handler's answer, its Allow (405, OPTIONS) saying that PUT and POST are taken too. */
    private static Response withUploadMethods(Response response) {
        if (response.header("Allow") == null) {
            return response;
        }
        List<HeaderField> fields = new ArrayList<>();
        for (HeaderField field : response.headers()) {
            boolean methods = field.hasName("Allow") || field.hasName("Access-Control-Allow-Methods");
            fields.add(methods ? new HeaderField(field.name(), ALLOWED_METHODS) : field);
        }
        return new Response(response.status(), fields, response.body());
    }
}
