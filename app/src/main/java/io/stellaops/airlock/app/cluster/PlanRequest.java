package io.stellaops.airlock.app.cluster;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * What a plan is made from; the CLI and the wizard fill it in.
 *
 * @param tlsDir        folder with {@code tls.crt}, {@code tls.key}, {@code ca.crt}
 * @param tokenFile     the Authority token of client {@code observability-prometheus}
 * @param source        the active bundle of a kit, or a source folder
 * @param namespace     the target namespace
 * @param nameOverrides optional YAML file of object names (see {@link ObjectNames})
 * @param clock         for the expiry checks
 */
public record PlanRequest(Path tlsDir, Path tokenFile, Source source, String namespace, Optional<Path> nameOverrides,
                          Clock clock) {
    /** Where the bundle files come from. */
    public sealed interface Source permits Kit, Folder {
    }

    /** The active bundle of the Offline Kit at {@code kit}. */
    public record Kit(Path kit) implements Source {
    }

    /** A source folder with the bundle's relative paths. */
    public record Folder(Path folder) implements Source {
    }

    public PlanRequest {
        Objects.requireNonNull(tlsDir, "tlsDir");
        Objects.requireNonNull(tokenFile, "tokenFile");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(nameOverrides, "nameOverrides");
        Objects.requireNonNull(clock, "clock");
    }
}
