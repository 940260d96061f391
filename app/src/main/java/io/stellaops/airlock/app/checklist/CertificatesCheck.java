package io.stellaops.airlock.app.checklist;

import io.stellaops.airlock.app.checklist.ChecklistConfig.ClientTls;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.archive.Sha256;
import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.keys.PemFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * "Certificates rotated and secrets updated": the local TLS material (the CA, the client
 * certificate and, when configured, the collector and storage certificate {@code tls.crt}) is valid
 * now and for at least the expiry window; and when a copy of the live secret is given, its
 * {@code tls.crt} (and {@code ca.crt}) are the local ones, compared by SHA-256 fingerprint only.
 */
final class CertificatesCheck implements Check {
    private static final String RENEW = "Renew the certificate before it expires: issue new material from the site PKI"
            + " (or 'airlock pki dev-tls' for a dev cluster), update the secret stellaops-otel-tls-stage, and restart"
            + " the collector, Prometheus, Loki and Tempo so they load it.";
    private static final String ROLL_OUT = "The cluster still serves other certificates than the local ones: update the"
            + " secret stellaops-otel-tls-stage from the local files (kubectl create secret generic ... --dry-run=client"
            + " -o yaml | kubectl apply -f -) and restart the workloads that mount it; or point tls.* at the files that"
            + " were rolled out.";

    private final ClientTls tls;
    private final Clock clock;

    CertificatesCheck(ClientTls tls, Clock clock) {
        this.tls = tls;
        this.clock = clock;
    }

    @Override
    public String id() {
        return StandardChecklist.CERTIFICATES;
    }

    @Override
    public String title() {
        return "Certificates rotated and secrets updated";
    }

    @Override
    public CheckResult run(EvidenceLog evidence) {
        Findings findings = new Findings();
        Instant now = clock.instant();
        Optional<List<X509Certificate>> ca = validity(tls.ca(), "tls.ca", true, now, evidence, findings);
        validity(tls.certificate(), "tls.cert", false, now, evidence, findings);
        Optional<List<X509Certificate>> server = tls.serverCertificate().isPresent()
                ? validity(tls.serverCertificate().get(), "tls.serverCert", false, now, evidence, findings)
                : Optional.empty();
        if (tls.liveDirectory().isEmpty()) {
            evidence.add("compare with the live secret", "not asked: give --live-tls DIR (or tls.live) with the"
                    + " secret's tls.crt to compare");
        } else {
            live(tls.liveDirectory().get(), server, ca, evidence, findings);
        }
        if (!findings.failed()) {
            findings.pass("every certificate is valid for more than the " + tls.expiryWindow().toDays() + "-day window"
                    + (tls.liveDirectory().isPresent() ? "; the live secret holds the local certificates"
                    : "; the live secret was not compared"));
        }
        return findings.result();
    }

    private Optional<List<X509Certificate>> validity(Path file, String setting, boolean everyOne, Instant now,
            EvidenceLog evidence, Findings findings) {
        List<X509Certificate> certificates;
        try {
            certificates = everyOne ? Certificates.fromPem(PemFiles.read(file), file.toString()) : Certificates.readChain(file);
            if (certificates.isEmpty()) {
                throw new BundleException(Failure.REFUSED, file + " holds no CERTIFICATE block");
            }
        } catch (BundleException e) {
            evidence.add("read " + file, "failed: " + e.getMessage());
            findings.fail(FailureReason.LOCAL_FILE, setting + ": " + e.getMessage(), FixHints.TLS_FILES);
            return Optional.empty();
        }
        for (X509Certificate certificate : everyOne ? certificates : certificates.subList(0, 1)) {
            Instant notAfter = certificate.getNotAfter().toInstant();
            String subject = "'" + Certificates.subject(certificate) + "'";
            evidence.add("read " + file, subject + ", valid " + certificate.getNotBefore().toInstant() + " to " + notAfter
                    + ", sha256 " + fingerprint(certificate));
            long days = Duration.between(now, notAfter).toDays();
            if (now.isAfter(notAfter)) {
                findings.fail(FailureReason.UNEXPECTED, setting + " " + subject + " expired on " + notAfter, RENEW);
            } else if (now.isBefore(certificate.getNotBefore().toInstant())) {
                findings.fail(FailureReason.UNEXPECTED, setting + " " + subject + " is not valid before "
                        + certificate.getNotBefore().toInstant() + " (check this machine's clock)", RENEW);
            } else if (notAfter.isBefore(now.plus(tls.expiryWindow()))) {
                findings.fail(FailureReason.UNEXPECTED, setting + " " + subject + " expires on " + notAfter + ", in " + days
                        + " days, within the " + tls.expiryWindow().toDays() + "-day window", RENEW);
            }
        }
        return Optional.of(certificates);
    }

    private static void live(Path directory, Optional<List<X509Certificate>> server, Optional<List<X509Certificate>> ca,
            EvidenceLog evidence, Findings findings) {
        Path liveServer = directory.resolve("tls.crt");
        if (server.isEmpty()) {
            findings.fail(FailureReason.LOCAL_FILE, "the live secret can only be compared with a local tls.crt: set"
                    + " tls.serverCert", "Set tls.serverCert to the tls.crt that was rolled out.");
            return;
        }
        compare(liveServer, server.get().get(0), "tls.crt", evidence, findings, true);
        Path liveCa = directory.resolve("ca.crt");
        if (Files.exists(liveCa) && ca.isPresent()) {
            compare(liveCa, ca.get().get(0), "ca.crt", evidence, findings, false);
        }
    }

    private static void compare(Path liveFile, X509Certificate local, String name, EvidenceLog evidence, Findings findings,
            boolean required) {
        try {
            X509Certificate live = Certificates.readChain(liveFile).get(0);
            String liveFingerprint = fingerprint(live);
            String localFingerprint = fingerprint(local);
            boolean same = liveFingerprint.equals(localFingerprint);
            evidence.add("compare live " + liveFile + " with local " + name, "live sha256 " + liveFingerprint + ", local sha256 "
                    + localFingerprint + (same ? ": equal" : ": DIFFERENT"));
            if (!same) {
                findings.fail(FailureReason.UNEXPECTED, "the live secret's " + name + " (sha256 " + liveFingerprint
                        + ") is not the local one (sha256 " + localFingerprint + ")", ROLL_OUT);
            }
        } catch (BundleException e) {
            evidence.add("read " + liveFile, "failed: " + e.getMessage());
            if (required) {
                findings.fail(FailureReason.LOCAL_FILE, "live secret: " + e.getMessage(), "Give --live-tls a folder with"
                        + " the secret's keys as files: kubectl -n observability get secret stellaops-otel-tls-stage"
                        + " -o jsonpath='{.data.tls\\.crt}' | base64 -d > DIR/tls.crt");
            }
        }
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(Sha256.newDigest().digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("a decoded certificate cannot be encoded again", e);
        }
    }
}
