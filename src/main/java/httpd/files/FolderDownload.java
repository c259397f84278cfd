package httpd.files;

import httpd.http.Body;
import httpd.http.ContentDisposition;
import httpd.http.HttpStatus;
import httpd.http.Response;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code GET /folder/?download=zip}: the folder as a ZIP download ({@link FolderZip}), the link every listing
 * page has. The ZIP is made as it is sent, so its length is unknown until the end (chunked on HTTP/1.1, until
 * the connection closes on HTTP/1.0) and it has no validator: no ETag, no Last-Modified, no ranges. Its name
 * is the folder's, the root's own name for the root.
 */
final class FolderDownload {
    /** The query that asks for it, as the listing's link writes it. */
    static final String QUERY = "download=zip";
    /** The name of the root's ZIP when the root has no name of its own (it is {@code /}). */
    static final String FALLBACK_NAME = "files";

    private final PathResolver resolver;
    private final FolderZip zip;

    FolderDownload(PathResolver resolver, FolderZip zip) {
        this.resolver = resolver;
        this.zip = zip;
    }

    /** Whether a request's query (still percent-encoded) asks for the ZIP: one of its {@code &} parts is the query. */
    static boolean isAskedFor(String query) {
        for (String part : query.split("&")) {
            if (part.equals(QUERY)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The answer, decided before anything is read but the folder's own names: a folder that cannot be listed
     * fails here, as its listing would (403 or 404), rather than after a 200 has gone out.
     */
    Response respond(Path directory) throws IOException {
        resolver.entries(directory);
        String name = nameOf(directory);
        return Response.builder(HttpStatus.OK)
                .header("Content-Type", "application/zip")
                .header("Content-Disposition", ContentDisposition.attachment(name + ".zip"))
                // no validator to revalidate with, and a copy of a whole folder is not worth a cache's room
                .header("Cache-Control", "no-store")
                .header("Accept-Ranges", "none") // RFC 9110 §14.3: a range of a ZIP made anew each time means nothing
                .body(new Body.Produced((out, alive) -> zip.write(directory, name, out, alive)))
                .build();
    }

    /** The folder's name, as its URL shows it; the root's own name for the root. */
    String nameOf(Path directory) {
        Path name = directory.equals(resolver.root()) ? resolver.root().getFileName() : directory.getFileName();
        return name == null ? FALLBACK_NAME : name.toString();
    }
}
