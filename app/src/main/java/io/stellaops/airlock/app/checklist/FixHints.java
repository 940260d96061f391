package io.stellaops.airlock.app.checklist;

/** What to do about a failed probe of a service, by reason; the words of docs/checklist.md. */
final class FixHints {
    static final String TLS_FILES = "Check tls.ca, tls.cert and tls.key: the files exist, hold PEM, the key is"
            + " unencrypted and belongs to the certificate ('airlock pki check --client --ca CA --cert CERT --key KEY').";

    private FixHints() {
    }

    /**
     * @param service the service as the operator knows it ("Prometheus", "the collector")
     * @param setting the config key of its URL ("endpoints.prometheus")
     */
    static String forProbe(ProbeException e, String service, String setting) {
        return switch (e.reason()) {
            case UNREACHABLE -> "Check that " + service + " runs and that " + setting + " is right (host, port;"
                    + " a port-forward must be running), and that no network policy blocks this machine.";
            case TIMEOUT -> service + " accepts connections but does not answer in time: check its pods and logs,"
                    + " and for a load balancer or port-forward that drops traffic.";
            case TLS -> e.getMessage().contains("does not require a client certificate")
                    ? "Configure " + service + " to require and verify client certificates issued by the CA"
                    + " (Prometheus: tls_server_config.client_auth_type RequireAndVerifyClientCert; Loki and Tempo:"
                    + " client_auth_type RequireAndVerifyClientCert with client_ca_file)."
                    : "Check that tls.ca is the CA that issued " + service + "'s certificate and that the certificate"
                    + " names the host in " + setting + "; that tls.cert is a client certificate from the CA "
                    + service + " trusts and has not expired ('airlock pki check --client'); re-issue and roll out"
                    + " the secret stellaops-otel-tls-stage if the CA changed.";
            case HTTP_STATUS -> "See the status in the evidence: 401 or 403 means the server or gateway refused the"
                    + " identity or tenant; 404 a wrong path in " + setting + "; 5xx an error of " + service
                    + " (check its logs).";
            case MALFORMED_RESPONSE -> setting + " probably points at another service (a proxy, a login page)"
                    + " than " + service + ": check the URL.";
            case LOCAL_FILE -> TLS_FILES;
            default -> "See the evidence for the request that failed.";
        };
    }
}
