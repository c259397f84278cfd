package httpd.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrustInstructionsTest {
    private static final Path CA = Path.of("/home/ann/.local/share/httpd/ca.crt");

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
        "Linux    | ID=debian                  | sudo cp /home/ann/.local/share/httpd/ca.crt /usr/local/share/ca-certificates/httpd-local-ca.crt",
        "Linux    | ID=ubuntu\\nID_LIKE=debian | sudo update-ca-certificates",
        "Linux    | ID=\"fedora\"              | sudo cp /home/ann/.local/share/httpd/ca.crt /etc/pki/ca-trust/source/anchors/httpd-local-ca.crt",
        "Linux    | ID=rocky\\nID_LIKE=\"rhel centos fedora\" | sudo update-ca-trust",
        "Linux    | ID=debian                  | certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n 'httpd local CA (ann@laptop)' -i /home/ann/.local/share/httpd/ca.crt",
        "Mac OS X | ''                         | sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain /home/ann/.local/share/httpd/ca.crt",
        "Windows 11 | ''                       | certutil -addstore -user Root \"/home/ann/.local/share/httpd/ca.crt\"",
    })
    void printsTheExactCommandForThisSystem(String os, String release, String expectedLine) {
        String text = TrustInstructions.forSystem(os, release.replace("\\n", "\n"), CA, "httpd local CA (ann@laptop)",
                "AB:CD", "http://192.168.1.20:7891/__httpd/ca");

        assertThat(text.lines().map(String::strip)).contains(expectedLine);
        assertThat(text).contains("AB:CD", "http://192.168.1.20:7891/__httpd/ca", "httpd ran none of these commands.");
    }
}
