package httpd.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCaTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ServerNames NAMES = new ServerNames(List.of("localhost", "laptop", "laptop.local"),
            List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "192.168.1.20"));

    @TempDir
    Path temp;

    @Test
    void makesTheCaOnceAndReusesItAfterwards() {
        LocalCa first = LocalCa.openOrCreate(temp.resolve("httpd"), "ann@laptop", CLOCK);
        LocalCa second = LocalCa.openOrCreate(temp.resolve("httpd"), "someone@else", CLOCK);

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.fingerprint()).isEqualTo(first.fingerprint()).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        assertThat(second.name()).isEqualTo("httpd local CA (ann@laptop)");
    }

    @Test
    void isACaForServerCertificatesOnlyWithAP256Key() {
        X509Certificate ca = LocalCa.openOrCreate(temp, "ann@laptop", CLOCK).certificate();

        assertThat(ca.getBasicConstraints()).isEqualTo(0); // a CA, path length 0
        assertThat(ca.getKeyUsage()).containsExactly(false, false, false, false, false, true, true, false, false);
        assertThat(ca.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(ca.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(ca.getNotAfter().toInstant()).isAfter(NOW.plus(Duration.ofDays(3000)));
    }

    @Test
    void keepsTheKeysReadableByTheOwnerOnly() throws IOException {
        Path dir = temp.resolve("httpd");
        LocalCa.openOrCreate(dir, "ann@laptop", CLOCK).serverCertificate(NAMES);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("server.key"))))
                .isEqualTo("rw-------");
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("ca.crt", "ca.key", "server.crt", "server.key");
    }

    @Test
    void issuesAServerCertificateBrowsersAndApplePlatformsAccept() throws Exception {
        LocalCa ca = LocalCa.openOrCreate(temp, "ann@laptop", CLOCK);

        LocalCa.Issued issued = ca.serverCertificate(NAMES);
        X509Certificate server = issued.credentials().certificate();

        server.verify(ca.certificate().getPublicKey());
        assertThat(issued.newlyIssued()).isTrue();
        assertThat(issued.credentials().chain()).containsExactly(server, ca.certificate());
        assertThat(SubjectAltNames.of(server)).isEqualTo(NAMES);
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
        assertThat(server.getBasicConstraints()).isEqualTo(-1); // not a CA
        assertThat(server.getKeyUsage()[0]).isTrue(); // digitalSignature
        assertThat(Duration.between(server.getNotBefore().toInstant(), server.getNotAfter().toInstant()))
                .isLessThanOrEqualTo(Duration.ofDays(825));
        assertThat(server.getNotBefore().toInstant()).isBefore(NOW);
        assertThat(server.getIssuerX500Principal()).isEqualTo(ca.certificate().getSubjectX500Principal());
    }

    @Test
    void reusesTheServerCertificateWhileTheNamesStayTheSame() {
        LocalCa.Issued first = LocalCa.openOrCreate(temp, "ann@laptop", CLOCK).serverCertificate(NAMES);

        LocalCa.Issued again = LocalCa.openOrCreate(temp, "ann@laptop", CLOCK).serverCertificate(NAMES);

        assertThat(again.newlyIssued()).isFalse();
        assertThat(again.credentials().certificate()).isEqualTo(first.credentials().certificate());
    }

    @Test
    void issuesANewServerCertificateWhenTheAddressesChangeAndKeepsTheCa() {
        LocalCa ca = LocalCa.openOrCreate(temp, "ann@laptop", CLOCK);
        ca.serverCertificate(NAMES);
        ServerNames moved = new ServerNames(NAMES.dnsNames(), List.of("127.0.0.1", "0:0:0:0:0:0:0:1", "10.0.0.7"));

        LocalCa.Issued issued = LocalCa.openOrCreate(temp, "ann@laptop", CLOCK).serverCertificate(moved);

        assertThat(issued.newlyIssued()).isTrue();
        assertThat(SubjectAltNames.of(issued.credentials().certificate())).isEqualTo(moved);
        assertThat(LocalCa.openOrCreate(temp, "ann@laptop", CLOCK).fingerprint()).isEqualTo(ca.fingerprint());
    }

    @Test
    void issuesANewServerCertificateWhenTheOldOneIsNearItsEnd() {
        LocalCa.openOrCreate(temp, "ann@laptop", CLOCK).serverCertificate(NAMES);
        Clock later = Clock.fixed(NOW.plus(Duration.ofDays(800)), ZoneOffset.UTC);

        assertThat(LocalCa.openOrCreate(temp, "ann@laptop", later).serverCertificate(NAMES).newlyIssued()).isTrue();
    }

    @Test
    void saysInOneLineWhenTheCaFileIsDamaged() throws IOException {
        LocalCa.openOrCreate(temp, "ann@laptop", CLOCK);
        Files.writeString(temp.resolve("ca.crt"), "not a certificate\n");

        assertThatThrownBy(() -> LocalCa.openOrCreate(temp, "ann@laptop", CLOCK))
                .isInstanceOf(TlsException.class)
                .hasMessage(temp.resolve("ca.crt") + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }

    @Test
    void servesItsCertificateAsPemNeverItsKey() {
        LocalCa ca = LocalCa.openOrCreate(temp, "ann@laptop", CLOCK);

        assertThat(ca.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----").doesNotContain("PRIVATE");
    }
}
