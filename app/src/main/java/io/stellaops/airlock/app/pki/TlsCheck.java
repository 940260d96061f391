package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.Certificates;
import io.stellaops.airlock.bundle.keys.PemFiles;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks TLS material, typically issued by the site's own PKI, before it goes into the cluster:
 * the key belongs to the certificate, the certificate chains to the CA, it is valid now (and not
 * about to expire), it is meant for its role, and it names every host clients will dial. Each check
 * yields a line; unreadable files are refused before any check runs.
 */
public final class TlsCheck {
    private final Clock clock;
    private final SecureRandom random;

    public TlsCheck(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    /**
     * @throws BundleException {@link Failure#UNREADABLE} when a file is missing or unreadable,
     *                         {@link Failure#REFUSED} when a file holds no certificate or no usable key
     */
    public TlsCheckResult check(TlsCheckRequest request) throws BundleException {
        String caSource = request.caFile().toString();
        String source = request.certificateFile().toString();
        List<X509Certificate> cas = caCertificates(request.caFile());
        List<X509Certificate> chain = Certificates.readChain(request.certificateFile());
        PrivateKey key = TlsKeys.read(request.keyFile());
        X509Certificate leaf = chain.get(0);
        Instant now = clock.instant();

        List<TlsCheckItem> items = new ArrayList<>();
        items.add(keyCheck(key, leaf, request.keyFile(), source));
        ChainValidation.Outcome chainOutcome = ChainValidation.validate(chain, cas, now, source, caSource);
        items.add(chainOutcome.item());
        items.add(CertificateChecks.validity(chainOutcome.path(), labels(chainOutcome.path(), source, caSource, cas), now,
                request.warnDays()));
        items.add(CertificateChecks.usage(leaf, request.role(), source));
        Optional<HostNames> hosts = request.role() == TlsRole.SERVER
                ? Optional.of(request.hosts().orElse(HostNames.serviceNames(HostNames.DEFAULT_NAMESPACE)))
                : request.hosts();
        if (hosts.isPresent()) {
            items.add(CertificateChecks.names(leaf, hosts.get(), source));
        }
        return new TlsCheckResult(leaf, request.role(), hosts.map(HostNames::all).orElse(List.of()), items);
    }

    private TlsCheckItem keyCheck(PrivateKey key, X509Certificate leaf, Path keyFile, String source) {
        String type = TlsKeys.describe(leaf.getPublicKey());
        Optional<String> mismatch = TlsKeys.mismatch(key, leaf.getPublicKey(), random);
        if (mismatch.isPresent()) {
            return TlsCheckItem.fail("key", keyFile + " does not belong to " + source + " (" + type + "): "
                    + mismatch.get());
        }
        Optional<String> weakness = TlsKeys.weakness(leaf.getPublicKey());
        if (weakness.isPresent()) {
            return TlsCheckItem.fail("key", keyFile + " matches " + source + ", but " + type + " is too weak: "
                    + weakness.get());
        }
        return TlsCheckItem.pass("key", keyFile + " matches " + source + " (" + type + ")");
    }

    /** Every certificate of the CA file is a trust anchor, as with openssl's -CAfile and Go's RootCAs. */
    private static List<X509Certificate> caCertificates(Path file) throws BundleException {
        List<X509Certificate> cas = Certificates.fromPem(PemFiles.read(file), file.toString());
        if (cas.isEmpty()) {
            throw new BundleException(Failure.REFUSED, file + " holds no CERTIFICATE block");
        }
        return cas;
    }

    private static List<String> labels(List<X509Certificate> path, String source, String caSource,
            List<X509Certificate> cas) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            X509Certificate certificate = path.get(i);
            labels.add(i == 0 ? source : (cas.contains(certificate) ? "the CA '" + Certificates.subject(certificate)
                    + "' in " + caSource : "the intermediate '" + Certificates.subject(certificate) + "'"));
        }
        return labels;
    }
}
