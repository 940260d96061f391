package io.stellaops.airlock.app.cluster;

import java.util.List;
import java.util.Optional;

/**
 * The Authority clients of the runbook (section 4), one per storage backend, and the exact
 * {@code stella} commands that create them and mint their tokens. Airlock stores only the
 * Prometheus token; Loki and Tempo read theirs elsewhere, but the commands are shown together
 * because operators create all three at once.
 */
public final class AuthorityClients {
    /** One Authority client: its name, its scopes (space-separated, as Authority takes them) and its description. */
    public record Client(String name, String scopes, String description, String tokenFile) {
        /** {@code stella authority client create NAME --scopes SCOPES --audience observability --description "..."}. */
        public String createCommand() {
            return "stella authority client create " + name + " --scopes " + scopes + " --audience "
                    + AuthorityToken.AUDIENCE + " --description \"" + description + "\"";
        }

        /** {@code stella authority token issue NAME --ttl 30d > FILE}. */
        public String issueCommand() {
            return "stella authority token issue " + name + " --ttl 30d > " + tokenFile;
        }

        public List<String> scopeList() {
            return List.of(scopes.split(" "));
        }
    }

    public static final Client PROMETHEUS = new Client("observability-prometheus", "obs:read",
            "Prometheus collector scrape", "prometheus-stage.token");
    public static final Client LOKI = new Client("observability-loki", "obs:logs timeline:read",
            "Loki ingestion", "loki-stage.token");
    public static final Client TEMPO = new Client("observability-tempo", "obs:traces",
            "Tempo ingestion", "tempo-stage.token");
    public static final List<Client> ALL = List.of(PROMETHEUS, LOKI, TEMPO);

    private AuthorityClients() {
    }

    /** The client whose scopes include {@code scope}. */
    public static Optional<Client> forScope(String scope) {
        return ALL.stream().filter(c -> c.scopeList().contains(scope)).findFirst();
    }

    /** The commands for all three clients, one per line, as the help and the docs show them. */
    public static List<String> commands() {
        List<String> lines = new java.util.ArrayList<>();
        ALL.forEach(c -> lines.add(c.createCommand()));
        ALL.forEach(c -> lines.add(c.issueCommand()));
        return lines;
    }
}
