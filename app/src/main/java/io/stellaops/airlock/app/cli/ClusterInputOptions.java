package io.stellaops.airlock.app.cli;

import io.stellaops.airlock.app.cluster.ObjectNames;
import io.stellaops.airlock.app.cluster.PlanRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The inputs of a cluster plan, shared by {@code cluster plan}, {@code apply} and {@code export}. */
final class ClusterInputOptions {
    @Option(names = "--tls", required = true, paramLabel = "DIR", order = 1,
            description = "Folder with tls.crt, tls.key and ca.crt (secret stellaops-otel-tls-stage).")
    Path tls;

    @Option(names = "--token", required = true, paramLabel = "FILE", order = 2,
            description = "Authority token of client observability-prometheus (audience observability, scope obs:read),"
                    + " as 'stella authority token issue' writes it. Decoded and checked, not verified.")
    Path token;

    @ArgGroup(exclusive = true, multiplicity = "1", order = 3)
    Source source;

    static final class Source {
        @Option(names = "--kit", paramLabel = "DIR", description = "Take the bundle files from the kit's active bundle.")
        Path kit;

        @Option(names = "--source", paramLabel = "DIR", description = "Take the bundle files from a source folder"
                + " (storage/prometheus.yaml, storage/tenants/*-overrides.yaml).")
        Path folder;
    }

    @Option(names = "--namespace", paramLabel = "NAME", order = 4, defaultValue = ObjectNames.DEFAULT_NAMESPACE,
            description = "Target namespace (default: ${DEFAULT-VALUE}); created if missing.")
    String namespace;

    @Option(names = "--name-overrides", paramLabel = "FILE", order = 5,
            description = "YAML file renaming objects: tlsSecret, tokenSecret, scrapeSecret, lokiOverrides, tempoOverrides.")
    Path nameOverrides;

    PlanRequest request(Clock clock) {
        PlanRequest.Source from = source.kit != null ? new PlanRequest.Kit(source.kit) : new PlanRequest.Folder(source.folder);
        return new PlanRequest(tls, token, from, namespace, Optional.ofNullable(nameOverrides), clock);
    }
}
