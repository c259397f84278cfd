package httpd.tls;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with a certificate the user brought, though httpd still serves with it: browsers will say so,
 * and the banner says it first, in words that name the fix.
 */
public final class CertificateWarnings {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private CertificateWarnings() {
    }

    /** @param expected the names and addresses httpd will be reached by */
    public static List<String> check(X509Certificate certificate, Instant now, ServerNames expected) {
        List<String> warnings = new ArrayList<>();
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            warnings.add("the certificate expired on " + DAY.format(certificate.getNotAfter().toInstant())
                    + ": browsers will refuse it");
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            warnings.add("the certificate is not valid before " + DAY.format(certificate.getNotBefore().toInstant())
                    + ": check this machine's clock");
        }
        ServerNames covered = SubjectAltNames.of(certificate);
        for (String ip : expected.ipAddresses()) {
            if (!covered.ipAddresses().contains(ip)) {
                warnings.add("the certificate does not cover " + ip);
            }
        }
        return warnings;
    }
}
