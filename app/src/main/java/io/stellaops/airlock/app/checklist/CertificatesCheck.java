package io.stellaops.airlock.app.checklist;

import io.stellaops.airlock.app.checklist.ChecklistConfig.ClientTls;
import io.stellaops.airlock.app.checklist.ChecklistConfig.ClusterAccess;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.archive.Sha256;
import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.keys.PemFiles;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
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
    private final Optional<ClusterAccess> cluster;
    private final Clock clock;
    private final Map<String, String> env;
    private final Path home;

    CertificatesCheck(ClientTls tls, Clock clock) {
        this(tls, Optional.empty(), clock);
    }

    /** @param cluster where to read the live secret when no copy of it ({@code tls.live}) is given */
    CertificatesCheck(ClientTls tls, Optional<ClusterAccess> cluster, Clock clock) {
        this(tls, cluster, clock, System.getenv(), Path.of(System.getProperty("user.home")));
    }

    CertificatesCheck(ClientTls tls, Optional<ClusterAccess> cluster, Clock clock, Map<String, String> env, Path home) {
        this.tls = tls;
        this.cluster = cluster;
        this.clock = clock;
        this.env = env;
        this.home = home;
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
        Optional<LiveSecret> live = live(evidence, findings);
        if (live.isEmpty() && !findings.failed() && tls.liveDirectory().isEmpty() && cluster.isEmpty()) {
            evidence.add("compare with the live secret", "not asked: configure cluster (to read the secret through the"
                    + " Kubernetes API) or give --live-tls DIR (or tls.live) with the secret's tls.crt");
        }
        live.ifPresent(secret -> compareLive(secret, server, ca, evidence, findings));
        if (!findings.failed()) {
            findings.pass("every certificate is valid for more than the " + tls.expiryWindow().toDays() + "-day window"
                    + (live.isPresent() ? "; the live secret holds the local certificates"
                    : "; the live secret was not compared"));
        }
        return findings.result();
    }

    private Optional<LiveSecret> live(EvidenceLog evidence, Findings findings) {
        if (tls.liveDirectory().isPresent()) {
            try {
                return Optional.of(LiveSecret.fromFolder(tls.liveDirectory().get()));
            } catch (BundleException e) {
                evidence.add("read the live secret's copy in " + tls.liveDirectory().get(), "failed: " + e.getMessage());
                findings.fail(FailureReason.LOCAL_FILE, "live secret: " + e.getMessage(), "Give --live-tls a folder with"
                        + " the secret's keys as files: kubectl -n observability get secret stellaops-otel-tls-stage"
                        + " -o jsonpath='{.data.tls\\.crt}' | base64 -d > DIR/tls.crt");
                return Optional.empty();
            }
        }
        if (cluster.isEmpty()) {
            return Optional.empty();
        }
        String request = "GET secret " + cluster.get().namespace() + "/" + cluster.get().tlsSecret()
                + " (only tls.crt and ca.crt are kept)";
        try {
            LiveSecret secret = LiveSecret.fromCluster(cluster.get(), env, home);
            evidence.add(request, "read from " + secret.source() + ": tls.crt " + (secret.tlsCrt().isPresent() ? "present"
                    : "MISSING") + ", ca.crt " + (secret.caCrt().isPresent() ? "present" : "missing"));
            return Optional.of(secret);
        } catch (ProbeException e) {
            evidence.add(request, "failed (" + e.reason().id() + "): " + e.getMessage());
            findings.fail(e, "Check cluster.kubeconfig and cluster.context (or --kubeconfig, --context), that the API"
                    + " server is reachable from this machine, that the user may get secrets in namespace "
                    + cluster.get().namespace() + ", and that the secret " + cluster.get().tlsSecret() + " was created"
                    + " (cluster apply).");
            return Optional.empty();
        }
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

    private static void compareLive(LiveSecret live, Optional<List<X509Certificate>> server,
            Optional<List<X509Certificate>> ca, EvidenceLog evidence, Findings findings) {
        if (server.isEmpty()) {
            findings.fail(FailureReason.LOCAL_FILE, "the live secret can only be compared with a local tls.crt: set"
                    + " tls.serverCert", "Set tls.serverCert to the tls.crt that was rolled out.");
            return;
        }
        if (live.tlsCrt().isEmpty()) {
            evidence.add("compare live tls.crt of " + live.source(), "the secret has no tls.crt");
            findings.fail(FailureReason.UNEXPECTED, live.source() + " has no tls.crt", ROLL_OUT);
            return;
        }
        compare(live, live.tlsCrt().get(), server.get().get(0), "tls.crt", evidence, findings);
        if (live.caCrt().isPresent() && ca.isPresent()) {
            compare(live, live.caCrt().get(), ca.get().get(0), "ca.crt", evidence, findings);
        }
    }

    private static void compare(LiveSecret secret, byte[] pem, X509Certificate local, String name, EvidenceLog evidence,
            Findings findings) {
        try {
            List<X509Certificate> certificates = Certificates.fromPem(PemFiles.parse(pem, name + " of " + secret.source()),
                    name + " of " + secret.source());
            if (certificates.isEmpty()) {
                throw new BundleException(Failure.REFUSED, name + " of " + secret.source() + " holds no CERTIFICATE block");
            }
            String liveFingerprint = fingerprint(certificates.get(0));
            String localFingerprint = fingerprint(local);
            boolean same = liveFingerprint.equals(localFingerprint);
            evidence.add("compare live " + name + " of " + secret.source() + " with local " + name, "live sha256 "
                    + liveFingerprint + ", local sha256 " + localFingerprint + (same ? ": equal" : ": DIFFERENT"));
            if (!same) {
                findings.fail(FailureReason.UNEXPECTED, "the live secret's " + name + " (sha256 " + liveFingerprint
                        + ") is not the local one (sha256 " + localFingerprint + ")", ROLL_OUT);
            }
        } catch (BundleException e) {
            evidence.add("read live " + name + " of " + secret.source(), "failed: " + e.getMessage());
            findings.fail(secret.copy() ? FailureReason.LOCAL_FILE : FailureReason.UNEXPECTED, "live secret: "
                    + e.getMessage(), ROLL_OUT);
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
