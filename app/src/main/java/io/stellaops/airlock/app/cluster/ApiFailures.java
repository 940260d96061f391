package io.stellaops.airlock.app.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Turns a failed API call into one line for the operator: unreachable, timed out, or the HTTP
 * status with the server's message. The server's message is scrubbed of Secret values and cut
 * short; fabric8's own exception text (which can quote whole responses) is never used.
 */
final class ApiFailures {
    private static final int MAX_MESSAGE = 300;

    private ApiFailures() {
    }

    static String describe(RuntimeException e, Redactor redactor, String server, Duration timeout) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return "cannot connect to the API server " + server + " (" + t.getClass().getSimpleName() + ")";
            }
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.net.http.HttpTimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return "the API server " + server + " did not answer within " + timeout.toSeconds() + "s (timed out)";
            }
        }
        if (e instanceof KubernetesClientException api && api.getCode() > 0) {
            String message = api.getStatus() == null ? null : api.getStatus().getMessage();
            String reason = api.getStatus() == null || api.getStatus().getReason() == null ? "" : " " + api.getStatus().getReason();
            String text = message == null || message.isBlank() ? "" : ": " + shorten(redactor.scrub(message));
            return "HTTP " + api.getCode() + reason + text + hint(api.getCode());
        }
        return "the API request failed (" + e.getClass().getSimpleName() + (e.getCause() == null ? ""
                : ", " + e.getCause().getClass().getSimpleName()) + ")";
    }

    private static String hint(int code) {
        return switch (code) {
            case 401 -> " (the kubeconfig's credentials were not accepted)";
            case 403 -> " (the kubeconfig's user lacks the permission; ask for get/create/patch on namespaces, secrets"
                    + " and configmaps)";
            case 409 -> " (a conflicting change; run the command again)";
            default -> code >= 500 ? " (the API server failed; run the command again when it is healthy)" : "";
        };
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "...";
    }
}
