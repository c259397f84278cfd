package httpd.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import httpd.http.Headers;
import httpd.http.HttpVersion;
import httpd.http.RequestContext;
import httpd.http.RequestHead;
import httpd.http.Response;
import httpd.http.Why;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InspectorAccessTest {
    @ParameterizedTest(name = "{0}, from LAN {1} -> {2}")
    @CsvSource({
            "127.0.0.1, false, true",
            "127.8.9.1, false, true",
            "::1, false, true",
            "::ffff:127.0.0.1, false, true",
            "192.168.1.20, false, false",
            "10.0.0.5, false, false",
            "fe80::1, false, false",
            "::ffff:192.168.1.20, false, false",
            "192.168.1.20, true, true",
            "fe80::1, true, true"})
    void answersOnlyLoopbackUnlessTheLanIsLetIn(String client, boolean fromLan, boolean allowed) throws Exception {
        assertThat(new InspectorAccess(fromLan).allows(InetAddress.getByName(client))).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"/__httpd/inspect, 403", "/__httpd/inspect/events, 403", "/index.html, 200"})
    void refusesAnotherMachineThePageAndTheStreamButNotTheSite(String target, int status) throws Exception {
        try (Inspector inspector = new Inspector(false, Clock.systemUTC(), Duration.ofSeconds(1))) {
            var handler = inspector.handler(false, request -> Response.builder(httpd.http.HttpStatus.OK).build());
            RequestHead request = new RequestHead("GET", target, HttpVersion.HTTP_1_1, Headers.NONE, 0);

            Response response = handler.handle(request,
                    new RequestContext(InetAddress.getByName("192.168.1.20"), Why.NONE));

            assertThat(response.status().code()).isEqualTo(status);
        }
    }
}
