package io.stellaops.airlock.app.checklist;

import io.stellaops.airlock.app.cluster.ConnectionOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code checklist run --config FILE} reads (see {@link ChecklistConfigLoader} for the YAML):
 * where the endpoints are, the TLS material to reach them with, the tenants, the expected retention,
 * the bundle's alert rules, the items only an operator can confirm, and the timeouts. A config that
 * exists is valid; relative paths are already resolved against the config file's folder.
 *
 * @param file          the config file, for the report
 * @param endpoints     the services to ask; a check whose endpoints are missing is skipped
 * @param tls           the client's TLS material and the certificate checks' settings
 * @param tenants       tenant ids (values of X-StellaOps-Tenant) and the header that carries them
 * @param retention     where the staged overrides are and what they must say
 * @param alertRules    the bundle's Prometheus rules file, whose alert names must be loaded
 * @param prometheusJob the scrape job of the collector
 * @param operatorItems items only a person can confirm
 * @param timeouts      per request and per check
 * @param collectorToken the Authority bearer token file Prometheus sends to the collector (secret
 *                       {@code stellaops-prometheus-token}, key {@code token}), sent the same way
 * @param cluster       the Kubernetes API, to read the live secret and to port-forward to endpoints
 * @param forwards      per endpoint name ({@code prometheus}, {@code collectorMetrics}, {@code loki},
 *                      {@code tempo}) reached through a port-forward; its URL in {@link #endpoints} is the
 *                      logical one, {@code https://SERVER-NAME:PORT/PATH}
 */
public record ChecklistConfig(Path file, Endpoints endpoints, ClientTls tls, Tenants tenants, Retention retention,
        Optional<Path> alertRules, String prometheusJob, List<OperatorItem> operatorItems, Timeouts timeouts,
        Optional<Path> collectorToken, Optional<ClusterAccess> cluster, Map<String, Forward> forwards) {
    public ChecklistConfig {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(endpoints, "endpoints");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(tenants, "tenants");
        Objects.requireNonNull(retention, "retention");
        Objects.requireNonNull(alertRules, "alertRules");
        Objects.requireNonNull(prometheusJob, "prometheusJob");
        operatorItems = List.copyOf(operatorItems);
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(collectorToken, "collectorToken");
        Objects.requireNonNull(cluster, "cluster");
        forwards = Map.copyOf(forwards);
        if (!forwards.isEmpty() && cluster.isEmpty()) {
            throw new IllegalArgumentException("a port-forward needs the cluster's API");
        }
    }

    /** The same config with the live secret's folder replaced (the CLI's {@code --live-tls}). */
    public ChecklistConfig withLiveTls(Path liveDirectory) {
        ClientTls live = new ClientTls(tls.ca(), tls.certificate(), tls.key(), tls.serverCertificate(),
                Optional.of(liveDirectory), tls.requireClientCertificate(), tls.expiryWindow());
        return new ChecklistConfig(file, endpoints, live, tenants, retention, alertRules, prometheusJob, operatorItems,
                timeouts, collectorToken, cluster, forwards);
    }

    /** The same config reaching the cluster as {@code access} says (the CLI's {@code --kubeconfig}, {@code --context}). */
    public ChecklistConfig withCluster(ClusterAccess access) {
        return new ChecklistConfig(file, endpoints, tls, tenants, retention, alertRules, prometheusJob, operatorItems,
                timeouts, collectorToken, Optional.of(access), forwards);
    }

    /**
     * @param connection the kubeconfig, context and API timeout
     * @param namespace  where the secret and the forwarded services are ({@code observability})
     * @param tlsSecret  the secret whose {@code tls.crt} and {@code ca.crt} must be the local ones
     */
    public record ClusterAccess(ConnectionOptions connection, String namespace, String tlsSecret) {
        public static final String DEFAULT_NAMESPACE = "observability";
        public static final String DEFAULT_TLS_SECRET = "stellaops-otel-tls-stage";

        public ClusterAccess {
            Objects.requireNonNull(connection, "connection");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(tlsSecret, "tlsSecret");
        }

        public ClusterAccess withConnection(ConnectionOptions options) {
            return new ClusterAccess(options, namespace, tlsSecret);
        }
    }

    /**
     * An endpoint reached through a Kubernetes port-forward from this machine.
     *
     * @param kind       {@code service} or {@code pod}
     * @param name       the service's or pod's name
     * @param namespace  its namespace
     * @param port       the port on the service or pod
     * @param serverName the name the server's certificate must carry (hostname verification and SNI)
     */
    public record Forward(String kind, String name, String namespace, int port, String serverName) {
        public Forward {
            if (!"service".equals(kind) && !"pod".equals(kind)) {
                throw new IllegalArgumentException("kind must be service or pod");
            }
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(serverName, "serverName");
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range");
            }
        }

        /** "service/loki in observability, port 3100". */
        public String describe() {
            return kind + "/" + name + " in " + namespace + ", port " + port;
        }
    }

    /**
     * @param prometheus       Prometheus' base URL ({@code /api/v1/...} is appended)
     * @param collectorMetrics the collector's metrics URL, complete ({@code https://collector:9464/metrics})
     * @param loki             Loki's base URL
     * @param tempo            Tempo's base URL
     */
    public record Endpoints(Optional<URI> prometheus, Optional<URI> collectorMetrics, Optional<URI> loki,
            Optional<URI> tempo) {
        public Endpoints {
            Objects.requireNonNull(prometheus, "prometheus");
            Objects.requireNonNull(collectorMetrics, "collectorMetrics");
            Objects.requireNonNull(loki, "loki");
            Objects.requireNonNull(tempo, "tempo");
        }
    }

    /**
     * @param ca                       trusted for the servers' certificates ({@code ca.crt})
     * @param certificate              the client certificate presented for mTLS ({@code client.crt})
     * @param key                      its private key, unencrypted PEM ({@code client.key})
     * @param serverCertificate        the collector and storage certificate to watch ({@code tls.crt})
     * @param liveDirectory            a copy of the live secret's keys as files ({@code tls.crt}, optional {@code ca.crt})
     * @param requireClientCertificate whether every endpoint must refuse a connection without a client certificate
     * @param expiryWindow             a certificate expiring within this window fails
     */
    public record ClientTls(Path ca, Path certificate, Path key, Optional<Path> serverCertificate,
            Optional<Path> liveDirectory, boolean requireClientCertificate, Duration expiryWindow) {
        public ClientTls {
            Objects.requireNonNull(ca, "ca");
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(serverCertificate, "serverCertificate");
            Objects.requireNonNull(liveDirectory, "liveDirectory");
            Objects.requireNonNull(expiryWindow, "expiryWindow");
        }
    }

    /**
     * @param header the header Loki and Tempo read the tenant from (the gateway maps X-StellaOps-Tenant to it)
     * @param ids    the tenants that must report activity
     */
    public record Tenants(String header, List<String> ids) {
        public Tenants {
            Objects.requireNonNull(header, "header");
            ids = List.copyOf(ids);
        }
    }

    /**
     * @param overrides  a folder holding {@code storage/tenants/} (a source folder, a kit's
     *                   {@code telemetry/current}, or the kit folder itself)
     * @param expected   per tenant, in the config's order, the retention both Loki and Tempo must be configured with
     * @param testTenant the tenant the sample log line is pushed for
     */
    public record Retention(Optional<Path> overrides, Map<String, Duration> expected, String testTenant) {
        public Retention {
            Objects.requireNonNull(overrides, "overrides");
            expected = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(expected));
            Objects.requireNonNull(testTenant, "testTenant");
        }
    }

    /**
     * @param id    stable identifier, for {@code --confirm ID=NAME}
     * @param title what the operator confirms
     */
    public record OperatorItem(String id, String title) {
        public OperatorItem {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(title, "title");
        }
    }

    /**
     * @param request connect plus the whole exchange of one request
     * @param check   one whole check
     */
    public record Timeouts(Duration request, Duration check) {
        public Timeouts {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(check, "check");
        }
    }
}
