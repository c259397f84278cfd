package httpd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import httpd.share.QrCodes;
import io.nayuki.qrcodegen.QrCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The banner's QR code: shown when httpd listens beyond loopback, hidden by {@code --no-qr} or {@code no-qr=true}. */
class QrCommandTest {
    private static final Pattern CAPTION = Pattern.compile("(?m)^  scan to open (\\S+) on a phone:$");

    @TempDir
    Path temp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final AtomicInteger port = new AtomicInteger();

    @BeforeEach
    void blocksCanBePrinted() {
        assumeTrue(QrText.printable(QrText.stdoutCharset()), "this JVM's stdout has no half blocks");
    }

    /** Runs httpd in the temporary folder and stops it as soon as it listens; the banner is printed all the same. */
    private int run(String... args) {
        return CommandLineRun.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), temp, running -> {
                    port.set(running.server().port());
                    running.server().stop(Duration.ZERO);
                });
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "localhost"})
    void showsNoCodeWhenListeningOnLoopbackOnly(String bind) {
        assertThat(run("-b", bind, "-p", "0", temp.toString())).isZero();

        assertThat(stdout()).contains("serving").doesNotContain("scan to open").doesNotContain("\u2580", "\u2584");
    }

    @Test
    void showsTheCodeOfTheBoundLanAddressUnderTheBanner() {
        String lan = lanAddress();

        assertThat(run("-b", lan, "-p", "0", temp.toString())).isZero();

        String url = "http://" + lan + ":" + port.get() + "/";
        assertThat(shownUrl()).hasValue(url);
        assertThat(shownModules()).isDeepEqualTo(withZone(QrCodes.encode(url)));
    }

    @Test
    void showsTheCodeOfTheFirstLanUrlWhenListeningOnEveryInterface() {
        lanAddress();

        assertThat(run("-b", "0.0.0.0", "-p", "0", temp.toString())).isZero();

        Matcher firstLanUrl = Pattern.compile("(?m)^  also at (\\S+)$").matcher(stdout());
        assertThat(firstLanUrl.find()).isTrue();
        assertThat(shownUrl()).hasValue(firstLanUrl.group(1));
        assertThat(shownModules()).isDeepEqualTo(withZone(QrCodes.encode(firstLanUrl.group(1))));
    }

    @Test
    void hidesTheCodeWithNoQr() {
        assertThat(run("-b", lanAddress(), "-p", "0", "--no-qr", temp.toString())).isZero();

        assertThat(stdout()).contains("serving").doesNotContain("scan to open").doesNotContain("\u2580", "\u2584");
    }

    @Test
    void hidesTheCodeWithNoQrInTheSettingsFile() throws IOException {
        Path settings = Files.writeString(temp.resolve("qr.properties"), "no-qr=true\n");

        assertThat(run("--config", settings.toString(), "-b", lanAddress(), "-p", "0", temp.toString())).isZero();

        assertThat(stdout()).contains("settings from").doesNotContain("scan to open");
    }

    @Test
    void saysWhyThereIsNoCodeWhereTheOutputHasNoHalfBlocks() {
        Banner.printQr(new PrintStream(out, true, StandardCharsets.US_ASCII), "http://192.168.1.20:7891/",
                QrText.Colours.PLAIN, StandardCharsets.US_ASCII);

        assertThat(stdout()).isEqualTo("  (no QR code: the terminal's character set lacks block characters;"
                + " a UTF-8 locale has them)\n");
    }

    private Optional<String> shownUrl() {
        Matcher caption = CAPTION.matcher(stdout());
        return caption.find() ? Optional.of(caption.group(1)) : Optional.empty();
    }

    /** The lines after the caption, read back as a scanner would (plain output: blocks are light modules). */
    private boolean[][] shownModules() {
        Matcher caption = CAPTION.matcher(stdout());
        assertThat(caption.find()).isTrue();
        String[] after = stdout().substring(caption.end() + 1).split("\n");
        String code = String.join("\n", Arrays.stream(after).takeWhile(line -> line.matches("[ \u2580\u2584\u2588]+"))
                .toList());
        boolean[][] modules = HalfBlocks.modules(code, false);
        return Arrays.copyOf(modules, modules.length - 1); // the last line's lower half is outside the zone
    }

    private static boolean[][] withZone(QrCode code) {
        int side = code.size + 2 * QrText.QUIET_ZONE;
        boolean[][] modules = new boolean[side][side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                modules[y][x] = code.getModule(x - QrText.QUIET_ZONE, y - QrText.QUIET_ZONE);
            }
        }
        return modules;
    }

    /** An IPv4 address of this machine that is not loopback; the test is skipped on a machine with none. */
    private static String lanAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (address instanceof Inet4Address) {
                            return address.getHostAddress();
                        }
                    }
                }
            }
        } catch (SocketException e) {
            // no interfaces to list: as if there were none
        }
        assumeTrue(false, "no LAN address on this machine");
        throw new AssertionError("unreachable");
    }
}
