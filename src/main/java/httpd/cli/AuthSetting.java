package httpd.cli;

import httpd.auth.AuthScope;
import httpd.auth.BasicAuth;
import httpd.auth.Credentials;
import httpd.http.RequestHandler;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The password httpd asks for, and where it came from. Of the three places it may be given, the one nearest to this
 * run wins: {@code --auth} typed for it, else {@value #ENVIRONMENT} in its environment, else {@code auth=} in the
 * settings file, which every run from the folder shares and which may be committed along with the site. The
 * environment keeps the password out of {@code ps} and shell history, which a typed flag is not.
 *
 * @param credentials the user-id and password every covered request must bring
 * @param scope       which requests are covered
 * @param origin      where it was given: {@code --auth}, {@value #ENVIRONMENT}, or the settings file
 */
record AuthSetting(Credentials credentials, AuthScope scope, String origin) {
    static final String ENVIRONMENT = "HTTPD_AUTH";
    static final String FLAG = "--auth";

    /**
     * @param typed       the value of a typed {@code --auth}, or null
     * @param environment the value of {@value #ENVIRONMENT}, or null; set but empty is a mistake, not "no password"
     * @param fromFile    the settings file's {@code auth}, or null
     * @throws UsageError one line naming where the bad value came from, never repeating it
     */
    static Optional<AuthSetting> choose(String typed, String environment, String fromFile, Path file,
            boolean uploadsOnly) throws UsageError {
        AuthScope scope = uploadsOnly ? AuthScope.UPLOADS : AuthScope.EVERY_REQUEST;
        if (typed != null) {
            return Optional.of(new AuthSetting(parse(typed, FLAG + ": "), scope, FLAG));
        }
        if (environment != null) {
            return Optional.of(new AuthSetting(parse(environment, ENVIRONMENT + ": "), scope, ENVIRONMENT));
        }
        if (fromFile != null) {
            return Optional.of(new AuthSetting(parse(fromFile, file + ": auth: "), scope, String.valueOf(file)));
        }
        if (uploadsOnly) {
            throw new UsageError("--auth-uploads-only needs --auth user:password (or " + ENVIRONMENT + ")");
        }
        return Optional.empty();
    }

    private static Credentials parse(String text, String where) throws UsageError {
        try {
            return Credentials.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError(where + e.getMessage());
        }
    }

    /**
     * The site behind the password check, which must be the outermost handler to cover every path. Plain http://
     * requests to a TLS port never reach it: they get a redirect to https, or the CA pages, whose certificate is
     * public; asking for the password there would have browsers send it in clear.
     *
     * @param cors whether cross-origin requests are allowed, and with them preflights without a password
     */
    RequestHandler wrap(RequestHandler site, boolean cors) {
        return new BasicAuth(credentials, scope, cors, site);
    }

    /** The banner's line: what needs the password, whose it is, from where; never the password. */
    String bannerNote() {
        String hint = origin.equals(FLAG)
                ? "; " + ENVIRONMENT + "=user:password keeps it out of ps and shell history" : "";
        return "password required for " + scope.requests() + " (user " + credentials.user() + ", from " + origin
                + hint + ")";
    }
}
