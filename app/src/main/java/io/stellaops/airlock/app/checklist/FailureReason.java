package io.stellaops.airlock.app.checklist;

import java.util.Locale;

/** Why a check failed, precise enough to pick the fix: each reason has its own hint. */
public enum FailureReason {
    /** Nothing accepted the connection (refused, no route, unknown host). */
    UNREACHABLE,
    /** No connection or no complete answer within the timeout. */
    TIMEOUT,
    /**
     * The TLS handshake failed: the server's certificate is not from the configured CA or does not
     * name the host, the server refused the client certificate, or the server does not require one.
     */
    TLS,
    /** The server answered with an unexpected HTTP status. */
    HTTP_STATUS,
    /** The answer is not the JSON or text format the endpoint documents. */
    MALFORMED_RESPONSE,
    /** The answer is well-formed but says something is wrong (target down, alert missing, retention differs). */
    UNEXPECTED,
    /** A local file (certificate, key, overrides, rules) is missing, unreadable or malformed. */
    LOCAL_FILE,
    /** The check itself broke; a bug to report. */
    INTERNAL;

    /** "http-status", "malformed-response": as printed and in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
