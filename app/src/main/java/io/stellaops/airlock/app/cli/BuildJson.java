package io.stellaops.airlock.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.bundle.build.BuildResult;

/** The {@code --json} form of a build result. */
final class BuildJson {
    private BuildJson() {
    }

    static ObjectNode of(BuildResult result) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("archive", result.archive().toString());
        root.put("sha256Sidecar", result.sha256Sidecar().toString());
        root.put("sha256", result.sha256());
        root.put("size", result.size());
        root.put("name", result.manifest().name());
        root.put("version", result.manifest().version());
        root.put("generation", result.manifest().generation());
        root.put("createdAt", result.manifest().createdAt().toString());
        root.put("expiresAt", result.manifest().expiresAt().toString());
        root.put("fileCount", result.manifest().files().size());
        root.put("totalSize", result.manifest().totalSize());
        return root;
    }
}
