package httpd.http;

/**
 * The request-target split into its path and query (RFC 9112 §3.2), both still percent-encoded.
 * Origin-form ({@code /a/b?q}), absolute-form ({@code http://host/a/b?q}) and asterisk-form ({@code *}) are
 * accepted; authority-form is only for CONNECT, which httpd does not serve.
 *
 * @param path  starts with "/" (or is "*" for asterisk-form)
 * @param query the text after "?", without it; empty when there is none
 */
public record RequestTarget(String path, String query) {
    public static final RequestTarget ASTERISK = new RequestTarget("*", "");

    public boolean isAsterisk() {
        return "*".equals(path);
    }

    /**
     * Splits a request-target. The URI parser of the JDK is not used on purpose: it reads {@code //docs/x}
     * as a host named {@code docs}.
     */
    public static RequestTarget parse(String target) throws HttpException {
        if (target.equals("*")) {
            return ASTERISK;
        }
        if (target.startsWith("/")) {
            return splitPathAndQuery(target);
        }
        int afterScheme = schemeLength(target);
        if (afterScheme > 0) {
            int pathStart = afterScheme;
            while (pathStart < target.length() && "/?#".indexOf(target.charAt(pathStart)) < 0) {
                pathStart++;
            }
            if (pathStart == afterScheme) {
                throw new HttpException(HttpStatus.BAD_REQUEST, "absolute-form target without a host", "RFC 9112 §3.2.2");
            }
            String rest = target.substring(pathStart);
            return splitPathAndQuery(rest.startsWith("/") ? rest : "/" + rest);
        }
        throw new HttpException(HttpStatus.BAD_REQUEST, "unsupported request-target form", "RFC 9112 §3.2");
    }

    private static int schemeLength(String target) {
        for (String scheme : new String[] {"http://", "https://"}) {
            if (target.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return scheme.length();
            }
        }
        return -1;
    }

    private static RequestTarget splitPathAndQuery(String target) {
        int fragment = target.indexOf('#');
        String withoutFragment = fragment < 0 ? target : target.substring(0, fragment);
        int question = withoutFragment.indexOf('?');
        if (question < 0) {
            return new RequestTarget(withoutFragment, "");
        }
        return new RequestTarget(withoutFragment.substring(0, question), withoutFragment.substring(question + 1));
    }
}
