package io.stellaops.airlock.bundle.manifest;

import java.util.Locale;
import java.util.Optional;

/**
 * What a payload file is for, as the manifest records it: the importer and the cluster plan look
 * files up by role, and a reviewer reads it in the file table.
 */
public enum FileRole {
    CONFIG("config"),
    TENANT_OVERRIDES("tenant-overrides"),
    HELM_VALUES("helm-values"),
    COMPOSE("compose"),
    IMAGE("image"),
    DOC("doc");

    private final String id;

    FileRole(String id) {
        this.id = id;
    }

    /** The identifier written in the manifest. */
    public String id() {
        return id;
    }

    public static Optional<FileRole> fromId(String id) {
        for (FileRole role : values()) {
            if (role.id.equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
