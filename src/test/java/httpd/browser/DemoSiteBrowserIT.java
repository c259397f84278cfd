package httpd.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import httpd.files.SiteOptions;
import httpd.http.RequestHandler;
import httpd.reload.FileWatcher;
import httpd.reload.LiveReloadHandler;
import httpd.reload.ReloadEvents;
import httpd.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo site in a real browser: headless Chromium from Debian's packages, driven through the system's
 * chromedriver (Selenium never downloads a browser or a driver here). Skipped, with a message, where
 * Chromium is not installed; CI installs it. The tests speak plain WebDriver to chromedriver: a ChromeDriver
 * would also open a DevTools connection, which nothing here uses, and warn whenever Debian's Chromium is newer
 * than the DevTools versions Selenium knows.
 */
@Tag("browser")
class DemoSiteBrowserIT {
    @TempDir
    Path temp;
    Path site;
    Chromium chromium;
    WebDriver browser;
    TestServer server;
    ReloadEvents events;
    FileWatcher watcher;
    final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Chromium.isInstalled(),
                "browser tests skipped: no Chromium here (apt-get install chromium chromium-driver)");
    }

    @BeforeEach
    void openBrowser() throws IOException {
        site = Chromium.copyDemoSite(temp.resolve("www"));
        chromium = Chromium.start(temp.resolve("profile"));
        browser = chromium.browser();
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
        if (events != null) {
            events.close();
        }
        if (server != null) {
            server.close();
        }
        if (watcher != null) {
            watcher.close();
        }
    }

    /** Serves the copy of the demo site and records each request as "METHOD target range -> status". */
    private void serve(UnaryOperator<RequestHandler> wrap) {
        server = TestServer.start(SiteOptions.defaults(site), UnaryOperator.identity(), files -> {
            RequestHandler inner = wrap.apply(files);
            return request -> {
                var response = inner.handle(request);
                requests.add(request.method() + " " + request.target() + " "
                        + request.headers().first("Range").orElse("-") + " -> " + response.status().code());
                return response;
            };
        });
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    @Test
    void rendersTheLoginPageWithItsStylesheetImageAndFavicon() throws IOException {
        serve(UnaryOperator.identity());

        browser.get(server.uri("/").toString());

        assertThat(browser.getTitle()).isEqualTo("登入 · httpd demo");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我是登入頁面");
        assertThat(browser.findElement(By.tagName("h1")).getCssValue("color")).isEqualTo("rgba(31, 79, 160, 1)");
        waitUpTo(10).until(d -> ((Number) js("return document.querySelector('img.logo').naturalWidth")).intValue() > 0);
        waitUpTo(10).until(d -> requests.stream().anyMatch(r -> r.startsWith("GET /favicon.ico - -> 200")));
        // the page and its stylesheet came gzip-encoded (fewer bytes on the wire than decoded), and look the same
        assertThat(js("const page = performance.getEntriesByType('navigation')[0];"
                + " const css = performance.getEntriesByName(new URL('style.css', location).href)[0];"
                + " return page.encodedBodySize < page.decodedBodySize && css.encodedBodySize < css.decodedBodySize"))
                .isEqualTo(true);
        Path screenshot = chromium.screenshot("index.png");
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void showsTheGetRequestALoginBecomesAndThatAStaticServerLogsNobodyIn() throws IOException {
        serve(UnaryOperator.identity());
        browser.get(server.uri("/").toString());
        assertThat(browser.findElement(By.id("sent")).isDisplayed()).isFalse();

        browser.findElement(By.name("username")).sendKeys("alice");
        browser.findElement(By.name("password")).sendKeys("s3cret");
        browser.findElement(By.tagName("button")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/index.html?username=alice&password=s3cret"));

        assertThat(requests).contains("GET /index.html?username=alice&password=s3cret - -> 200");
        assertThat(browser.findElement(By.id("request-line")).getText())
                .isEqualTo("GET /index.html?username=alice&password=s3cret HTTP/1.1");
        assertThat(browser.findElement(By.id("sent")).getText()).contains("alice", "s3cret",
                "It cannot check a password or log anyone in");
        chromium.screenshot("login-submitted.png");
    }

    @Test
    void followsTheLinkToTheRegisterPageAndShowsTheCustom404() {
        serve(UnaryOperator.identity());
        browser.get(server.uri("/").toString());

        browser.findElement(By.linkText("註冊 Register")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("/create.html"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("我是註冊頁面");
        browser.get(server.uri("/no/such/page").toString());
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("404");
        assertThat(browser.getTitle()).startsWith("404");
    }

    @Test
    void showsAListingWhollyAtPhoneWidthWithAnIconPerEntry() throws IOException {
        Path files = Files.createDirectories(site.resolve("files/holiday photos"));
        Files.writeString(files.resolveSibling("notes from the second lesson on HTTP status codes.txt"), "notes");
        Files.write(files.resolveSibling("clip.mp4"), new byte[2048]);
        serve(UnaryOperator.identity());
        browser.manage().window().setSize(new Dimension(390, 844));

        browser.get(server.uri("/files/").toString());

        long width = (Long) js("return document.documentElement.clientWidth");
        List<WebElement> cells = browser.findElements(By.cssSelector("td.modified:not(:empty)"));
        assertThat(cells).hasSize(3);
        for (WebElement cell : cells) {
            assertThat(cell.isDisplayed()).isTrue();
            assertThat(cell.getRect().getX() + cell.getRect().getWidth()).as(cell.getText()).isLessThanOrEqualTo((int) width);
        }
        for (WebElement link : browser.findElements(By.cssSelector("td.name a"))) {
            assertThat((String) js("return getComputedStyle(arguments[0], '::before').backgroundImage", link))
                    .as(link.getText()).startsWith("url(\"data:image/svg+xml");
        }
    }

    @Test
    void seeksInAudioWithRangeRequestsAnswered206() {
        serve(UnaryOperator.identity());
        browser.get(server.uri("/media.html").toString());
        waitUpTo(20).until(d -> ((Number) js("return document.getElementById('chime').readyState")).intValue() >= 1);

        js("const a = document.getElementById('chime'); a.muted = true; a.currentTime = 2.5;");
        waitUpTo(20).until(d -> Boolean.TRUE.equals(js("const a = document.getElementById('chime');"
                + " return !a.seeking && a.currentTime >= 2.4;")));

        assertThat(requests).anyMatch(r -> r.matches("GET /chime\\.wav bytes=\\d+-\\d* -> 206"));
    }

    @Test
    void reloadsEveryOpenTabWhenAFileChangesWithWatch() throws IOException {
        events = new ReloadEvents(4, Duration.ofSeconds(15));
        watcher = new FileWatcher(site, Duration.ofMillis(100), events::changed).start();
        serve(files -> new LiveReloadHandler(files, events));
        String first = openWatchedTab();
        browser.switchTo().newWindow(WindowType.TAB);
        String second = openWatchedTab();

        Files.writeString(site.resolve("index.html"),
                Files.readString(site.resolve("index.html")).replace("我是登入頁面", "已經更新"));

        for (String tab : List.of(second, first)) {
            browser.switchTo().window(tab);
            awaitHeading("已經更新");
            assertThat(js("return window.httpdMarker === undefined")).isEqualTo(true);
        }
    }

    @Test
    void reconnectsAndReloadsAfterTheServerRestarts() throws IOException {
        events = new ReloadEvents(4, Duration.ofSeconds(15));
        serve(files -> new LiveReloadHandler(files, events));
        int port = server.port();
        openWatchedTab();

        events.close();
        server.close();
        Files.writeString(site.resolve("index.html"),
                Files.readString(site.resolve("index.html")).replace("我是登入頁面", "重新啟動"));
        events = new ReloadEvents(4, Duration.ofSeconds(15));
        ReloadEvents restarted = events;
        server = TestServer.start(SiteOptions.defaults(site), c -> c.port(port),
                files -> new LiveReloadHandler(files, restarted));

        awaitHeading("重新啟動");
        assertThat(js("return window.httpdMarker === undefined")).isEqualTo(true);
    }

    /** Opens / in the current tab, marks the page, and waits until its event stream is connected. */
    private String openWatchedTab() {
        int before = (int) requests.stream().filter(r -> r.startsWith("GET /__httpd/events")).count();
        browser.get(server.uri("/").toString());
        js("window.httpdMarker = 42;");
        waitUpTo(10).until(d -> requests.stream().filter(r -> r.startsWith("GET /__httpd/events")).count() > before);
        return browser.getWindowHandle();
    }

    private void awaitHeading(String text) {
        waitUpTo(20).ignoring(StaleElementReferenceException.class)
                .until(d -> text.equals(js("const h = document.querySelector('h1'); return h && h.textContent;")));
    }
}
