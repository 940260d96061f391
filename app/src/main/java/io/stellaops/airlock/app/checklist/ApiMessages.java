package io.stellaops.airlock.app.checklist;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * One line for a failed Kubernetes API call or port-forward: unreachable, timed out, or the HTTP
 * status with the API's short message. fabric8's own exception text is never used whole, since it
 * can quote responses, and a secret's response holds key material.
 */
final class ApiMessages {
    private static final int MAX = 200;

    private ApiMessages() {
    }

    static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException) {
                return "cannot connect to the API server (" + t.getClass().getSimpleName() + ")";
            }
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return "the API server did not answer in time";
            }
        }
        if (failure instanceof KubernetesClientException api && api.getCode() > 0) {
            String message = api.getStatus() == null ? null : api.getStatus().getMessage();
            String text = message == null || message.isBlank() ? "" : ": " + Printable.excerpt(shorten(message));
            return "HTTP " + api.getCode() + text + switch (api.getCode()) {
                case 401 -> " (the kubeconfig's credentials were not accepted)";
                case 403 -> " (the kubeconfig's user lacks the permission: get on secrets, get and create on"
                        + " pods/portforward)";
                default -> "";
            };
        }
        return failure.getClass().getSimpleName() + (failure.getCause() == null ? ""
                : " (" + failure.getCause().getClass().getSimpleName() + ")");
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= MAX ? line : line.substring(0, MAX) + "...";
    }
}
