package io.stellaops.airlock.app.checklist;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a checklist config for the tests: the sample's tenants and retention, the given endpoints and files. */
public final class ConfigYaml {
    /** The sample source folder (samples/telemetry-storage), as the build passes it. */
    public static final Path SAMPLE = Path.of(System.getProperty("airlock.sample.dir", "../samples/telemetry-storage"));
    public static final Path RULES = SAMPLE.resolve("storage/alerts/telemetry-storage-rules.yaml");

    private final List<String> endpoints = new ArrayList<>();
    private final ChecklistTls tls;
    private Path certificate;
    private Path key;
    private Path ca;
    private String tenants = "[default, tenant-a, tenant-b, airlock-smoke]";
    private String tenantHeader;
    private Path overrides;
    private String expected = "{default: 720h, tenant-a: 2160h, tenant-b: 336h, airlock-smoke: 24h}";
    private Path rules;
    private String timeouts = "{request: 2s, check: 20s}";
    private String extra = "";

    public ConfigYaml(ChecklistTls tls) {
        this.tls = tls;
        this.certificate = tls.clientCertificate();
        this.key = tls.clientKey();
        this.ca = tls.ca();
    }

    public ConfigYaml endpoint(String name, URI uri) {
        endpoints.add("  " + name + ": " + uri);
        return this;
    }

    public ConfigYaml client(Path certificateFile, Path keyFile) {
        this.certificate = certificateFile;
        this.key = keyFile;
        return this;
    }

    public ConfigYaml ca(Path caFile) {
        this.ca = caFile;
        return this;
    }

    public ConfigYaml tenants(String list) {
        this.tenants = list;
        return this;
    }

    public ConfigYaml tenantHeader(String header) {
        this.tenantHeader = header;
        return this;
    }

    public ConfigYaml retention(Path overridesFolder, String expectedMap) {
        this.overrides = overridesFolder;
        this.expected = expectedMap;
        return this;
    }

    public ConfigYaml rules(Path file) {
        this.rules = file;
        return this;
    }

    public ConfigYaml timeouts(String map) {
        this.timeouts = map;
        return this;
    }

    public ConfigYaml extra(String yaml) {
        this.extra = yaml;
        return this;
    }

    public String yaml() {
        StringBuilder yaml = new StringBuilder();
        if (!endpoints.isEmpty()) {
            yaml.append("endpoints:\n").append(String.join("\n", endpoints)).append('\n');
        }
        yaml.append("tls:\n  ca: ").append(ca).append("\n  cert: ").append(certificate).append("\n  key: ").append(key)
                .append("\n  serverCert: ").append(tls.serverCertificate()).append('\n');
        yaml.append("tenants:\n  ids: ").append(tenants).append('\n');
        if (tenantHeader != null) {
            yaml.append("  header: ").append(tenantHeader).append('\n');
        }
        if (overrides != null) {
            yaml.append("retention:\n  overrides: ").append(overrides).append("\n  expected: ").append(expected).append('\n');
        }
        if (rules != null) {
            yaml.append("alerts:\n  rules: ").append(rules).append('\n');
        }
        yaml.append("timeouts: ").append(timeouts).append('\n').append(extra);
        return yaml.toString();
    }

    public Path write(Path file) throws Exception {
        Files.writeString(file, yaml(), UTF_8);
        return file;
    }
}
