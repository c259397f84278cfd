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
    private final Function<Path, String> typeOf;
    private final Function<Representation, List<HeaderField>> headersFor200;

    /**
     * @param typeOf        the Content-Type of a file, from its name
     * @param headersFor200 the headers a 200 with a representation's bytes carries
     */
    Representations(Function<Path, String> typeOf, Function<Representation, List<HeaderField>> headersFor200) {
        this.typeOf = typeOf;
        this.headersFor200 = headersFor200;
    }

    /**
     * @param path     the file whose bytes are sent (a {@code .gz} or {@code .br} sibling, or the file itself)
     * @param original the file the client asked for, whose name gives the Content-Type
     */
    Representation of(Path path, Path original, BasicFileAttributes attributes, String encoding,
            boolean hasVariants) {
        Representation known = recent.get(path);
        boolean sameCoding = known != null && Objects.equals(known.contentEncoding(), encoding)
                && known.hasVariants() == hasVariants;
        if (sameCoding && known.attributes() == attributes) {
            return known; // built from this very stat (see PathResolver): nothing to compare
        }
        long modified = attributes.lastModifiedTime().toMillis();
        if (sameCoding && known.size() == attributes.size()
                && known.attributes().lastModifiedTime().toMillis() == modified) {
            // the same version, seen through another stat (requests racing on a first visit): keep this one,
            // which PathResolver hands out from now on
            Representation same = known.withAttributes(attributes);
            recent.put(path, same);
            return same;
        }
        Representation fresh = new Representation(path, attributes,
                Instant.ofEpochMilli(modified).truncatedTo(ChronoUnit.SECONDS), typeOf.apply(original), encoding,
                Representation.etagOf(attributes.size(), modified, encoding), hasVariants);
        fresh = fresh.withHeaders(headersFor200.apply(fresh));
        if (recent.size() >= MAX_REMEMBERED) {
            recent.clear();
        }
        recent.put(path, fresh);
        return fresh;
    }
}
