package httpd.cli;

import httpd.embed.Httpd;
import picocli.CommandLine.IVersionProvider;

/** The project version, as Maven wrote it into {@code httpd/version.properties} at build time. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"httpd " + version()};
    }

    public static String version() {
        return Httpd.version();
    }
}
