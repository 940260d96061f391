package io.stellaops.airlock.bundle.kit;

import io.stellaops.airlock.bundle.verify.ManifestAuthenticator;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to import and how.
 *
 * @param archive        the bundle archive (its sidecars are taken from beside it)
 * @param authenticator  the signature step: the trust policy's checker
 * @param dryRun         verify and report only: the kit is not changed at all
 * @param forceReason    when present, activate even if the generation is not newer, recording this reason
 * @param moveRefused    move (rather than copy) a refused bundle into quarantine
 */
public record ImportRequest(Path archive, ManifestAuthenticator authenticator, boolean dryRun,
        Optional<String> forceReason, boolean moveRefused) {
    public ImportRequest {
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(forceReason, "forceReason");
        if (forceReason.isPresent() && forceReason.get().isBlank()) {
            throw new IllegalArgumentException("a forced activation needs a written reason");
        }
    }
}
