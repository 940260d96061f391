package io.stellaops.airlock.app.checklist;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Turns what the JDK's HTTP client throws into a precise {@link FailureReason} and a message that
 * names the endpoint and says what happened in the operator's words. The JDK's own message is kept
 * at the end for the record; it never holds key material.
 */
final class ProbeFailures {
    private static final Pattern ALERT = Pattern.compile("Received fatal alert: ([a-z_]+)");

    private ProbeFailures() {
    }

    static ProbeException classify(Throwable failure, URI uri, Duration timeout) {
        String where = uri.getHost() + ":" + port(uri);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return new ProbeException(FailureReason.TIMEOUT, "no connection to " + where + " within "
                        + Durations.format(timeout));
            }
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException) {
                return new ProbeException(FailureReason.TIMEOUT, where + " did not answer " + uri.getPath() + " within "
                        + Durations.format(timeout));
            }
            if (t instanceof SSLException ssl) {
                return new ProbeException(FailureReason.TLS, tls(ssl, where));
            }
            if (t instanceof ConnectException && (has(t, UnresolvedAddressException.class) || has(t, UnknownHostException.class))) {
                // The JDK's client wraps a failed name lookup in a ConnectException whose own message says nothing.
                return new ProbeException(FailureReason.UNREACHABLE, "cannot resolve the host " + uri.getHost());
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new ProbeException(FailureReason.UNREACHABLE, "cannot connect to " + where + ": "
                        + (t.getMessage() == null ? "connection refused" : t.getMessage()));
            }
            if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
                return new ProbeException(FailureReason.UNREACHABLE, "cannot resolve the host " + uri.getHost());
            }
            if (t instanceof CappedBody.TooLarge) {
                return new ProbeException(FailureReason.MALFORMED_RESPONSE, where + uri.getPath() + ": " + t.getMessage());
            }
        }
        if (failure instanceof IOException || failure.getCause() instanceof IOException) {
            // The TCP connection was accepted and the handshake did not fail on this side (that would be an
            // SSLException), yet no HTTP byte came: in TLS 1.3 a server refuses the client certificate after
            // the client has finished its part of the handshake, and the alert may be lost to the close.
            Throwable io = failure instanceof IOException ? failure : failure.getCause();
            return new ProbeException(FailureReason.TLS, where + " closed the connection after the TLS handshake without"
                    + " an HTTP answer" + (io.getMessage() == null ? "" : " (" + io.getMessage() + ")")
                    + ": it most likely refused the client certificate");
        }
        return new ProbeException(FailureReason.INTERNAL, "asking " + where + " failed: " + failure);
    }

    private static String tls(SSLException ssl, String where) {
        String message = String.valueOf(ssl.getMessage());
        Matcher alert = ALERT.matcher(message);
        if (alert.find()) {
            String name = alert.group(1);
            return where + " refused the TLS connection (alert " + name + "): " + switch (name) {
                case "certificate_required" -> "it requires a client certificate";
                case "certificate_expired" -> "it says the client certificate has expired";
                case "unknown_ca", "bad_certificate", "certificate_unknown" ->
                        "it does not accept the client certificate (not issued by a CA it trusts, expired, or not for clients)";
                case "protocol_version" -> "no common TLS version (Airlock speaks TLS 1.2 and 1.3)";
                case "handshake_failure" -> "no common cipher suite or the client certificate was refused";
                default -> "TLS failure";
            };
        }
        if (has(ssl, CertificateExpiredException.class)) {
            return "the certificate of " + where + " has expired";
        }
        if (has(ssl, CertificateNotYetValidException.class)) {
            return "the certificate of " + where + " is not valid yet (check the clocks)";
        }
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("subject alternative") || lower.contains("no name matching")) {
            return "the certificate of " + where + " does not name the host " + where.substring(0, where.lastIndexOf(':'))
                    + " (hostname verification)";
        }
        if (has(ssl, CertPathValidatorException.class) || lower.contains("pkix path") || lower.contains("unable to find valid certification path")) {
            return "the certificate of " + where + " is not issued by the configured CA (tls.ca)";
        }
        return "TLS handshake with " + where + " failed: " + message;
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : 443;
    }
}
