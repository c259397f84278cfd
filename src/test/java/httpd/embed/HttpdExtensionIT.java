package httpd.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JUnit 5 extension used as a user would: a server per class, and one per test. */
class HttpdExtensionIT {
    static final Path SITE = site();

    @RegisterExtension
    static HttpdExtension site = HttpdExtension.serving(SITE);

    static final List<Integer> portsPerClass = new ArrayList<>();

    private static Path site() {
        try {
            Path folder = Files.createTempDirectory("httpd-extension");
            Files.writeString(folder.resolve("index.html"), "<p>fixture</p>\n");
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HttpResponse<String> fetch(java.net.URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).header("Accept", "text/html").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void servesTheFolderForTheWholeClass() throws Exception {
        HttpResponse<String> page = fetch(site.uri("/index.html"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("<p>fixture</p>\n");
        portsPerClass.add(site.port());
    }

    @Test
    void isTheSameServerInEveryTestOfTheClass() throws Exception {
        assertThat(fetch(site.uri()).statusCode()).isEqualTo(200);
        portsPerClass.add(site.port());
    }

    @AfterAll
    static void oneServerServedTheClass() {
        assertThat(portsPerClass).hasSize(2).containsOnly(portsPerClass.get(0));
    }

    @Nested
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class EachTestItsOwn {
        @RegisterExtension
        HttpdExtension fresh = HttpdExtension.serving(SITE, httpd -> httpd.spa(true));

        @Test
        @Order(1)
        void getsAServerOfItsOwnWithItsSettings() throws Exception {
            assertThat(fetch(fresh.uri("/any/route")).statusCode()).isEqualTo(200); // spa: index.html
        }

        @Test
        @Order(2)
        void getsAnotherOneInTheNextTest() throws Exception {
            assertThat(fetch(fresh.uri("/")).statusCode()).isEqualTo(200);
            assertThat(fresh.port()).isNotEqualTo(site.port());
        }
    }
}
