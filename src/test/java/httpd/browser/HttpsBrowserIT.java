package httpd.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import httpd.files.SiteOptions;
import httpd.reload.FileWatcher;
import httpd.reload.LiveReloadHandler;
import httpd.reload.ReloadEvents;
import httpd.server.Trace;
import httpd.testing.TestServer;
import httpd.testing.TestTls;
import httpd.tls.CaPages;
import httpd.tls.LocalCa;
import httpd.tls.RedirectToHttps;
import httpd.tls.TlsContext;
import httpd.tls.TlsTransports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo site over HTTPS in headless Chromium that trusts the local CA's server certificate (by its key's hash,
 * as a device that installed the CA would): the page is a secure context, and live reload works over TLS.
 */
@Tag("browser")
class HttpsBrowserIT {
    @TempDir
    Path temp;
    Path site;
    LocalCa ca;
    Chromium chromium;
    WebDriver browser;
    TestServer server;
    ReloadEvents events;
    FileWatcher watcher;

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Chromium.isInstalled(),
                "browser tests skipped: no Chromium here (apt-get install chromium chromium-driver)");
    }

    @BeforeEach
    void openBrowserTrustingTheCertificate() throws Exception {
        site = Chromium.copyDemoSite(temp.resolve("www"));
        ca = TestTls.ca(temp.resolve("ca"));
        byte[] serverKey = ca.serverCertificate(TestTls.LOOPBACK).credentials().certificate().getPublicKey().getEncoded();
        String spkiHash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(serverKey));
        chromium = Chromium.start(temp.resolve("profile"), "--ignore-certificate-errors-spki-list=" + spkiHash);
        browser = chromium.browser();
    }

    @AfterEach
    void close() throws IOException {
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

    private void serveOverTls(UnaryOperator<httpd.http.RequestHandler> wrap) {
        TlsContext context = TlsContext.of(ca.serverCertificate(TestTls.LOOPBACK).credentials());
        server = TestServer.start(SiteOptions.defaults(site), UnaryOperator.identity(),
                files -> new CaPages(ca, wrap.apply(files)),
                new TlsTransports(context, new CaPages(ca, new RedirectToHttps())), Trace.NONE);
    }

    private String https(String path) {
        return "https://localhost:" + server.port() + path;
    }

    private Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void loadsTheDemoSiteOverHttpsAsASecureContextAndReloadsItOnChange() throws IOException {
        events = new ReloadEvents(4, Duration.ofSeconds(15));
        watcher = new FileWatcher(site, Duration.ofMillis(100), events::changed).start();
        serveOverTls(files -> new LiveReloadHandler(files, events));

        browser.get(https("/"));

        assertThat(browser.getTitle()).isEqualTo("登入 · httpd demo");
        assertThat(js("return window.isSecureContext && location.protocol")).isEqualTo("https:");
        assertThat(browser.findElement(By.tagName("h1")).getCssValue("color")).isEqualTo("rgba(31, 79, 160, 1)");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d ->
                ((Number) js("return document.querySelector('img.logo').naturalWidth")).intValue() > 0);
        js("window.httpdMarker = 42;");
        chromium.screenshot("https-index.png");
        // the event stream is open once the reload script has connected; then a change must reload the page
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> events.openStreams() > 0);

        Files.writeString(site.resolve("index.html"),
                Files.readString(site.resolve("index.html")).replace("我是登入頁面", "安全地更新"));

        new WebDriverWait(browser, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(d ->
                "安全地更新".equals(js("const h = document.querySelector('h1'); return h && h.textContent;")));
        assertThat(js("return window.httpdMarker === undefined")).isEqualTo(true);
    }

    @Test
    void showsThePhonePageForTrustingTheCa() throws IOException {
        serveOverTls(UnaryOperator.identity());
        browser.manage().window().setSize(new Dimension(412, 900));

        browser.get(https("/__httpd/ca"));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Trust this computer's httpd");
        assertThat(browser.findElement(By.cssSelector("a.button")).getAttribute("href")).isEqualTo(https("/__httpd/ca.crt"));
        assertThat(browser.findElement(By.tagName("code")).getText()).isEqualTo(ca.fingerprint());
        chromium.screenshot("ca-page.png");
    }
}
