package io.stellaops.airlock.bundle.keys;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The Bouncy Castle provider, used by name-free reference for PKCS#8 encryption only and never
 * registered with {@code java.security.Security}: installing a provider changes every JCA lookup
 * of the host application, which a library has no business doing.
 */
final class BouncyCastle {
    static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
