package io.stellaops.airlock.app.cluster;

import io.stellaops.airlock.app.cluster.ClusterException.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Builds the {@link ClusterPlan} of section 3 of the runbook from the TLS folder, the Authority
 * token and the bundle files. It reads local files only and never talks to a cluster, so every
 * input is checked before anything is sent anywhere.
 */
public final class ClusterPlanner {
    /** Keys of the objects, as the runbook's {@code kubectl create ... --from-file=KEY=...} name them. */
    public static final String TOKEN_KEY = "token";
    public static final String SCRAPE_KEY = "prometheus-additional.yaml";
    public static final String LOKI_KEY = "overrides.yaml";
    public static final String TEMPO_KEY = "tempo-overrides.yaml";

    /** Checks every input and returns the plan; the caller closes it to wipe the Secret values. */
    public ClusterPlan plan(PlanRequest request) throws ClusterException {
        ObjectNames.checkNamespace(request.namespace());
        ObjectNames names = request.nameOverrides().isPresent() ? ObjectNames.read(request.nameOverrides().get())
                : ObjectNames.DEFAULTS;
        PlanSource source = request.source() instanceof PlanRequest.Kit kit ? PlanSource.kit(kit.kit())
                : PlanSource.folder(((PlanRequest.Folder) request.source()).folder());
        AuthorityToken token = AuthorityToken.read(request.tokenFile(), AuthorityToken.AUDIENCE,
                AuthorityToken.PROMETHEUS_SCOPE, request.clock());
        try {
            List<TlsMaterial.CertificateSummary> certificates = new ArrayList<>();
            List<TlsMaterial.Entry> tls = TlsMaterial.read(request.tlsDir(), request.clock(), certificates);
            String ns = request.namespace();
            Map<String, String> labels = Map.of(ClusterPlan.MANAGED_BY_LABEL, ClusterPlan.MANAGER);
            Map<String, String> annotations = new LinkedHashMap<>();
            annotations.put(ClusterPlan.BUNDLE_ANNOTATION, source.sha256());
            annotations.put(ClusterPlan.SOURCE_ANNOTATION, source.annotation());

            List<DesiredObject> objects = new ArrayList<>();
            objects.add(new DesiredObject(ObjectKind.NAMESPACE, ns, ns, labels, annotations, new TreeMap<>()));
            SortedMap<String, DataValue> tlsData = new TreeMap<>();
            tls.forEach(entry -> tlsData.put(entry.key(), entry.value()));
            objects.add(new DesiredObject(ObjectKind.SECRET, ns, names.tlsSecret(), labels, annotations, tlsData));
            objects.add(new DesiredObject(ObjectKind.SECRET, ns, names.tokenSecret(), labels, annotations,
                    new TreeMap<>(Map.of(TOKEN_KEY, new DataValue(token.value(), true, request.tokenFile().toString())))));
            objects.add(new DesiredObject(ObjectKind.SECRET, ns, names.scrapeSecret(), labels, annotations,
                    new TreeMap<>(Map.of(SCRAPE_KEY, bundleFile(source, PlanSource.SCRAPE_CONFIG, true)))));
            objects.add(new DesiredObject(ObjectKind.CONFIG_MAP, ns, names.lokiOverrides(), labels, annotations,
                    new TreeMap<>(Map.of(LOKI_KEY, bundleFile(source, PlanSource.LOKI_OVERRIDES, false)))));
            objects.add(new DesiredObject(ObjectKind.CONFIG_MAP, ns, names.tempoOverrides(), labels, annotations,
                    new TreeMap<>(Map.of(TEMPO_KEY, bundleFile(source, PlanSource.TEMPO_OVERRIDES, false)))));
            return new ClusterPlan(ns, objects, source, token.claims(), certificates);
        } finally {
            token.destroy();
        }
    }

    private static DataValue bundleFile(PlanSource source, String relative, boolean secret) throws ClusterException {
        Path file = source.file(relative);
        byte[] bytes = TlsMaterial.readSmall(file, "bundle file");
        if (!secret) {
            requireUtf8(bytes, file);
        }
        return new DataValue(bytes, secret, file.toString());
    }

    /** ConfigMap {@code data} holds text; a file that is not UTF-8 would be mangled on the way. */
    private static void requireUtf8(byte[] bytes, Path file) throws ClusterException {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw new ClusterException(Reason.REFUSED, "bundle file " + file + " is not UTF-8 text, which a ConfigMap"
                    + " needs", e);
        }
    }
}
