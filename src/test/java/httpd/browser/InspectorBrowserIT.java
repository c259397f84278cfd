package httpd.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import httpd.files.SiteOptions;
import httpd.inspect.Inspector;
import httpd.server.TransportFactory;
import httpd.testing.TestServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The inspector as a class sees it: its page in one tab, the demo site in another, each exchange of the site
 * appearing in the inspector without a reload, and one of them opened to show its bytes and its reasons.
 */
@Tag("browser")
class InspectorBrowserIT {
    @TempDir
    Path temp;
    Chromium chromium;
    WebDriver browser;
    Inspector inspector;
    TestServer server;

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Chromium.isInstalled(),
                "browser tests skipped: no Chromium here (apt-get install chromium chromium-driver)");
    }

    @BeforeEach
    void serveTheDemoSiteWithTheInspector() throws IOException {
        Path site = Chromium.copyDemoSite(temp.resolve("www"));
        inspector = new Inspector(false, Clock.systemDefaultZone(), Duration.ofSeconds(15));
        server = TestServer.start(SiteOptions.defaults(site), UnaryOperator.identity(),
                files -> inspector.handler(false, files), TransportFactory.PLAIN, inspector.trace());
        chromium = Chromium.start(temp.resolve("profile"), "--window-size=1600,1000");
        browser = chromium.browser();
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        inspector.close();
        server.close();
    }

    @Test
    void showsTheSiteExchangesLiveAndOpensOneToItsBytesAndReasons() throws IOException {
        String inspectorTab = openInspector("");
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(server.uri("/").toString());
        waitUpTo(10).until(d -> js("return document.querySelector('img.logo').naturalWidth") instanceof Number n
                && n.intValue() > 0);
        browser.navigate().refresh(); // the same page again: the browser revalidates, the server answers 304
        browser.switchTo().window(inspectorTab);

        WebElement home = waitForExchange("/", "304");
        waitForExchange("/style.css", "");
        assertThat(browser.findElement(By.id("count")).getText()).endsWith("exchanges");
        assertThat(browser.findElements(By.cssSelector(".conn[data-event=opened]"))).isNotEmpty();

        home.findElement(By.cssSelector(".sum")).click();
        WebElement details = home.findElement(By.cssSelector(".details"));
        assertThat(details.findElement(By.cssSelector(".a-raw pre")).getText())
                .startsWith("GET / HTTP/1.1\\r\\n").contains("If-None-Match: ");
        assertThat(details.findElement(By.cssSelector(".why")).getText())
                .contains("/ → /index.html", "If-None-Match matched the current ETag \"", "→ 304 (RFC 9110 §13.1.2)");
        assertThat(details.findElement(By.cssSelector(".a-head pre")).getText()).startsWith("HTTP/1.1 304 Not Modified\\r\\n");
        assertThat(chromium.screenshot("inspector.png")).isNotEmptyFile();

        js("document.getElementById('theme').click()");
        assertThat(chromium.screenshot("inspector-dark.png")).isNotEmptyFile();
    }

    @Test
    void filtersByStatusAndShowsASmallTextBodyOnRequest() throws IOException {
        String inspectorTab = openInspector("?theme=light");
        browser.switchTo().newWindow(WindowType.TAB);
        browser.get(server.uri("/missing.html").toString());
        browser.switchTo().window(inspectorTab);

        WebElement missing = waitForExchange("/missing.html", "404");
        js("const s = document.getElementById('status'); s.value = '4'; s.dispatchEvent(new Event('change'))");
        assertThat(browser.findElements(By.cssSelector(".exchange:not([hidden])")))
                .allSatisfy(row -> assertThat(row.getAttribute("data-status")).startsWith("4"));

        missing.findElement(By.cssSelector(".sum")).click();
        missing.findElement(By.cssSelector(".body button")).click();
        assertThat(missing.findElement(By.cssSelector("pre.bodytext")).getText()).contains("<html");

        browser.manage().window().setSize(new Dimension(412, 915));
        js("document.querySelector('pre.bodytext').scrollIntoView({block: 'center'})");
        assertThat(chromium.screenshot("inspector-phone.png")).isNotEmptyFile();
    }

    private String openInspector(String query) {
        browser.get(server.uri(Inspector.pagePath() + query).toString());
        waitUpTo(10).until(d -> "live".equals(js("return document.getElementById('state').dataset.state")));
        return browser.getWindowHandle();
    }

    /** Waits for the newest exchange for this target whose status starts so, and gives its row. */
    private WebElement waitForExchange(String target, String status) {
        return waitUpTo(10).until(d -> d.findElements(By.cssSelector(".exchange")).stream()
                .filter(row -> target.equals(row.getAttribute("data-target"))
                        && row.getAttribute("data-status").startsWith(status))
                .findFirst().orElse(null));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }
}
