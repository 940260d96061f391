package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code pki dev-tls} (and the wizard's TLS step) asks for: the key type, the server's hosts,
 * how many days the material is valid, and the client certificate's identity. A request that
 * exists is valid; {@link #of} reports a bad one as a usage error.
 *
 * @param keyType          one type for the CA, server and client keys
 * @param hosts            the server certificate's subject alternative names
 * @param days             validity from now, 1 to {@link #MAX_DAYS}
 * @param clientCommonName the client certificate's common name
 */
public record DevTlsRequest(KeyAlgorithm keyType, HostNames hosts, int days, String clientCommonName) {
    public static final KeyAlgorithm DEFAULT_KEY_TYPE = KeyAlgorithm.ECDSA_P256;
    public static final int DEFAULT_DAYS = 365;
    public static final int MAX_DAYS = 3650;
    /** The runbook's Authority client that scrapes the collector. */
    public static final String DEFAULT_CLIENT = "observability-prometheus";

    public DevTlsRequest {
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(hosts, "hosts");
        problem(days, clientCommonName).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
    }

    /** @throws BundleException {@link Failure#USAGE} for days out of range or an unusable client name */
    public static DevTlsRequest of(KeyAlgorithm keyType, HostNames hosts, int days, String clientCommonName)
            throws BundleException {
        Optional<String> problem = problem(days, clientCommonName);
        if (problem.isPresent()) {
            throw new BundleException(Failure.USAGE, problem.get());
        }
        return new DevTlsRequest(keyType, hosts, days, clientCommonName);
    }

    /** The runbook's defaults: ECDSA P-256, the in-cluster names of namespace observability, 365 days, observability-prometheus. */
    public static DevTlsRequest defaults() throws BundleException {
        return of(DEFAULT_KEY_TYPE, HostNames.devTlsDefaults(HostNames.DEFAULT_NAMESPACE), DEFAULT_DAYS, DEFAULT_CLIENT);
    }

    private static Optional<String> problem(int days, String clientCommonName) {
        if (days < 1 || days > MAX_DAYS) {
            return Optional.of("days must be 1 to " + MAX_DAYS + ", not " + days);
        }
        if (clientCommonName == null || clientCommonName.isBlank() || clientCommonName.length() > 64
                || !clientCommonName.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            return Optional.of("the client name must be 1 to 64 printable ASCII characters");
        }
        return Optional.empty();
    }
}
