package io.stellaops.airlock.bundle.verify;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;

/**
 * A refused signature step that still carries what was learnt about each signature, so that the
 * report of a refused bundle says which signatures were there and why none or too few counted.
 */
public final class AuthenticationException extends BundleException {
    private static final long serialVersionUID = 1L;

    private final transient Authentication authentication;

    public AuthenticationException(Failure failure, String message, Authentication authentication) {
        super(failure, message);
        this.authentication = authentication;
    }

    public Authentication authentication() {
        return authentication;
    }
}
