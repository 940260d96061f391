package io.stellaops.airlock.bundle.verify;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.manifest.BundleManifest;

/**
 * A caller's own rule on an authenticated manifest, checked after the format's rules and before a
 * single payload byte is read: the Offline Kit uses it to refuse a generation that is not newer than
 * the active one, so that an old bundle is never even extracted.
 */
public interface ManifestPolicy {
    /** No extra rule. */
    ManifestPolicy NONE = new ManifestPolicy() {
        @Override
        public String id() {
            return "";
        }

        @Override
        public String title() {
            return "";
        }

        @Override
        public String check(BundleManifest manifest) {
            return "";
        }
    };

    /** The report's identifier of this step; empty for {@link #NONE}, which is not reported. */
    String id();

    /** The report's title of this step. */
    String title();

    /**
     * @return one line for the report when the manifest is acceptable
     * @throws BundleException when it is not
     */
    String check(BundleManifest manifest) throws BundleException;
}
