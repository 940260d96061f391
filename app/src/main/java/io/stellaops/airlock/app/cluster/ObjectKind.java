package io.stellaops.airlock.app.cluster;

/** The kinds of object in a plan; all are core {@code v1}. */
public enum ObjectKind {
    NAMESPACE("Namespace"),
    SECRET("Secret"),
    CONFIG_MAP("ConfigMap");

    private final String kind;

    ObjectKind(String kind) {
        this.kind = kind;
    }

    /** The Kubernetes {@code kind}. */
    public String kind() {
        return kind;
    }

    public String apiVersion() {
        return "v1";
    }
}
