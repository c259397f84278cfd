package httpd.cli;

import httpd.embed.Httpd;
import java.util.Optional;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/** The upload flags, a picocli mixin: the settings file knows them by the same names ({@code upload=true}). */
final class UploadFlags {
    @Option(names = "--upload", defaultValue = "false",
            description = "Let clients send files: a drop zone on listing pages, and PUT (curl -T). Never"
                    + " overwrites, never leaves a partial file.")
    boolean upload;

    @Option(names = "--upload-overwrite", defaultValue = "false",
            description = "Let a PUT replace an existing file (else 409 Conflict).")
    boolean uploadOverwrite;

    @Option(names = "--max-upload", defaultValue = "1G", paramLabel = "SIZE",
            description = "The largest upload taken, e.g. 500M or 2G; larger ones get 413 (default: ${DEFAULT-VALUE}).")
    String maxUpload;

    /**
     * Checks the flags and sets them on the server's settings.
     *
     * @param from where a bad value came from, as {@code HttpdCommand} names it (the settings file, or nothing)
     */
    void applyTo(Httpd httpd, UnaryOperator<String> from) throws UsageError {
        long maxBytes = ByteSize.parse(maxUpload);
        if (maxBytes < 1) {
            throw new UsageError(from.apply("max-upload") + "max-upload must be a size such as 500M or 2G, not '"
                    + maxUpload + "'");
        }
        if (uploadOverwrite && !upload) {
            throw new UsageError("--upload-overwrite needs --upload");
        }
        httpd.upload(upload).uploadOverwrite(uploadOverwrite).maxUpload(maxBytes);
    }

    /** The banner's line about uploads, when they are on. */
    Optional<String> note() {
        return upload ? Optional.of("uploads on: listing pages take files, and PUT (curl -T FILE URL); up to "
                + maxUpload + " each, never overwriting"
                + (uploadOverwrite ? " unless a PUT asks to (--upload-overwrite)" : "")) : Optional.empty();
    }
}
