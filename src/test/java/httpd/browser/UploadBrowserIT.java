package httpd.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import httpd.files.SiteOptions;
import httpd.files.UploadFolders;
import httpd.server.Trace;
import httpd.server.TransportFactory;
import httpd.testing.TestServer;
import httpd.upload.UploadHandler;
import httpd.upload.UploadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A person uploading through a listing page's drop zone in a real browser, and seeing the file listed. */
@Tag("browser")
class UploadBrowserIT {
    @TempDir
    Path temp;
    Path root;
    Chromium chromium;
    WebDriver browser;
    TestServer server;

    @BeforeAll
    static void requireChromium() {
        assumeTrue(Chromium.isInstalled(),
                "browser tests skipped: no Chromium here (apt-get install chromium chromium-driver)");
    }

    @BeforeEach
    void start() throws IOException {
        root = Files.createDirectories(temp.resolve("www/photos"));
        Files.writeString(root.resolve("already-here.txt"), "x");
        SiteOptions site = SiteOptions.defaults(temp.resolve("www")).withUploadForm(true);
        UploadFolders folders = new UploadFolders(site);
        server = TestServer.start(site, UnaryOperator.identity(),
                files -> new UploadHandler(files, new UploadOptions(true, false, 1 << 30), folders, false),
                TransportFactory.PLAIN, Trace.NONE);
        chromium = Chromium.start(temp.resolve("profile"));
        browser = chromium.browser();
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFileChosenInTheDropZoneIsUploadedAndListed() throws IOException {
        Path picked = Files.write(temp.resolve("holiday photo.jpg"), new byte[150_000]);
        Path second = Files.writeString(temp.resolve("notes.txt"), "notes from the phone", StandardCharsets.UTF_8);
        browser.get(server.uri("/photos/").toString());
        assertThat(browser.findElement(By.id("send")).isDisplayed()).isFalse(); // the script took over the button
        assertThat(chromium.screenshot("upload-listing.png")).isNotEmptyFile();

        browser.findElement(By.id("files")).sendKeys(picked + "\n" + second);

        waitUpTo(30).until(d -> d.findElements(By.linkText("holiday photo.jpg")).size() == 1
                && d.findElements(By.linkText("notes.txt")).size() == 1);
        assertThat(Files.readAllBytes(root.resolve("holiday photo.jpg"))).isEqualTo(Files.readAllBytes(picked));
        assertThat(Files.readString(root.resolve("notes.txt"))).isEqualTo("notes from the phone");
        assertThat(chromium.screenshot("upload-after.png")).isNotEmptyFile();
    }

    @Test
    void aRefusedFileStaysListedUnderTheDropZoneWithWhy() throws IOException {
        Path hidden = Files.writeString(temp.resolve(".secret"), "x");
        browser.get(server.uri("/photos/").toString());

        browser.findElement(By.id("files")).sendKeys(hidden.toString());

        waitUpTo(30).until(d -> d.findElements(By.cssSelector("ul.uploads li.failed")).size() == 1);
        assertThat(browser.findElement(By.cssSelector("ul.uploads li.failed")).getText())
                .isEqualTo(".secret\n400 name refused");
        assertThat(root.resolve(".secret")).doesNotExist();
        assertThat(chromium.screenshot("upload-refused.png")).isNotEmptyFile();
    }

    @Test
    void theDropZoneFitsAPhone() throws IOException {
        browser.manage().window().setSize(new Dimension(412, 860));
        browser.get(server.uri("/photos/").toString());

        long zoneWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return Math.round(document.getElementById('drop').getBoundingClientRect().width)");
        long pageWidth = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(zoneWidth).isLessThanOrEqualTo(pageWidth);
        assertThat(pageWidth).isLessThanOrEqualTo(412);
        assertThat(chromium.screenshot("upload-phone.png")).isNotEmptyFile();
    }

    private WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }
}
