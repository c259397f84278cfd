package httpd.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;

/**
 * Debian's headless Chromium driven through plain WebDriver, started as this machine allows it: without the
 * background networking that its closed network refuses, in a fresh profile.
 */
final class Chromium implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final WebDriver browser;

    private Chromium(ChromeDriverService service, WebDriver browser) {
        this.service = service;
        this.browser = browser;
    }

    static boolean isInstalled() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    /** @param extraArguments e.g. {@code --ignore-certificate-errors-spki-list=…} */
    static Chromium start(Path profile, String... extraArguments) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--autoplay-policy=no-user-gesture-required", "--window-size=1024,768",
                "--user-data-dir=" + Files.createDirectory(profile));
        options.addArguments(extraArguments);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        service.start();
        WebDriver browser = new RemoteWebDriver(service.getUrl(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Chromium(service, browser);
    }

    WebDriver browser() {
        return browser;
    }

    /** A copy of the repository's demo site, so that a test may change it. */
    static Path copyDemoSite(Path into) throws IOException {
        Path copy = Files.createDirectory(into);
        try (Stream<Path> files = Files.list(Path.of("www"))) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return copy;
    }

    /** Saves what the browser shows as target/screenshots/NAME. */
    Path screenshot(String name) throws IOException {
        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        return Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
                screenshots.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        try {
            browser.quit();
        } finally {
            service.stop();
        }
    }
}
