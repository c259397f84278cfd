package httpd.share;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ipv6TextTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0:0:0:0:0:0:0:1,                       ::1",
            "0:0:0:0:0:0:0:0,                       ::",
            "fd00:0:0:0:0:0:0:2,                    fd00::2",
            "1:0:0:0:0:0:0:0,                       1::",
            "2001:0db8:0000:0000:0000:ff00:0042:8329, 2001:db8::ff00:42:8329",
            "2001:DB8:0:0:0:0:0:ABCD,               2001:db8::abcd",
            // one zero group stays 0 (RFC 5952 §4.2.2)
            "2001:db8:0:1:1:1:1:1,                  2001:db8:0:1:1:1:1:1",
            // the longest run is shortened (§4.2.3)...
            "2001:db8:0:0:1:0:0:0,                  2001:db8:0:0:1::",
            "2001:0:0:1:0:0:0:1,                    2001:0:0:1::1",
            // ...and the first of two equally long ones
            "2001:db8:0:0:1:0:0:1,                  2001:db8::1:0:0:1",
            "fe80:0:0:0:1:2:3:4,                    fe80::1:2:3:4",
            "1:2:3:4:5:6:7:8,                       1:2:3:4:5:6:7:8",
    })
    void writesTheCanonicalTextOfRfc5952(String address, String text) throws Exception {
        assertThat(Ipv6Text.compressed(InetAddress.getByName(address).getAddress())).isEqualTo(text);
    }
}
