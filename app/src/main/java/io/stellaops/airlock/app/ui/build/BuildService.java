package io.stellaops.airlock.app.ui.build;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.ProgressListener;
import io.stellaops.airlock.bundle.build.BuildRequest;
import io.stellaops.airlock.bundle.build.BuildResult;
import io.stellaops.airlock.bundle.build.BundleBuilder;

/**
 * The build flow's one call into the library, as an interface so that a test can wrap it (for
 * example to hold a build at its first progress report and cancel it there).
 */
@FunctionalInterface
public interface BuildService {

    BuildResult build(BuildRequest request, ProgressListener progress) throws BundleException;

    /** {@link BundleBuilder}, exactly as {@code airlock bundle build} calls it. */
    static BuildService library() {
        return (request, progress) -> new BundleBuilder().build(request, progress);
    }
}
