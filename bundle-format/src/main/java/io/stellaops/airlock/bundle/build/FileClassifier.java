package io.stellaops.airlock.bundle.build;

import io.stellaops.airlock.bundle.manifest.FileRole;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives each source file its role and media type from its path, by the conventions of the seed
 * runbook's layout ({@code tenants/}, {@code helm/}, {@code compose/}, {@code images/}). The rules
 * are documented in {@code docs/bundle-format.md} and checked in order; the first that matches wins.
 */
public final class FileClassifier {
    private static final List<Map.Entry<String, String>> MEDIA_TYPES = List.of(
            Map.entry(".oci.tar", "application/vnd.oci.image.layout.v1+tar"),
            Map.entry(".tar.gz", "application/gzip"),
            Map.entry(".tgz", "application/gzip"),
            Map.entry(".tar.zst", "application/zstd"),
            Map.entry(".tar", "application/x-tar"),
            Map.entry(".yaml", "application/yaml"),
            Map.entry(".yml", "application/yaml"),
            Map.entry(".json", "application/json"),
            Map.entry(".toml", "application/toml"),
            Map.entry(".md", "text/markdown"),
            Map.entry(".txt", "text/plain"),
            Map.entry(".conf", "text/plain"),
            Map.entry(".properties", "text/plain"),
            Map.entry(".sh", "text/x-shellscript"),
            Map.entry(".pem", "application/x-pem-file"),
            Map.entry(".crt", "application/x-pem-file"));

    private FileClassifier() {
    }

    public static String mediaType(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> rule : MEDIA_TYPES) {
            if (lower.endsWith(rule.getKey())) {
                return rule.getValue();
            }
        }
        return "application/octet-stream";
    }

    public static FileRole role(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String fileName = lower.substring(lower.lastIndexOf('/') + 1);
        List<String> folders = List.of(lower.split("/")).subList(0, lower.split("/").length - 1);
        if (folders.contains("images") || fileName.endsWith(".oci.tar") || fileName.endsWith(".tar")) {
            return FileRole.IMAGE;
        }
        if (folders.contains("docs") || fileName.endsWith(".md") || fileName.endsWith(".txt")) {
            return FileRole.DOC;
        }
        if (folders.contains("tenants") || fileName.contains("overrides")) {
            return FileRole.TENANT_OVERRIDES;
        }
        if (folders.contains("helm") || fileName.startsWith("values")) {
            return FileRole.HELM_VALUES;
        }
        if (folders.contains("compose") || fileName.startsWith("docker-compose") || fileName.startsWith("compose.")) {
            return FileRole.COMPOSE;
        }
        return FileRole.CONFIG;
    }
}
