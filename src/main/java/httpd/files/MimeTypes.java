package httpd.files;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Maps a file name to its Content-Type, from the table in {@code httpd/files/mime.types} on the classpath.
 * The JDK's own table is not used: JDK 17 lacks ico, mjs, wasm and woff2.
 */
public final class MimeTypes {
    public static final String DEFAULT_TYPE = "application/octet-stream";
    private static final String TABLE = "/httpd/files/mime.types";

    private final Map<String, String> typeByExtension;

    private MimeTypes(Map<String, String> typeByExtension) {
        this.typeByExtension = Map.copyOf(typeByExtension);
    }

    /** The table shipped in the jar. */
    public static MimeTypes load() {
        try (InputStream in = MimeTypes.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + TABLE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MimeTypes parse(InputStream in) throws IOException {
        Map<String, String> byExtension = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] words = trimmed.split("\\s+");
            String type = withCharset(words[0]);
            for (int i = 1; i < words.length; i++) {
                byExtension.putIfAbsent(words[i].toLowerCase(Locale.ROOT), type);
            }
        }
        return new MimeTypes(byExtension);
    }

    /** The Content-Type for a file name; {@value #DEFAULT_TYPE} when the extension is unknown. */
    public String typeOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0 || dot == fileName.length() - 1) {
            return DEFAULT_TYPE;
        }
        String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return typeByExtension.getOrDefault(extension, DEFAULT_TYPE);
    }

    public int size() {
        return typeByExtension.size();
    }

    /** Text types are sent as UTF-8, the encoding a static site is almost always written in. */
    private static String withCharset(String type) {
        boolean textual = type.startsWith("text/")
                || type.equals("application/json") || type.endsWith("+json")
                || type.equals("application/xml") || type.endsWith("+xml")
                || type.equals("application/yaml") || type.equals("application/toml")
                || type.equals("application/graphql");
        return textual ? type + "; charset=utf-8" : type;
    }
}
