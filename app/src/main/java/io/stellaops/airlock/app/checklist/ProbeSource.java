package io.stellaops.airlock.app.checklist;

import io.stellaops.airlock.bundle.BundleException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens an {@link HttpProbe} for one run of a check, reading the TLS files anew, so that a check run
 * again after the operator fixed a file sees the fix.
 */
@FunctionalInterface
interface ProbeSource {
    /** @throws BundleException when the TLS files cannot be used; the check fails with {@link FailureReason#LOCAL_FILE} */
    HttpProbe open() throws BundleException;

    static ProbeSource of(ChecklistConfig config) {
        return of(config, new AtomicReference<>(Map.of()));
    }

    /** @param routes the port-forwards open for the check that runs now (see {@link ForwardedCheck}) */
    static ProbeSource of(ChecklistConfig config, AtomicReference<Map<String, PortForwards.Route>> routes) {
        return () -> new HttpProbe(ClientTlsContexts.load(config.tls()), config.timeouts().request(), routes.get());
    }
}
