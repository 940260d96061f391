package io.stellaops.airlock.app.pki;

import java.util.Objects;

/**
 * One line of a TLS check: which check ({@code key}, {@code chain}, {@code validity}, {@code usage},
 * {@code names}), its status, and the reason in words. Details name files, subjects, dates and
 * hosts, never key material.
 */
public record TlsCheckItem(String id, CheckStatus status, String detail) {
    public TlsCheckItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    static TlsCheckItem pass(String id, String detail) {
        return new TlsCheckItem(id, CheckStatus.PASS, detail);
    }

    static TlsCheckItem warn(String id, String detail) {
        return new TlsCheckItem(id, CheckStatus.WARN, detail);
    }

    static TlsCheckItem fail(String id, String detail) {
        return new TlsCheckItem(id, CheckStatus.FAIL, detail);
    }
}
