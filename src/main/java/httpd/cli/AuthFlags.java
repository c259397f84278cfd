package httpd.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The password flags, a picocli mixin: the settings file knows them by the same names ({@code auth=}). */
final class AuthFlags {
    @Option(names = "--auth", paramLabel = "USER:PASSWORD",
            description = "Ask every request for this user name and password (HTTP Basic). HTTPD_AUTH=USER:PASSWORD"
                    + " in the environment keeps it out of ps and shell history; --auth wins over it, it over the"
                    + " settings file.")
    String auth;

    @Option(names = "--auth-uploads-only", defaultValue = "false",
            description = "With --auth: anyone may download; only uploads need the password (PUT, POST: every"
                    + " method but GET, HEAD and OPTIONS).")
    boolean authUploadsOnly;

    /**
     * The password, when one is given: a typed --auth, else HTTPD_AUTH, else the settings file's auth.
     *
     * @param typed        whether --auth was typed (else its value, if any, came from the settings file)
     * @param settingsFile the settings file, or null
     */
    Optional<AuthSetting> setting(boolean typed, Map<String, String> env, Path settingsFile) throws UsageError {
        return AuthSetting.choose(typed ? auth : null, env.get(AuthSetting.ENVIRONMENT), typed ? null : auth,
                settingsFile, authUploadsOnly);
    }
}
