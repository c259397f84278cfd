package httpd.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import httpd.http.HttpException;
import httpd.http.HttpStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathResolverTest {
    @TempDir
    Path temp;
    Path root;
    PathResolver resolver;

    @BeforeEach
    void createTree() throws IOException {
        root = Files.createDirectory(temp.resolve("www"));
        Files.writeString(temp.resolve("secret.txt"), "top secret");
        Files.createDirectories(temp.resolve("www-secret"));
        Files.writeString(temp.resolve("www-secret/key.txt"), "key");
        Files.writeString(root.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(root.resolve("hello.txt"), "hello");
        Files.writeString(root.resolve("a+b.txt"), "plus");
        Files.writeString(root.resolve("caf\u00e9.txt"), "utf-8 name");
        Files.writeString(root.resolve("with space.txt"), "space");
        Files.createDirectories(root.resolve("sub/deeper"));
        Files.writeString(root.resolve("sub/index.html"), "<h1>sub</h1>");
        Files.createDirectories(root.resolve("noindex"));
        Files.writeString(root.resolve(".env"), "SECRET=1");
        Files.createDirectories(root.resolve(".git"));
        Files.writeString(root.resolve(".git/config"), "[core]");
        resolver = new PathResolver(root, false);
    }

    private Resolution resolve(String rawPath) throws HttpException {
        return resolver.resolve(rawPath);
    }

    private Path served(String rawPath) throws HttpException {
        Resolution resolution = resolve(rawPath);
        assertThat(resolution).as(rawPath).isInstanceOf(Resolution.File.class);
        return ((Resolution.File) resolution).path();
    }

    static Stream<Arguments> servedFiles() {
        return Stream.of(
                Arguments.of("/", "index.html"),
                Arguments.of("/index.html", "index.html"),
                Arguments.of("/hello.txt", "hello.txt"),
                Arguments.of("//hello.txt", "hello.txt"),
                Arguments.of("/./hello.txt", "hello.txt"),
                Arguments.of("/sub/../hello.txt", "hello.txt"),
                Arguments.of("/sub/", "sub/index.html"),
                Arguments.of("/sub/.", "sub/index.html"),
                Arguments.of("/sub/deeper/..", "sub/index.html"),
                Arguments.of("/a+b.txt", "a+b.txt"),
                Arguments.of("/a%2Bb.txt", "a+b.txt"),
                Arguments.of("/caf%C3%A9.txt", "caf\u00e9.txt"),
                Arguments.of("/with%20space.txt", "with space.txt"),
                Arguments.of("/%68ello.txt", "hello.txt"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("servedFiles")
    void mapsPathsOntoFilesUnderTheRoot(String rawPath, String file) throws Exception {
        assertThat(served(rawPath)).isEqualTo(root.resolve(file));
    }

    /** Every one of these tries to reach secret.txt or www-secret/ beside the root. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/../secret.txt",
        "/../../secret.txt",
        "/sub/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/secret.txt",
        "/.%2e/secret.txt",
        "/%2e./secret.txt",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/%2e%2e%2fsecret.txt",
        "/sub%2f..%2f..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..%5Csecret.txt",
        "/%2e%2e%5csecret.txt",
        "/..\\secret.txt",
        "/sub/..\\..\\secret.txt",
        "/../www-secret/key.txt",
        "/%2e%2e/www-secret/key.txt",
        "/..%2fwww-secret%2fkey.txt",
        "/%252e%252e/secret.txt",
        "/%252e%252e%252fsecret.txt",
        "/....//secret.txt",
        "/.../secret.txt",
        "/sub/../../www/../secret.txt",
        "/%2fetc%2fpasswd",
        "//etc/passwd",
        "/etc/passwd",
        "/C:%5cWindows%5cwin.ini",
    })
    void neverServesAFileOutsideTheRoot(String rawPath) {
        Resolution resolution;
        try {
            resolution = resolve(rawPath);
        } catch (HttpException e) {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            return;
        }
        assertThat(resolution).as(rawPath).isInstanceOf(Resolution.NotFound.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "/%00",
        "/hello.txt%00.html",
        "/%c0%ae%c0%ae/secret.txt",
        "/%c0%af",
        "/%e0%80%ae%e0%80%ae/secret.txt",
        "/%ff",
        "/%",
        "/%2",
        "/%zz",
        "/%0a",
        "/a%1bb",
    })
    void rejectsInvalidEncodingsAndControlBytesWith400(String rawPath) {
        HttpException error = catchThrowableOfType(HttpException.class, () -> resolve(rawPath));

        assertThat(error).as(rawPath).isNotNull();
        assertThat(error.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/.env", "/.git/config", "/%2eenv", "/sub/../.env", "/.git/"})
    void hidesDotfilesByDefault(String rawPath) throws Exception {
        assertThat(resolve(rawPath)).isInstanceOf(Resolution.NotFound.class);
    }

    @Test
    void servesDotfilesWhenAllowed() throws Exception {
        PathResolver permissive = new PathResolver(root, true);

        assertThat(permissive.resolve("/.env")).isInstanceOf(Resolution.File.class);
        assertThat(permissive.resolve("/.git/config")).isInstanceOf(Resolution.File.class);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("redirects")
    void redirectsADirectoryWithoutItsSlashToANormalizedLocation(String rawPath, String location) throws Exception {
        assertThat(resolve(rawPath)).isEqualTo(new Resolution.Redirect(location));
    }

    static Stream<Arguments> redirects() {
        return Stream.of(
                Arguments.of("/sub", "/sub/"),
                Arguments.of("//sub", "/sub/"),
                Arguments.of("///sub", "/sub/"),
                Arguments.of("/./sub", "/sub/"),
                Arguments.of("/sub/deeper", "/sub/deeper/"),
                Arguments.of("/noindex/../sub", "/sub/"));
    }

    @Test
    void neverRedirectsToAnotherHost() throws Exception {
        Files.createDirectories(root.resolve("evil.example"));

        assertThat(resolve("//evil.example/%2e%2e%2fsub")).isInstanceOf(Resolution.NotFound.class);
        assertThat(resolve("//evil.example")).isEqualTo(new Resolution.Redirect("/evil.example/"));
    }

    @Test
    void reportsADirectoryWithoutIndex() throws Exception {
        assertThat(resolve("/noindex/")).isEqualTo(new Resolution.Directory(root.resolve("noindex")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/index.html/", "/hello.txt/", "/hello.txt/.", "/missing.txt", "/sub/missing/"})
    void answersNotFoundForMissingFilesAndFilesWithATrailingSlash(String rawPath) throws Exception {
        assertThat(resolve(rawPath)).isInstanceOf(Resolution.NotFound.class);
    }

    @Test
    void followsSymlinksThatStayInsideTheRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("link.txt"), root.resolve("hello.txt"));
        Files.createSymbolicLink(root.resolve("linkdir"), root.resolve("sub"));

        assertThat(served("/link.txt")).isEqualTo(root.resolve("link.txt"));
        assertThat(served("/linkdir/")).isEqualTo(root.resolve("linkdir/index.html"));
    }

    @Test
    void refusesSymlinksThatLeadOutOfTheRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("out.txt"), temp.resolve("secret.txt"));
        Files.createSymbolicLink(root.resolve("outdir"), temp.resolve("www-secret"));
        Files.createSymbolicLink(root.resolve("sub/up"), temp);

        assertThat(resolve("/out.txt")).isInstanceOf(Resolution.NotFound.class);
        assertThat(resolve("/outdir/key.txt")).isInstanceOf(Resolution.NotFound.class);
        assertThat(resolve("/outdir/")).isInstanceOf(Resolution.NotFound.class);
        assertThat(resolve("/sub/up/secret.txt")).isInstanceOf(Resolution.NotFound.class);
    }

    @Test
    void refusesASymlinkToAHiddenFileInsideTheRoot() throws Exception {
        Files.createSymbolicLink(root.resolve("env.txt"), root.resolve(".env"));

        assertThat(resolve("/env.txt")).isInstanceOf(Resolution.NotFound.class);
    }

    @Test
    void comparesPathsComponentWiseNotAsStrings() throws Exception {
        Files.createSymbolicLink(root.resolve("sibling"), temp.resolve("www-secret"));

        assertThat(resolve("/sibling/key.txt")).isInstanceOf(Resolution.NotFound.class);
    }

    @Test
    void answersAnUnchangedFileWithWhatTheWalkFoundBefore() throws Exception {
        Resolution first = resolve("/hello.txt");

        assertThat(resolve("/hello.txt")).isSameAs(first);
        assertThat(served("/%68ello.txt")).isEqualTo(((Resolution.File) first).path());
    }

    @Test
    void resolvesAfreshOnceTheFileChanged() throws Exception {
        Resolution.File before = (Resolution.File) resolve("/hello.txt");
        Files.writeString(root.resolve("hello.txt"), "hello, world");

        Resolution.File after = (Resolution.File) resolve("/hello.txt");

        assertThat(after).isNotSameAs(before);
        assertThat(after.version().size()).isEqualTo(12);
    }

    @Test
    void refusesAFileReplacedBySymlinkOutOfTheRootAfterItWasServed() throws Exception {
        Files.writeString(temp.resolve("secret.txt"), "hello");
        Files.setLastModifiedTime(temp.resolve("secret.txt"), Files.getLastModifiedTime(root.resolve("hello.txt")));
        assertThat(resolve("/hello.txt")).isInstanceOf(Resolution.File.class);

        Files.delete(root.resolve("hello.txt"));
        Files.createSymbolicLink(root.resolve("hello.txt"), temp.resolve("secret.txt"));

        assertThat(resolve("/hello.txt")).isInstanceOf(Resolution.NotFound.class);
    }

    @Test
    void refusesADirectorySwappedForASymlinkOutOfTheRootAfterItWasServed() throws Exception {
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("docs/key.txt"), "key");
        Files.setLastModifiedTime(temp.resolve("www-secret/key.txt"),
                Files.getLastModifiedTime(root.resolve("docs/key.txt")));
        assertThat(resolve("/docs/key.txt")).isInstanceOf(Resolution.File.class);

        Files.move(root.resolve("docs"), temp.resolve("docs-moved"));
        Files.createSymbolicLink(root.resolve("docs"), temp.resolve("www-secret"));

        assertThat(resolve("/docs/key.txt")).isInstanceOf(Resolution.NotFound.class);
    }

    @Test
    void forgetsAFileThatIsGone() throws Exception {
        assertThat(resolve("/hello.txt")).isInstanceOf(Resolution.File.class);
        Files.delete(root.resolve("hello.txt"));

        assertThat(resolve("/hello.txt")).isInstanceOf(Resolution.NotFound.class);
    }

    @Test
    void doesNotServeSpecialFiles() throws Exception {
        Path fifo = root.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mkfifo.waitFor() == 0) {
            assertThat(resolve("/pipe")).isInstanceOf(Resolution.NotFound.class);
        }
    }
}
