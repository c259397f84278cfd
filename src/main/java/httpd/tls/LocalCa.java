package httpd.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaMiscPEMGenerator;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * httpd's own certificate authority on this machine: made once (ECDSA P-256, ten years), kept in the TLS
 * directory with its key readable by the owner only, and used to issue the server certificate for the names and
 * addresses httpd is reached by. A device that trusts this CA once trusts every server certificate it issues.
 */
public final class LocalCa {
    static final String CERTIFICATE_FILE = "ca.crt";
    static final String KEY_FILE = "ca.key";
    static final String SERVER_CERTIFICATE_FILE = "server.crt";
    static final String SERVER_KEY_FILE = "server.key";
    private static final Duration CA_VALIDITY = Duration.ofDays(3650);
    /** Apple's platforms refuse server certificates valid for more than 825 days; a margin for the clock skew. */
    private static final Duration SERVER_VALIDITY = Duration.ofDays(820);
    /** A clock behind ours must not see the certificate as not yet valid. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    /** A server certificate this close to its end is issued anew at start, rather than expire while serving. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String SIGNATURE = "SHA256withECDSA";

    private final Path dir;
    private final X509Certificate certificate;
    private final PrivateKey key;
    private final Clock clock;
    private final boolean created;

    /** A server certificate from this CA, and whether it was made just now. */
    public record Issued(ServerCredentials credentials, boolean newlyIssued, Path certificateFile) {
    }

    private LocalCa(Path dir, X509Certificate certificate, PrivateKey key, Clock clock, boolean created) {
        this.dir = dir;
        this.created = created;
        this.certificate = certificate;
        this.key = key;
        this.clock = clock;
    }

    /**
     * The CA in {@code dir}, made there first if there is none.
     *
     * @param owner whose CA it is, {@code user@host}: its name says so wherever a device lists trusted CAs
     * @throws TlsException when the directory or the CA in it cannot be read or written
     */
    public static LocalCa openOrCreate(Path dir, String owner, Clock clock) {
        Path certificateFile = dir.resolve(CERTIFICATE_FILE);
        Path keyFile = dir.resolve(KEY_FILE);
        if (Files.exists(certificateFile) || Files.exists(keyFile)) {
            X509Certificate certificate = PemFiles.certificates(certificateFile).get(0);
            PrivateKey key = PemFiles.privateKey(keyFile);
            if (!KeyMatch.matches(key, certificate)) {
                throw new TlsException(keyFile + " is not the key of " + certificateFile);
            }
            return new LocalCa(dir, certificate, key, clock, false);
        }
        try {
            OwnerOnly.directory(dir);
        } catch (IOException e) {
            throw new TlsException("cannot create " + dir + ": " + PemFiles.firstLine(e));
        }
        KeyPair pair = newKeyPair();
        X509Certificate certificate = selfSigned(pair, "httpd local CA (" + owner + ")", clock.instant());
        PemFiles.write(keyFile, PemFiles.pem(pkcs8(pair.getPrivate())), true);
        PemFiles.write(certificateFile, pem(certificate), false);
        return new LocalCa(dir, certificate, pair.getPrivate(), clock, true);
    }

    /** Whether this CA was made just now, by {@link #openOrCreate}: no device trusts it yet. */
    public boolean created() {
        return created;
    }

    /** The name devices show for it: {@code httpd local CA (user@host)}. */
    public String name() {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        return subject.getRDNs(BCStyle.CN)[0].getFirst().getValue().toString();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Path certificateFile() {
        return dir.resolve(CERTIFICATE_FILE);
    }

    /** The CA's certificate as PEM, what {@code /__httpd/ca.crt} serves. Never the key. */
    public String certificatePem() {
        return pem(certificate);
    }

    /** SHA-256 of the certificate, as devices show it: {@code AB:CD:…}. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * A server certificate for exactly these names: the one in the directory when this CA issued it for the same
     * names and it is not near its end, else a new one (the CA stays the same).
     */
    public Issued serverCertificate(ServerNames names) {
        Path certificateFile = dir.resolve(SERVER_CERTIFICATE_FILE);
        Path keyFile = dir.resolve(SERVER_KEY_FILE);
        if (Files.exists(certificateFile) && Files.exists(keyFile)) {
            try {
                ServerCredentials kept = new ServerCredentials(PemFiles.privateKey(keyFile),
                        List.of(PemFiles.certificates(certificateFile).get(0), certificate));
                if (stillFits(kept, names)) {
                    return new Issued(kept, false, certificateFile);
                }
            } catch (TlsException e) {
                // a damaged server certificate is only a cache: issue a new one
            }
        }
        KeyPair pair = newKeyPair();
        X509Certificate issued = issue(pair, names);
        PemFiles.write(keyFile, PemFiles.pem(pkcs8(pair.getPrivate())), true);
        PemFiles.write(certificateFile, pem(issued), false);
        return new Issued(new ServerCredentials(pair.getPrivate(), List.of(issued, certificate)), true, certificateFile);
    }

    private boolean stillFits(ServerCredentials kept, ServerNames names) {
        X509Certificate server = kept.certificate();
        try {
            server.verify(certificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            return false;
        }
        Instant renewAt = server.getNotAfter().toInstant().minus(RENEW_BEFORE);
        return clock.instant().isBefore(renewAt) && KeyMatch.matches(kept.privateKey(), server)
                && SubjectAltNames.of(server).equals(names);
    }

    private X509Certificate issue(KeyPair pair, ServerNames names) {
        Instant now = clock.instant();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, names.dnsNames().get(0))
                .addRDN(BCStyle.O, "httpd").build();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(SERVER_VALIDITY)), subject, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, alternativeNames(names))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            return sign(builder, key);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot issue a server certificate", e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, String name, Instant now) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).addRDN(BCStyle.O, "httpd")
                .build();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(BACKDATE)), Date.from(now.plus(CA_VALIDITY)), subject, pair.getPublic())
                    // pathLen 0: this CA signs server certificates only, never another CA
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()));
            return sign(builder, pair.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot make the CA certificate", e);
        }
    }

    private static GeneralNames alternativeNames(ServerNames names) {
        GeneralName[] all = new GeneralName[names.dnsNames().size() + names.ipAddresses().size()];
        int i = 0;
        for (String dns : names.dnsNames()) {
            all[i++] = new GeneralName(GeneralName.dNSName, dns);
        }
        for (String ip : names.ipAddresses()) {
            all[i++] = new GeneralName(GeneralName.iPAddress, ip);
        }
        return new GeneralNames(all);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make P-256 keys", e);
        }
    }

    private static JcaPKCS8Generator pkcs8(PrivateKey key) {
        try {
            return new JcaPKCS8Generator(key, null);
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new IllegalStateException("cannot encode a private key", e);
        }
    }

    /** Positive, 159 random bits: unique per certificate, as RFC 5280 §4.1.2.2 asks (at most 20 bytes). */
    private static BigInteger serial() {
        return new BigInteger(159, new SecureRandom());
    }

    private static String pem(X509Certificate certificate) {
        try {
            return PemFiles.pem(new JcaMiscPEMGenerator(certificate));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }
}
