package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** Dev TLS material written to a folder, for the tests. */
final class TlsFixtures {
    static final SecureRandom RANDOM = new SecureRandom();

    private TlsFixtures() {
    }

    static TlsMaterialFiles write(Path dir, DevTlsRequest request, Clock clock) throws Exception {
        return new TlsMaterialWriter(RANDOM).write(TlsMaterial.generate(request, clock, RANDOM), dir, false);
    }

    static TlsMaterialFiles write(Path dir, KeyAlgorithm keyType) throws Exception {
        DevTlsRequest defaults = DevTlsRequest.defaults();
        return write(dir, new DevTlsRequest(keyType, defaults.hosts(), defaults.days(), defaults.clientCommonName()),
                Clock.systemUTC());
    }

    static TlsMaterialFiles write(Path dir) throws Exception {
        return write(dir, DevTlsRequest.DEFAULT_KEY_TYPE);
    }
}
