package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.io.AtomicFiles;
import io.stellaops.airlock.bundle.keys.KeyWriter;
import io.stellaops.airlock.bundle.keys.PemFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes {@link TlsMaterial} into a folder as {@link TlsMaterialFiles}: certificates as PEM
 * (readable by all), private keys as unencrypted PKCS#8 PEM created owner-only from the first byte
 * (servers read them without a passphrase), each file atomically. A new folder is created
 * owner-only. Existing files are refused as a whole, before anything is written, unless replacing
 * is asked for; a failed write removes what this run wrote.
 */
public final class TlsMaterialWriter {
    private final KeyWriter keyWriter;

    public TlsMaterialWriter(SecureRandom random) {
        this.keyWriter = new KeyWriter(random);
    }

    /**
     * @param replace whether existing files may be replaced
     * @throws BundleException {@link Failure#USAGE} when a file exists and {@code replace} is false or
     *                         {@code directory} is not a folder, {@link Failure#UNREADABLE} when writing fails
     */
    public TlsMaterialFiles write(TlsMaterial material, Path directory, boolean replace) throws BundleException {
        TlsMaterialFiles files = TlsMaterialFiles.in(directory);
        prepare(directory);
        List<Path> existing = files.all().stream().filter(Files::exists).toList();
        if (!existing.isEmpty() && !replace) {
            throw new BundleException(Failure.USAGE, String.join(", ", existing.stream().map(Path::toString).toList())
                    + (existing.size() == 1 ? " already exists" : " already exist") + "; give --force to replace");
        }
        List<Path> written = new ArrayList<>();
        try {
            certificate(material.ca().certificate(), files.caCertificate(), replace, written);
            certificate(material.server().certificate(), files.serverCertificate(), replace, written);
            certificate(material.client().certificate(), files.clientCertificate(), replace, written);
            key(material.server(), files.serverKey(), replace, written);
            key(material.client(), files.clientKey(), replace, written);
            key(material.ca(), files.caKey(), replace, written);
        } catch (BundleException | RuntimeException e) {
            if (!replace) {
                written.forEach(AtomicFiles::deleteQuietly);
            }
            throw e;
        }
        return files;
    }

    private static void prepare(Path directory) throws BundleException {
        try {
            if (Files.isDirectory(directory)) {
                return;
            }
            if (Files.exists(directory)) {
                throw new BundleException(Failure.USAGE, directory + " exists and is not a folder");
            }
            Path parent = directory.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectory(directory);
            }
        } catch (IOException e) {
            throw new BundleException(Failure.UNREADABLE, "cannot create " + directory + ": " + AtomicFiles.describe(e), e);
        }
    }

    private static void certificate(X509Certificate certificate, Path file, boolean replace, List<Path> written)
            throws BundleException {
        try {
            AtomicFiles.write(file, PemFiles.encode("CERTIFICATE", certificate.getEncoded()), false, replace);
            written.add(file);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a certificate that was just issued", e);
        }
    }

    private void key(IssuedCertificate issued, Path file, boolean replace, List<Path> written) throws BundleException {
        keyWriter.writePrivateKey(issued.key(), file, Optional.empty(), replace);
        written.add(file);
    }
}
