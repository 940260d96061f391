package io.stellaops.airlock.app.cluster;

import io.stellaops.airlock.app.cluster.ClusterException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The TLS files of secret {@code stellaops-otel-tls-stage}: {@code tls.crt}, {@code tls.key} and
 * {@code ca.crt} from one folder (as {@code airlock pki dev-tls} or a PKI writes them). Only their
 * shape is checked here: the certificates parse and are valid now, the key file holds a PEM private
 * key. Whether key and certificate match is {@code airlock pki check}'s job. The key is never parsed
 * or shown.
 */
public final class TlsMaterial {
    public static final String CERT = "tls.crt";
    public static final String KEY = "tls.key";
    public static final String CA = "ca.crt";
    private static final int MAX_BYTES = 1024 * 1024;

    /** What the plan shows of a certificate file. */
    public record CertificateSummary(String file, String subject, Instant notAfter, int count) {
    }

    private TlsMaterial() {
    }

    /** Reads the three files of {@code dir} into values of the TLS Secret; certificates summarised into {@code summaries}. */
    public static List<Entry> read(Path dir, Clock clock, List<CertificateSummary> summaries) throws ClusterException {
        if (!Files.isDirectory(dir)) {
            throw new ClusterException(Reason.UNREADABLE, "TLS folder " + dir + " does not exist");
        }
        List<Entry> entries = new ArrayList<>();
        for (String name : List.of(CA, CERT, KEY)) {
            Path file = dir.resolve(name);
            byte[] bytes = readSmall(file, "TLS file");
            entries.add(new Entry(name, new DataValue(bytes, true, file.toString())));
            if (name.equals(KEY)) {
                checkKey(bytes, file);
            } else {
                summaries.add(certificates(bytes, file, clock));
            }
        }
        return entries;
    }

    /** A key of the Secret and its value. */
    public record Entry(String key, DataValue value) {
    }

    static byte[] readSmall(Path file, String what) throws ClusterException {
        try {
            if (!Files.isRegularFile(file)) {
                throw new ClusterException(Reason.UNREADABLE, what + " " + file + " does not exist");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new ClusterException(Reason.REFUSED, what + " " + file + " is larger than " + MAX_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                throw new ClusterException(Reason.REFUSED, what + " " + file + " is empty");
            }
            return bytes;
        } catch (IOException e) {
            throw new ClusterException(Reason.UNREADABLE, "cannot read " + what + " " + file + ": "
                    + io.stellaops.airlock.bundle.io.AtomicFiles.describe(e), e);
        }
    }

    private static void checkKey(byte[] bytes, Path file) throws ClusterException {
        // Only the armour lines are looked at; the key itself is not decoded.
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.contains("-----BEGIN ") || !text.contains("PRIVATE KEY-----")) {
            throw new ClusterException(Reason.REFUSED, "TLS file " + file + " is not a PEM private key (no"
                    + " '-----BEGIN ... PRIVATE KEY-----' block)");
        }
    }

    private static CertificateSummary certificates(byte[] bytes, Path file, Clock clock) throws ClusterException {
        Collection<? extends java.security.cert.Certificate> certs;
        try {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes));
        } catch (CertificateException e) {
            throw new ClusterException(Reason.REFUSED, "TLS file " + file + " is not a PEM certificate", e);
        }
        if (certs.isEmpty()) {
            throw new ClusterException(Reason.REFUSED, "TLS file " + file + " holds no certificate");
        }
        X509Certificate first = (X509Certificate) certs.iterator().next();
        Instant now = clock.instant();
        for (java.security.cert.Certificate cert : certs) {
            X509Certificate x509 = (X509Certificate) cert;
            if (now.isAfter(x509.getNotAfter().toInstant())) {
                throw new ClusterException(Reason.NOT_VALID_NOW, "TLS file " + file + ": certificate "
                        + x509.getSubjectX500Principal().getName() + " expired at " + x509.getNotAfter().toInstant()
                        + "; renew it before bootstrapping");
            }
        }
        return new CertificateSummary(file.getFileName().toString(), first.getSubjectX500Principal().getName(),
                first.getNotAfter().toInstant(), certs.size());
    }
}
