package httpd.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The names and addresses a certificate covers, read from its subjectAltName (RFC 5280 §4.2.1.6). */
final class SubjectAltNames {
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    private SubjectAltNames() {
    }

    static ServerNames of(X509Certificate certificate) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names != null) {
                for (List<?> name : names) {
                    int type = (Integer) name.get(0);
                    if (type == DNS_NAME) {
                        dns.add(((String) name.get(1)).toLowerCase(Locale.ROOT));
                    } else if (type == IP_ADDRESS) {
                        ips.add(ServerNames.text(ServerNames.literal((String) name.get(1))));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unreadable extension covers nothing
        }
        return new ServerNames(dns, ips);
    }
}
