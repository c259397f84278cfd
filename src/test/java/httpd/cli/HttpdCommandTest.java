package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.embed.HttpdServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpdCommandTest {
    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs httpd in the temporary folder as its working directory, so nothing of the repository's is used. */
    private int run(Consumer<Running> onStarted, String... args) {
        return CommandLineRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), temp, onStarted);
    }

    private int run(String... args) {
        return run(running -> running.server().stop(Duration.ZERO), args);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void reportsAMissingRootInOneLine() {
        int code = run("--root", temp.resolve("nope").toString());

        assertThat(code).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: root " + temp.resolve("nope") + " does not exist\n");
    }

    @Test
    void reportsARootThatIsAFile() throws IOException {
        Path file = Files.writeString(temp.resolve("file.txt"), "x");

        assertThat(run("-r", file.toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: root " + file + " is not a directory\n");
    }

    @Test
    void reportsAPortOutOfRange() {
        assertThat(run("-r", temp.toString(), "-p", "70000")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: port 70000 is out of range (0-65535)\n");
    }

    @Test
    void reportsAPortThatIsNotANumber() {
        assertThat(run("-p", "http")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: Invalid value for option '--port': 'http' is not an int (see httpd --help)\n");
    }

    @Test
    void reportsAPortAlreadyInUseAndNeverMovesToAnother() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(run("-r", temp.toString(), "-p", String.valueOf(port))).isEqualTo(1);
            assertThat(stderr()).isEqualTo("httpd: port " + port + " is already in use\n");
        }
    }

    @Test
    void reportsAnUnknownOption() {
        assertThat(run("--bogus")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: unknown option --bogus (see httpd --help)\n");
    }

    @ParameterizedTest
    @CsvSource({
            "--prot 18103, httpd: unknown option --prot (did you mean --port?)",
            "--prot=18103, httpd: unknown option --prot (did you mean --port?)",
            "--wacth,      httpd: unknown option --wacth (did you mean --watch?)",
            "--thread 4,   httpd: unknown option --thread (did you mean --threads?)",
            "site other,   httpd: unexpected argument 'other': httpd serves one folder (see httpd --help)",
    })
    void suggestsTheOptionMeantForATypo(String arguments, String message) {
        assertThat(run(arguments.split(" "))).isEqualTo(2);
        assertThat(stderr()).isEqualTo(message + "\n");
    }

    @Test
    void reportsAnUnresolvableBindAddress() {
        assertThat(run("-r", temp.toString(), "-b", "no such host")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: cannot resolve bind address 'no such host'\n");
    }

    @Test
    void reportsAnUnreadableConfigFile() {
        Path missing = temp.resolve("missing.properties");

        assertThat(run("--config", missing.toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: cannot read config file " + missing + ": no such file\n");
    }

    @Test
    void reportsAnUnknownSettingInTheConfigFile() throws IOException {
        Path config = Files.writeString(temp.resolve("httpd.properties"), "prot=8080\n");

        assertThat(run("--config", config.toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: " + config + ": unknown setting 'prot'\n");
    }

    @Test
    void reportsABadThreadCount() {
        assertThat(run("-r", temp.toString(), "-t", "0")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: threads must be between 1 and 10000, not 0\n");
    }

    @Test
    void reportsABadTransferThreadCount() {
        assertThat(run("-r", temp.toString(), "--transfer-threads", "0")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: transfer-threads must be between 1 and 10000, not 0\n");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "port=abc         | port: 'abc' is not a number",
            "port=8080 x      | port: '8080 x' is not a number",
            "threads=four     | threads: 'four' is not a number",
            "shutdown-grace=  | shutdown-grace: '' is not a number",
            "quiet=yes        | quiet: 'yes' is not true or false",
            "watch=on         | watch: 'on' is not true or false",
            "port=70000       | port 70000 is out of range (0-65535)",
            "threads=0        | threads must be between 1 and 10000, not 0",
            "send-timeout=0   | send-timeout must be at least 1 second",
            "shutdown-grace=-1 | shutdown-grace must not be negative",
    })
    void reportsAWrongSettingWithItsFileAndKey(String line, String message) throws IOException {
        Path config = Files.writeString(temp.resolve("httpd.properties"), line.strip() + "\n");

        assertThat(run("--config", config.toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: " + config + ": " + message + "\n");
    }

    @Test
    void blamesTheFlagNotTheFileWhenTheTypedValueIsOutOfRange() throws IOException {
        Path config = Files.writeString(temp.resolve("httpd.properties"), "port=8080\n");

        assertThat(run("--config", config.toString(), "-r", temp.toString(), "--port", "70000")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: port 70000 is out of range (0-65535)\n");
    }

    @Test
    void namesConfigHttpdPropertiesWhenItsSettingIsWrong() throws IOException {
        Files.writeString(Files.createDirectory(temp.resolve("config")).resolve("httpd.properties"), "port=abc\n");

        assertThat(run()).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: " + temp.resolve("config/httpd.properties") + ": port: 'abc' is not a number\n");
    }

    @Test
    void servesTheFolderNamedAsAnArgument() throws IOException {
        Path site = Files.createDirectory(temp.resolve("site"));

        assertThat(run("-p", "0", site.toString())).isZero();
        assertThat(stderr()).isEmpty();
        assertThat(stdout()).matches(banner(site) + "stopped\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-r", "--root", "-d", "--directory"})
    void takesTheFolderFromEachSpellingOfRoot(String option) throws IOException {
        Path site = Files.createDirectory(temp.resolve("site"));

        assertThat(run("-p", "0", option, site.toString())).isZero();
        assertThat(stdout()).matches(banner(site) + "stopped\n");
    }

    @Test
    void servesWwwWhenNoFolderIsNamedAndTheWorkingDirectoryHasOne() throws IOException {
        Path www = Files.createDirectory(temp.resolve("www"));

        assertThat(run("-p", "0")).isZero();
        assertThat(stdout()).matches(banner(www)
                + "  no folder named, so \\./www \\(it exists here\\); serve another with: httpd DIR\n"
                + "stopped\n");
    }

    @Test
    void servesTheWorkingDirectoryWhenNoFolderIsNamedAndThereIsNoWww() {
        assertThat(run("-p", "0")).isZero();
        assertThat(stdout()).matches(banner(temp)
                + "  no folder named and no \\./www here, so the current folder; serve another with: httpd DIR\n"
                + "stopped\n");
    }

    @Test
    void prefersTheFolderNamedOnTheCommandLineToTheSettingsFiles() throws IOException {
        Path site = Files.createDirectory(temp.resolve("site"));
        Path config = Files.writeString(temp.resolve("httpd.properties"), "root=" + temp.resolve("elsewhere") + "\n");

        assertThat(run("-p", "0", "--config", config.toString(), site.toString())).isZero();
        assertThat(stdout()).startsWith("httpd ").contains(" serving " + site + " at ");
    }

    @Test
    void refusesAFolderNamedBothAsAnArgumentAndWithRoot() throws IOException {
        Path site = Files.createDirectory(temp.resolve("site"));

        assertThat(run("-p", "0", "site", "--root", site.toString())).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: two folders to serve: site and --root " + site + " (name one)\n");
    }

    @Test
    void saysLiveReloadIsOn() {
        assertThat(run("-p", "0", "--watch", temp.toString())).isZero();
        assertThat(stdout()).matches(banner(temp) + "  live reload on\nstopped\n");
    }

    private static String banner(Path root) {
        return "httpd \\S+ serving " + Pattern.quote(root.toString())
                + " at http://127\\.0\\.0\\.1:\\d+/ \\(Ctrl\\+C to stop\\)\n";
    }

    @Test
    void takesSettingsFromTheConfigFileAndLetsFlagsOverrideThem() throws IOException {
        Path site = Files.createDirectory(temp.resolve("site"));
        Path config = Files.writeString(temp.resolve("httpd.properties"),
                "root=" + site + "\nport=70000\nthreads=3\nquiet=true\n");
        AtomicReference<HttpdServer> started = new AtomicReference<>();

        int code = run(running -> {
            started.set(running.server());
            running.server().stop(Duration.ZERO);
        }, "--config", config.toString(), "--port", "0");

        assertThat(code).isZero();
        assertThat(stderr()).isEmpty();
        assertThat(stdout()).matches(banner(site) + "  settings from " + Pattern.quote(config.toString()) + "\nstopped\n");
        assertThat(stdout()).contains(":" + started.get().port() + "/");
    }

    @Test
    void printsTheVersion() {
        assertThat(run("--version")).isZero();
        assertThat(stdout()).matches("httpd \\d+\\.\\d+\\.\\d+.*\n");
    }

    @Test
    void printsHelpWithEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(stdout()).contains("--port", "--root", "--bind", "--threads", "--config", "--quiet", "--version");
    }

    @Test
    void showsABracketedUrlForAnIpv6Address() throws Exception {
        assertThat(Banner.url(InetAddress.getByName("::1"), 80)).isEqualTo("http://[::1]:80/");
        assertThat(Banner.url(InetAddress.getByName("fd00:0:0:0:0:0:0:2"), 7891)).isEqualTo("http://[fd00::2]:7891/");
        assertThat(Banner.url(InetAddress.getByName("0.0.0.0"), 7891)).isEqualTo("http://127.0.0.1:7891/");
    }

    @Test
    void refusesHeaderInjectionAtStartup() {
        assertThat(run("-r", temp.toString(), "-H", "X-A: 1\r\nSet-Cookie: evil=1")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: invalid --header 'X-A: 1\\x0d\\x0aSet-Cookie: evil=1': "
                + "control characters (such as CR or LF) are not allowed\n");
    }

    @Test
    void refusesAHeaderWithoutANameOrOneThatBreaksFraming() {
        assertThat(run("-r", temp.toString(), "-H", "no colon here")).isEqualTo(2);
        assertThat(run("-r", temp.toString(), "-H", "Bad Name: x")).isEqualTo(2);
        assertThat(run("-r", temp.toString(), "-H", "Content-Length: 0")).isEqualTo(2);
        assertThat(stderr().lines()).containsExactly(
                "httpd: invalid --header 'no colon here': expected \"Name: value\"",
                "httpd: invalid --header 'Bad Name: x': the name is not a token",
                "httpd: invalid --header 'Content-Length: 0': httpd sets Content-Length itself");
    }

    @Test
    void refusesACacheControlValueWithALineBreak() {
        assertThat(run("-r", temp.toString(), "--cache-control", "no-cache\nX: y")).isEqualTo(2);
        assertThat(stderr()).isEqualTo("httpd: invalid --cache-control value: "
                + "control characters (such as CR or LF) are not allowed\n");
    }

    @Test
    void acceptsEveryBrowserOption() {
        int code = run("-r", temp.toString(), "-p", "0", "--cors", "--spa", "--no-listing", "--dotfiles",
                "--cache-control", "max-age=60", "-H", "X-Frame-Options: DENY", "-H", "X-Test: 1");

        assertThat(code).isZero();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void generatesABashCompletionScript() {
        assertThat(run("generate-completion")).isZero();
        assertThat(stdout()).contains("complete -F", "--port", "--root");
    }

    @Test
    void listsNetworkUrlsOnlyWhenBoundToEveryInterface() throws Exception {
        assertThat(Banner.networkUrls(InetAddress.getLoopbackAddress(), 7891)).isEmpty();
        assertThat(Banner.networkUrls(InetAddress.getByName("0.0.0.0"), 7891))
                .allMatch(url -> url.matches("http://\\d+\\.\\d+\\.\\d+\\.\\d+:7891/"));
    }

    @Test
    void opensNoBrowserQuietlyWhereThereIsNoDesktop() {
        int code = run("-r", temp.toString(), "-p", "0", "--open");

        assertThat(code).isZero();
        assertThat(stderr()).isEmpty();
    }

    @Test
    void acceptsEverySettingThatConfigHttpdPropertiesDocuments() throws IOException {
        StringBuilder settings = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("config", "httpd.properties"))) {
            if (line.matches("#[a-z-]+=.*")) {
                settings.append(line.substring(1)).append('\n');
            }
        }
        String everySetting = settings.toString().replaceFirst("(?m)^root=.*$", "root=" + temp)
                .replaceFirst("(?m)^port=.*$", "port=0");
        Path config = Files.writeString(temp.resolve("all.properties"), everySetting);

        assertThat(everySetting.lines()).hasSize(30);
        assertThat(run("--config", config.toString())).isZero();
        assertThat(stderr()).isEmpty();
    }
}
