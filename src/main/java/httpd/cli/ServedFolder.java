package httpd.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder to serve, and how it was chosen: named (as {@code DIR}, {@code --root} or in the settings file),
 * else {@code ./www} when the working directory has one (the repository's demo site), else the working
 * directory itself, as every other static server does.
 */
record ServedFolder(Path path, Choice choice) {
    /** How the folder was chosen, and what the banner says about it. */
    enum Choice {
        NAMED(""),
        WWW_FOUND("no folder named, so ./www (it exists here); serve another with: httpd DIR"),
        WORKING_DIRECTORY("no folder named and no ./www here, so the current folder; serve another with: httpd DIR");

        private final String bannerNote;

        Choice(String bannerNote) {
            this.bannerNote = bannerNote;
        }

        /** The banner's line saying why this folder, empty when it was named. */
        String bannerNote() {
            return bannerNote;
        }
    }

    /**
     * @param named            the folder given as DIR, --root or a setting, or null
     * @param workingDirectory where relative names start ({@code Path.of("")} in httpd itself)
     */
    static ServedFolder choose(Path named, Path workingDirectory) {
        if (named != null) {
            return new ServedFolder(workingDirectory.resolve(named), Choice.NAMED);
        }
        Path www = workingDirectory.resolve("www");
        if (Files.isDirectory(www)) {
            return new ServedFolder(www, Choice.WWW_FOUND);
        }
        return new ServedFolder(workingDirectory, Choice.WORKING_DIRECTORY);
    }
}
