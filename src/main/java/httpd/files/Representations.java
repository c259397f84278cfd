package httpd.files;

import httpd.http.HeaderField;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Each file's {@link Representation}, remembered while the file is unchanged: its ETag and Last-Modified
 * text are then formatted once, not on every request. A stat on each request still decides whether the
 * remembered one holds, so an edit shows at once.
 */
final class Representations {
    /** Enough for any site previewed or shared from a laptop; beyond it, the memory starts over. */
    private static final int MAX_REMEMBERED = 4096;

    private final ConcurrentHashMap<Path, Representation> recent = new ConcurrentHashMap<>();
    private final Function<Representation, List<HeaderField>> headersFor200;

    /** @param headersFor200 the headers a 200 with a representation's bytes carries */
    Representations(Function<Representation, List<HeaderField>> headersFor200) {
        this.headersFor200 = headersFor200;
    }

    Representation of(Path path, BasicFileAttributes attributes, String type, String encoding, boolean hasVariants) {
        long modified = attributes.lastModifiedTime().toMillis();
        Representation known = recent.get(path);
        if (known != null && known.size() == attributes.size()
                && known.attributes().lastModifiedTime().toMillis() == modified
                && Objects.equals(known.contentEncoding(), encoding) && known.hasVariants() == hasVariants
                && known.contentType().equals(type)) {
            return known;
        }
        Representation fresh = new Representation(path, attributes,
                Instant.ofEpochMilli(modified).truncatedTo(ChronoUnit.SECONDS), type, encoding,
                Representation.etagOf(attributes.size(), modified, encoding), hasVariants);
        fresh = fresh.withHeaders(headersFor200.apply(fresh));
        if (recent.size() >= MAX_REMEMBERED) {
            recent.clear();
        }
        recent.put(path, fresh);
        return fresh;
    }
}
