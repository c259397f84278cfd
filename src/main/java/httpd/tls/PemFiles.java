package httpd.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * PEM files in and out, with BouncyCastle's parser: certificates in the order written, a private key in any of
 * its usual forms (PKCS#8 {@code PRIVATE KEY}, traditional {@code RSA PRIVATE KEY} and {@code EC PRIVATE KEY}),
 * and files written whole or not at all, a key readable by its owner only from its first byte.
 */
final class PemFiles {
    private static final FileAttribute<?> OWNER_ONLY_FILE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private PemFiles() {
    }

    /** Every certificate in the file, in order. */
    static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(open(file))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        } catch (TlsException e) {
            throw e;
        } catch (IOException | CertificateException | RuntimeException e) {
            throw new TlsException(file + " is not a PEM certificate file (" + firstLine(e) + ")");
        }
        if (certificates.isEmpty()) {
            throw new TlsException(file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    /** The first private key in the file. */
    static PrivateKey privateKey(Path file) {
        try (PEMParser parser = new PEMParser(open(file))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new TlsException(file + " is encrypted; httpd needs an unencrypted key"
                            + " (openssl pkey -in " + file.getFileName() + " -out key.pem)");
                }
                if (item instanceof PEMKeyPair pair) {
                    // traditional RSA or EC form; an EC key written without its public part has no key pair
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
            }
        } catch (TlsException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TlsException(file + " is not a PEM private key file (" + firstLine(e) + ")");
        }
        throw new TlsException(file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
    }

    /** A certificate ({@code JcaMiscPEMGenerator}) or a PKCS#8 key ({@code JcaPKCS8Generator}) as PEM text. */
    static String pem(PemObjectGenerator item) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(item);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write PEM to a string", e);
        }
        return text.toString();
    }

    /**
     * Writes the file whole or not at all: into a new file beside it, renamed into place. A key file is
     * created readable by its owner only before a byte of the key is in it.
     */
    static void write(Path file, String text, boolean secret) {
        Path temporary = file.resolveSibling(file.getFileName() + ".new");
        try {
            Files.deleteIfExists(temporary);
            if (secret && OwnerOnly.supported(file)) {
                Files.createFile(temporary, OWNER_ONLY_FILE);
            } else {
                Files.createFile(temporary);
            }
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII)) {
                writer.write(text);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new TlsException("cannot write " + file + ": " + temporary + " appeared meanwhile");
        } catch (IOException e) {
            throw new TlsException("cannot write " + file + ": " + firstLine(e));
        }
    }

    private static Reader open(Path file) {
        try {
            return Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new TlsException(file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new TlsException(file + " is not readable (permission denied)");
        } catch (IOException e) {
            throw new TlsException("cannot read " + file + ": " + firstLine(e));
        }
    }

    static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
