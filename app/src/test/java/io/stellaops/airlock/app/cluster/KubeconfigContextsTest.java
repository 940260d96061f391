package io.stellaops.airlock.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's context picker reads a kubeconfig with fabric8's parser and the refusals of {@link ClusterTarget}. */
class KubeconfigContextsTest {

    @TempDir
    Path dir;

    @Test
    void listsTheContextsAndTheCurrentOne() throws Exception {
        Path file = MockCluster.writeKubeconfig(dir.resolve("config"), "http://127.0.0.1:1");
        KubeconfigContexts contexts = KubeconfigContexts.read(file);
        assertThat(contexts.names()).containsExactly(MockCluster.CONTEXT, MockCluster.DEAD_CONTEXT);
        assertThat(contexts.current()).hasValue(MockCluster.CONTEXT);
    }

    @Test
    void refusesAMissingOrMalformedFileWithoutQuotingIt() throws Exception {
        ClusterException missing = assertThrows(ClusterException.class, () -> KubeconfigContexts.read(dir.resolve("none")));
        assertThat(missing.getMessage()).isEqualTo("kubeconfig " + dir.resolve("none") + " does not exist or is not readable");
        Path bad = Files.writeString(dir.resolve("bad"), "users: [ {token: secret-credential-value\n");
        ClusterException malformed = assertThrows(ClusterException.class, () -> KubeconfigContexts.read(bad));
        assertThat(malformed.getMessage()).isEqualTo("kubeconfig " + bad + " cannot be read as a kubeconfig file")
                .doesNotContain("secret-credential-value");
        Path empty = Files.writeString(dir.resolve("empty"), "apiVersion: v1\nkind: Config\n");
        assertThat(assertThrows(ClusterException.class, () -> KubeconfigContexts.read(empty)).getMessage())
                .isEqualTo("kubeconfig " + empty + " has no contexts");
    }
}
