package io.stellaops.airlock.app.pki;

/** The outcome of one TLS check: passed, passed with a warning, or failed. */
public enum CheckStatus {
    PASS, WARN, FAIL;

    /** "pass", "warn" or "fail", as printed and in JSON. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
