package httpd.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Certificates of the user's own: the forms mkcert, openssl and Let's Encrypt write, and each mistake's one line. */
class OwnCertificateTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @TempDir
    Path temp;

    enum KeyForm { PKCS8, TRADITIONAL }

    @ParameterizedTest(name = "{0} key, {1}")
    @CsvSource({"RSA, PKCS8", "RSA, TRADITIONAL", "EC, PKCS8", "EC, TRADITIONAL"})
    void loadsRsaAndEcKeysInPkcs8AndTraditionalForm(String algorithm, KeyForm form) throws Exception {
        KeyPair pair = keyPair(algorithm);
        X509Certificate certificate = certificate(pair, pair, "CN=site", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(90)));
        Path cert = write("cert.pem", pem(certificate));
        Path key = write("key.pem", form == KeyForm.PKCS8 ? pem(new JcaPKCS8Generator(pair.getPrivate(), null))
                : traditional(pair));

        ServerCredentials credentials = OwnCertificate.load(cert, key);

        assertThat(credentials.certificate()).isEqualTo(certificate);
        assertThat(KeyMatch.matches(credentials.privateKey(), certificate)).isTrue();
        assertThat(credentials.privateKey().getAlgorithm()).isEqualTo(algorithm);
        assertThat(Files.readString(key)).startsWith(form == KeyForm.PKCS8 ? "-----BEGIN PRIVATE KEY-----"
                : "-----BEGIN " + algorithm + " PRIVATE KEY-----");
    }

    @Test
    void keepsAChainInItsOrder() throws Exception {
        KeyPair issuer = keyPair("EC");
        KeyPair server = keyPair("EC");
        X509Certificate intermediate = certificate(issuer, issuer, "CN=intermediate", NOW, NOW.plus(Duration.ofDays(9)));
        X509Certificate leaf = certificate(server, issuer, "CN=site", NOW, NOW.plus(Duration.ofDays(9)));
        Path cert = write("chain.pem", pem(leaf) + pem(intermediate));
        Path key = write("key.pem", pem(new JcaPKCS8Generator(server.getPrivate(), null)));

        assertThat(OwnCertificate.load(cert, key).chain()).containsExactly(leaf, intermediate);
    }

    @Test
    void refusesAKeyThatIsNotTheCertificates() throws Exception {
        KeyPair pair = keyPair("EC");
        Path cert = write("cert.pem", pem(certificate(pair, pair, "CN=site", NOW, NOW.plus(Duration.ofDays(9)))));
        Path key = write("other.pem", pem(new JcaPKCS8Generator(keyPair("EC").getPrivate(), null)));

        assertThatThrownBy(() -> OwnCertificate.load(cert, key)).isInstanceOf(TlsException.class)
                .hasMessage(key + " is not the key of the certificate in " + cert);
    }

    @Test
    void refusesAnEncryptedTraditionalKey() throws Exception {
        KeyPair pair = keyPair("RSA");
        Path cert = write("cert.pem", pem(certificate(pair, pair, "CN=site", NOW, NOW.plus(Duration.ofDays(9)))));
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(pair, new JcePEMEncryptorBuilder("AES-128-CBC").setProvider(new BouncyCastleProvider())
                    .build("secret".toCharArray()));
        }
        Path key = write("key.pem", text.toString());

        assertThatThrownBy(() -> OwnCertificate.load(cert, key)).isInstanceOf(TlsException.class)
                .hasMessage(key + " is encrypted; httpd needs an unencrypted key (openssl pkey -in key.pem -out key.pem)");
    }

    @Test
    void refusesAnEncryptedPkcs8Key() throws Exception {
        KeyPair pair = keyPair("EC");
        Path cert = write("cert.pem", pem(certificate(pair, pair, "CN=site", NOW, NOW.plus(Duration.ofDays(9)))));
        Path key = write("enc.pem", pem(new JcaPKCS8Generator(pair.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        .setProvider(new BouncyCastleProvider()).setPassword("pw".toCharArray()).build())));

        assertThatThrownBy(() -> OwnCertificate.load(cert, key)).isInstanceOf(TlsException.class)
                .hasMessageStartingWith(key + " is encrypted; httpd needs an unencrypted key");
    }

    @Test
    void namesAMissingFile() {
        Path missing = temp.resolve("nope.pem");

        assertThatThrownBy(() -> OwnCertificate.load(missing, missing)).isInstanceOf(TlsException.class)
                .hasMessage(missing + " does not exist");
    }

    @Test
    void namesAFileThatHoldsNoCertificate() throws IOException {
        Path text = write("notes.txt", "just some notes\n");

        assertThatThrownBy(() -> OwnCertificate.load(text, text)).isInstanceOf(TlsException.class)
                .hasMessage(text + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
    }

    @Test
    void namesAKeyFileThatHoldsNoKey() throws Exception {
        KeyPair pair = keyPair("EC");
        Path cert = write("cert.pem", pem(certificate(pair, pair, "CN=site", NOW, NOW.plus(Duration.ofDays(9)))));

        assertThatThrownBy(() -> OwnCertificate.load(cert, cert)).isInstanceOf(TlsException.class)
                .hasMessage(cert + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    @Test
    void warnsOfAnExpiredCertificateAndOneForOtherAddresses() throws Exception {
        KeyPair pair = keyPair("EC");
        X509Certificate expired = certificate(pair, pair, "CN=site", Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-04-01T00:00:00Z"));
        ServerNames bound = new ServerNames(List.of(), List.of("192.168.1.20"));

        assertThat(CertificateWarnings.check(expired, NOW, bound)).containsExactly(
                "the certificate expired on 2025-04-01: browsers will refuse it",
                "the certificate does not cover 192.168.1.20");
    }

    @Test
    void warnsOfACertificateNotValidYet() throws Exception {
        KeyPair pair = keyPair("EC");
        X509Certificate future = certificate(pair, pair, "CN=site", NOW.plus(Duration.ofDays(3)), NOW.plus(Duration.ofDays(9)));

        assertThat(CertificateWarnings.check(future, NOW, new ServerNames(List.of(), List.of("127.0.0.1"))))
                .containsExactly("the certificate is not valid before 2026-12-05: check this machine's clock");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }

    static KeyPair keyPair(String algorithm) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        return generator.generateKeyPair();
    }

    /** A certificate for 127.0.0.1 and localhost, signed by {@code issuer} (itself for a self-signed one). */
    static X509Certificate certificate(KeyPair subject, KeyPair issuer, String name, Instant from, Instant until)
            throws Exception {
        PrivateKey signer = issuer.getPrivate();
        String signature = signer.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer == subject ? name
                : "CN=intermediate"), BigInteger.valueOf(System.nanoTime()), Date.from(from), Date.from(until),
                new X500Name(name), subject.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder(signature).build(signer)));
    }

    /**
     * {@code RSA PRIVATE KEY} (PKCS#1) or {@code EC PRIVATE KEY} (SEC1 with its curve named, as {@code openssl ec}
     * writes it).
     */
    static String traditional(KeyPair pair) throws IOException {
        if (pair.getPrivate().getAlgorithm().equals("RSA")) {
            return pem(pair);
        }
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        ECPrivateKey sec1 = new ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters());
        return pem(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }

    static String pem(Object item) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(item);
        }
        return text.toString();
    }
}
