package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.app.sample.SampleSource;
import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.build.BuildRequest;
import io.stellaops.airlock.bundle.build.BuildResult;
import io.stellaops.airlock.bundle.manifest.Producer;
import java.nio.file.Path;

/**
 * One build, made the way {@code airlock bundle build} makes it: the typed metadata resolved
 * through {@link MetadataRules} (that is, {@code BuildDefaults}), the embedded sample unpacked
 * into an owner-only temporary folder that is deleted afterwards, and one {@link BuildRequest}
 * with the default limits and Airlock as producer handed to the library. Runs on a worker thread.
 */
public final class BuildJob {

    private final BuildService service;
    private final MetadataRules rules;

    public BuildJob(BuildService service, MetadataRules rules) {
        this.service = service;
        this.rules = rules;
    }

    public BuildResult run(BuildInputs inputs, ProgressListener progress) throws BundleException {
        MetadataRules.Resolved metadata = rules.resolve(inputs);
        if (inputs.sourceFolder().isPresent()) {
            return build(inputs.sourceFolder().get(), inputs, metadata, progress);
        }
        return SampleSource.withCopy(sample -> build(sample, inputs, metadata, progress));
    }

    private BuildResult build(Path source, BuildInputs inputs, MetadataRules.Resolved metadata,
            ProgressListener progress) throws BundleException {
        var request = new BuildRequest(source, inputs.output(), inputs.name(), inputs.version(), metadata.generation(),
                metadata.createdAt(), metadata.expiresAt(), inputs.compression(), inputs.replace(), Producer.airlock(),
                Limits.DEFAULT);
        return service.build(request, progress);
    }
}
