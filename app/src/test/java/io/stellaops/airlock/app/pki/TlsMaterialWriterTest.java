package io.stellaops.airlock.app.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The six files: names, permissions, and no silent overwrite. */
class TlsMaterialWriterTest {
    @TempDir
    Path dir;

    @Test
    void writesSixFilesIntoANewOwnerOnlyFolder() throws Exception {
        Path out = dir.resolve("new/tls");
        TlsMaterialFiles files = TlsFixtures.write(out);
        try (var list = Files.list(out)) {
            assertThat(list.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("ca.crt", "ca.key", "tls.crt", "tls.key", "client.crt", "client.key");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo("rwx------");
        for (Path key : files.privateKeys()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).as(key.toString()).isEqualTo("rw-------");
            assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        }
        assertThat(Files.readString(files.serverCertificate())).startsWith("-----BEGIN CERTIFICATE-----\n")
                .containsOnlyOnce("BEGIN CERTIFICATE");
    }

    @Test
    void refusesExistingFilesBeforeWritingAnythingAndReplacesOnlyWhenAsked() throws Exception {
        Files.writeString(dir.resolve("tls.key"), "precious");
        TlsMaterial material = TlsMaterial.generate(DevTlsRequest.defaults(), Clock.systemUTC(), TlsFixtures.RANDOM);
        TlsMaterialWriter writer = new TlsMaterialWriter(TlsFixtures.RANDOM);

        BundleException e = catchThrowableOfType(BundleException.class, () -> writer.write(material, dir, false));
        assertThat(e.failure()).isEqualTo(Failure.USAGE);
        assertThat(e.getMessage()).isEqualTo(dir.resolve("tls.key") + " already exists; give --force to replace");
        try (var list = Files.list(dir)) {
            assertThat(list).containsExactly(dir.resolve("tls.key"));
        }
        assertThat(Files.readString(dir.resolve("tls.key"))).isEqualTo("precious");

        writer.write(material, dir, true);
        assertThat(Files.readString(dir.resolve("tls.key"))).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("tls.key")))).isEqualTo("rw-------");
        try (var list = Files.list(dir)) {
            assertThat(list).hasSize(6);
        }
    }

    @Test
    void aFileWhereTheFolderShouldBeIsAUsageError() throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "x");
        BundleException e = catchThrowableOfType(BundleException.class, () -> TlsFixtures.write(file));
        assertThat(e.failure()).isEqualTo(Failure.USAGE);
        assertThat(e.getMessage()).contains("is not a folder");
    }
}
