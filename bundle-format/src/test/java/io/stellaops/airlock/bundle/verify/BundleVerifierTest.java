package io.stellaops.airlock.bundle.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.Limits;
import io.stellaops.airlock.bundle.archive.Compression;
import io.stellaops.airlock.bundle.build.BuildResult;
import io.stellaops.airlock.bundle.testing.Forge;
import io.stellaops.airlock.bundle.testing.TarSpec;
import io.stellaops.airlock.bundle.testing.TestBundles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BundleVerifierTest {
    @TempDir
    Path dir;

    private final Forge forge = new Forge().file("a.yaml", "alpha: 1\n").file("b/c.yaml", "bravo: 2\n");
    private final BundleVerifier verifier = new BundleVerifier(TestBundles.options());

    @ParameterizedTest
    @EnumSource(Compression.class)
    void verifiesTheSampleBundleAndReportsEveryStep(Compression compression) throws Exception {
        BuildResult built = TestBundles.build(TestBundles.sampleSource(),
                dir.resolve("bundle" + compression.suffix()), compression);

        VerificationReport report = verifier.verifyIntegrity(built.archive());

        assertThat(report.verified()).isTrue();
        assertThat(report.archiveSha256()).contains(built.sha256());
        assertThat(report.compression()).contains(compression);
        assertThat(report.checks()).extracting(CheckResult::id)
                .containsExactly("signature", "format", "validity", "limits", "contents", "archive-digest");
        assertThat(report.check("signature").orElseThrow().status()).isEqualTo(CheckStatus.SKIPPED);
        assertThat(report.check("archive-digest").orElseThrow().status()).isEqualTo(CheckStatus.PASSED);
        assertThat(report.files()).hasSize(built.manifest().files().size())
                .allSatisfy(file -> assertThat(file.status()).isEqualTo(CheckStatus.PASSED));
    }

    @Test
    void acceptsAFaithfulHandMadeArchive() throws Exception {
        Path archive = forge.faithfulTar().write(dir.resolve("x.tar.gz"), Compression.GZIP);
        assertThat(verifier.verifyIntegrity(archive).verified()).isTrue();
    }

    @Test
    void refusesChangedContent() throws Exception {
        Path archive = forge.tar().file("a.yaml", "alpha: 2\n").file("b/c.yaml", "bravo: 2\n")
                .write(dir.resolve("x.tar.gz"), Compression.GZIP);
        VerificationException e = refused(archive, Failure.DIGEST_MISMATCH, "entry 'a.yaml' has sha256 ");
        assertThat(e.report().files()).extracting(FileResult::status)
                .containsExactly(CheckStatus.FAILED, CheckStatus.NOT_REACHED);
        assertThat(e.report().check("contents").orElseThrow().status()).isEqualTo(CheckStatus.FAILED);
    }

    @Test
    void refusesADifferentSize() throws Exception {
        Path archive = forge.tar().file("a.yaml", "alpha: 1\n#").file("b/c.yaml", "bravo: 2\n")
                .write(dir.resolve("x.tar.gz"), Compression.GZIP);
        refused(archive, Failure.DIGEST_MISMATCH, "entry 'a.yaml' is 10 bytes but the manifest lists 9");
    }

    @Test
    void refusesAnUnlistedEntryAfterTheLastFile() throws Exception {
        Path archive = forge.faithfulTar().file("z.yaml", "extra")
                .write(dir.resolve("x.tar.gz"), Compression.GZIP);
        refused(archive, Failure.REFUSED, "entry 'z.yaml' is not listed in the manifest (found after the last listed file)");
    }

    @Test
    void refusesAnUnlistedEntryInTheMiddle() throws Exception {
        Path archive = forge.tar().file("a.yaml", forge.content("a.yaml")).file("a2.yaml", "x")
                .file("b/c.yaml", forge.content("b/c.yaml")).write(dir.resolve("x.tar.gz"), Compression.GZIP);
        refused(archive, Failure.REFUSED, "entry 'a2.yaml' is not listed in the manifest; expected 'b/c.yaml'");
    }

    @Test
    void refusesTraversalAndAbsolutePaths() throws Exception {
        Path traversal = forge.tar().file("../evil.yaml", "x").write(dir.resolve("t.tar.gz"), Compression.GZIP);
        refused(traversal, Failure.REFUSED, "entry '../evil.yaml' is not listed in the manifest (unsafe path: it has a '..' segment)");
        Path absolute = forge.tar().file("/etc/cron.d/evil", "x").write(dir.resolve("abs.tar.gz"), Compression.GZIP);
        refused(absolute, Failure.REFUSED, "(unsafe path: it is absolute)");
        Path backslash = forge.tar().file("..\\evil.yaml", "x").write(dir.resolve("bs.tar.gz"), Compression.GZIP);
        refused(backslash, Failure.REFUSED, "unsafe path: it contains a backslash");
    }

    @Test
    void refusesLinksDevicesFifosAndDirectories() throws Exception {
        Object[][] cases = {
            {TarConstants.LF_SYMLINK, "/etc/passwd", "is a symbolic link to '/etc/passwd'"},
            {TarConstants.LF_LINK, "manifest.json", "is a hard link to 'manifest.json'"},
            {TarConstants.LF_CHR, null, "is a device"},
            {TarConstants.LF_BLK, null, "is a device"},
            {TarConstants.LF_FIFO, null, "is a FIFO"},
            {TarConstants.LF_DIR, null, "is a directory"},
        };
        for (Object[] c : cases) {
            Path archive = forge.tar().typed("a.yaml", (byte) c[0], (String) c[1])
                    .write(dir.resolve("link" + (char) (byte) c[0] + ".tar.gz"), Compression.GZIP);
            refused(archive, Failure.REFUSED, "entry 'a.yaml" + (c[0].equals(TarConstants.LF_DIR) ? "/" : "") + "' " + c[2] + "; bundles hold regular files only");
        }
    }

    @Test
    void refusesDuplicateOutOfOrderAndMissingEntries() throws Exception {
        Path duplicate = forge.tar().file("a.yaml", forge.content("a.yaml")).file("a.yaml", forge.content("a.yaml"))
                .file("b/c.yaml", forge.content("b/c.yaml")).write(dir.resolve("d.tar.gz"), Compression.GZIP);
        refused(duplicate, Failure.REFUSED, "entry 'a.yaml' appears twice in the archive");
        Path outOfOrder = forge.tar().file("b/c.yaml", forge.content("b/c.yaml")).file("a.yaml", forge.content("a.yaml"))
                .write(dir.resolve("o.tar.gz"), Compression.GZIP);
        refused(outOfOrder, Failure.REFUSED, "entry 'b/c.yaml' is out of order: expected 'a.yaml' first");
        Path missing = forge.tar().file("a.yaml", forge.content("a.yaml")).write(dir.resolve("m.tar.gz"), Compression.GZIP);
        refused(missing, Failure.REFUSED, "archive ends before 'b/c.yaml' (1 listed file(s) missing)");
    }

    @Test
    void refusesAManifestThatIsNotFirstOrAbsent() throws Exception {
        Path notFirst = new TarSpec().file("a.yaml", "alpha: 1\n").file("manifest.json", forge.manifestBytes())
                .write(dir.resolve("nf.tar.gz"), Compression.GZIP);
        refused(notFirst, Failure.REFUSED, "the first entry is 'a.yaml', not manifest.json");
        Path empty = new TarSpec().write(dir.resolve("empty.tar.gz"), Compression.GZIP);
        refused(empty, Failure.REFUSED, "archive is empty: it has no manifest.json");
    }

    @Test
    void refusesAMissingEndMarker() throws Exception {
        Path archive = forge.faithfulTar().withoutEndMarker().write(dir.resolve("x.tar.gz"), Compression.GZIP);
        refused(archive, Failure.REFUSED, "the tar end-of-archive marker is missing");
    }

    @Test
    void refusesDataAfterTheEndMarker() throws Exception {
        byte[] tar = forge.faithfulTar().tarBytes();
        byte[] appended = Arrays.copyOf(tar, tar.length + 512);
        appended[tar.length + 10] = 'x';
        Path archive = dir.resolve("x.tar.gz");
        try (OutputStream out = Compression.GZIP.compress(Files.newOutputStream(archive))) {
            out.write(appended);
        }
        refused(archive, Failure.REFUSED, "has data after the tar end-of-archive marker");
    }

    @Test
    void refusesAZeroBombAfterTheEndMarker() throws Exception {
        byte[] tar = forge.faithfulTar().tarBytes();
        Path archive = dir.resolve("bomb.tar.gz");
        try (OutputStream out = Compression.GZIP.compress(Files.newOutputStream(archive))) {
            out.write(tar);
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                out.write(zeros);
            }
        }
        assertThat(Files.size(archive)).isLessThan(200_000);
        refused(archive, Failure.REFUSED, "data after the last listed file exceeds the trailer limit of 1114112 bytes");
    }

    @Test
    void refusesAnOversizedPaxHeaderBeforeParsingIt() throws Exception {
        Path archive = forge.tar().paxHeader("a.yaml", "comment", "x".repeat(200_000))
                .write(dir.resolve("pax.tar.gz"), Compression.GZIP);
        refused(archive, Failure.REFUSED, "the tar header before 'a.yaml' exceeds 65536 bytes");
    }

    @Test
    void refusesAGnuLongNameBomb() throws Exception {
        Path archive = dir.resolve("longlink.tar.gz");
        byte[] tar = forge.tar().tarBytes();
        // Hand-write a GNU long-name header announcing 10 MiB of name.
        byte[] header = Arrays.copyOf(new TarSpec().file("././@LongLink", new byte[0]).tarBytes(), 512);
        header[156] = TarConstants.LF_GNUTYPE_LONGNAME;
        byte[] size = String.format("%011o", 10 << 20).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, header, 124, 11);
        Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        byte[] checksum = String.format("%06o\0 ", sum).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(checksum, 0, header, 148, 8);
        try (OutputStream out = Compression.GZIP.compress(Files.newOutputStream(archive))) {
            out.write(tar, 0, firstEntryEnd(tar));
            out.write(header);
            out.write(new byte[10 << 20]);
        }
        refused(archive, Failure.REFUSED, "the tar header before 'a.yaml' exceeds 65536 bytes");
    }

    @Test
    void refusesTrailingGarbageAndConcatenatedMembers() throws Exception {
        Path archive = forge.faithfulTar().write(dir.resolve("x.tar.gz"), Compression.GZIP);
        Files.write(archive, "garbage".getBytes(), StandardOpenOption.APPEND);
        refused(archive, Failure.REFUSED, "trailing data after the end of the gzip stream");

        Path concatenated = forge.faithfulTar().write(dir.resolve("c.tar.gz"), Compression.GZIP);
        Path second = new TarSpec().file("evil.yaml", "x").write(dir.resolve("second.tar.gz"), Compression.GZIP);
        Files.write(concatenated, Files.readAllBytes(second), StandardOpenOption.APPEND);
        refused(concatenated, Failure.REFUSED, "trailing data after the end of the gzip stream");

        Path zstd = forge.faithfulTar().write(dir.resolve("x.tar.zst"), Compression.ZSTD);
        Files.write(zstd, "garbage".getBytes(), StandardOpenOption.APPEND);
        refused(zstd, Failure.REFUSED, "corrupt or truncated");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void refusesTruncatedAndCorruptedArchives(Compression compression) throws Exception {
        BuildResult built = TestBundles.build(TestBundles.sampleSource(), dir.resolve("b" + compression.suffix()), compression);
        byte[] bytes = Files.readAllBytes(built.archive());
        Path truncated = dir.resolve("truncated" + compression.suffix());
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refused(truncated, Failure.REFUSED, "corrupt or truncated").getMessage()).doesNotEndWith("null");

        Path corrupted = dir.resolve("corrupted" + compression.suffix());
        byte[] flipped = bytes.clone();
        // gzip: the last deflate bytes; zstd: its content checksum (the last block of zstd's multi-threaded
        // mode holds only the tar's zero padding, where a flip is refused as data after the end marker).
        flipped[bytes.length - (compression == Compression.GZIP ? 6 : 2)] ^= 0x5a;
        Files.write(corrupted, flipped);
        refused(corrupted, Failure.REFUSED, "corrupt or truncated");
    }

    @Test
    void refusesWhatIsNotAnArchive() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.tar.gz"), "hello, this is not a bundle\n");
        refused(text, Failure.REFUSED, "notes.tar.gz is not a bundle archive: it starts with neither gzip nor zstd magic bytes");
        Path empty = Files.createFile(dir.resolve("empty.tar.gz"));
        refused(empty, Failure.REFUSED, "is not a bundle archive");
        Path plainTar = dir.resolve("plain.tar");
        Files.write(plainTar, forge.faithfulTar().tarBytes());
        refused(plainTar, Failure.REFUSED, "is not a bundle archive");
    }

    @Test
    void refusesAMissingArchive() {
        Path missing = dir.resolve("missing.tar.gz");
        VerificationException e = refused(missing, Failure.UNREADABLE, "missing.tar.gz does not exist");
        assertThat(e.report().checks()).extracting(CheckResult::status).containsExactly(CheckStatus.FAILED);
    }

    @Test
    void refusesAModeThatDiffersFromTheManifest() throws Exception {
        Path archive = forge.tar().file("a.yaml", forge.content("a.yaml"), 0755)
                .write(dir.resolve("x.tar.gz"), Compression.GZIP);
        refused(archive, Failure.REFUSED, "entry 'a.yaml' has mode 0755 but the manifest lists 0644");
    }

    @Test
    void refusesExpiredAndNotYetValidBundles() throws Exception {
        Path archive = forge.faithfulTar().write(dir.resolve("x.tar.gz"), Compression.GZIP);
        Clock late = Clock.fixed(TestBundles.EXPIRES_AT, ZoneOffset.UTC);
        BundleVerifier lateVerifier = new BundleVerifier(new VerifyOptions(Limits.DEFAULT, late, Duration.ofMinutes(5)));
        assertThatThrownBy(() -> lateVerifier.verifyIntegrity(archive))
                .isInstanceOf(VerificationException.class)
                .hasMessage("bundle expired at 2027-01-30T10:00:00Z (now 2027-01-30T10:00:00Z); build a fresh bundle")
                .extracting(e -> ((VerificationException) e).failure()).isEqualTo(Failure.NOT_VALID_NOW);

        Clock early = Clock.fixed(TestBundles.CREATED_AT.minus(Duration.ofMinutes(6)), ZoneOffset.UTC);
        BundleVerifier earlyVerifier = new BundleVerifier(new VerifyOptions(Limits.DEFAULT, early, Duration.ofMinutes(5)));
        assertThatThrownBy(() -> earlyVerifier.verifyIntegrity(archive))
                .hasMessageStartingWith("bundle is not yet valid: created at 2026-11-01T10:00:00Z")
                .extracting(e -> ((VerificationException) e).failure()).isEqualTo(Failure.NOT_VALID_NOW);

        Clock withinSkew = Clock.fixed(TestBundles.CREATED_AT.minus(Duration.ofMinutes(4)), ZoneOffset.UTC);
        assertThat(new BundleVerifier(new VerifyOptions(Limits.DEFAULT, withinSkew, Duration.ofMinutes(5)))
                .verifyIntegrity(archive).verified()).isTrue();
    }

    @Test
    void refusesANewerFormatVersion() throws Exception {
        String manifest = new String(forge.manifestBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("telemetry-bundle/v1", "telemetry-bundle/v2");
        Path archive = new TarSpec().file("manifest.json", manifest).file("a.yaml", forge.content("a.yaml"))
                .write(dir.resolve("x.tar.gz"), Compression.GZIP);
        refused(archive, Failure.REFUSED, "manifest.json: bundle format v2 is newer than this Airlock reads (v1); upgrade Airlock to read it");
    }

    @Test
    void refusesAManifestOverTheCallersLimits() throws Exception {
        Path archive = forge.faithfulTar().write(dir.resolve("x.tar.gz"), Compression.GZIP);
        Limits tight = new Limits(1, 1024, 65536, 1 << 20, 1 << 20, 1 << 20, 1 << 20);
        BundleVerifier strict = new BundleVerifier(new VerifyOptions(tight, TestBundles.CLOCK, Duration.ZERO));
        assertThatThrownBy(() -> strict.verifyIntegrity(archive))
                .hasMessage("manifest.json: lists 2 files, more than the limit of 1");
    }

    @Test
    void checksTheSha256SidecarWhenPresent() throws Exception {
        BuildResult built = TestBundles.buildSample(dir);
        Files.writeString(built.sha256Sidecar(), "0".repeat(64) + "  " + built.archive().getFileName() + "\n");
        refused(built.archive(), Failure.DIGEST_MISMATCH, ".sha256 lists " + "0".repeat(64) + " but the archive's SHA-256 is " + built.sha256());
        Files.writeString(built.sha256Sidecar(), "not a digest\n");
        refused(built.archive(), Failure.REFUSED, "is not in sha256sum format");
        Files.delete(built.sha256Sidecar());
        VerificationReport report = verifier.verifyIntegrity(built.archive());
        assertThat(report.check("archive-digest").orElseThrow().status()).isEqualTo(CheckStatus.SKIPPED);
    }

    @Test
    void aFailingAuthenticatorStopsBeforeTheManifestIsParsed() throws Exception {
        Path archive = new TarSpec().file("manifest.json", "{ not json").write(dir.resolve("x.tar.gz"), Compression.GZIP);
        ManifestAuthenticator refuseAll = (a, bytes) -> {
            throw new io.stellaops.airlock.bundle.BundleException(Failure.SIGNATURE, "signature 1 of 1 not trusted");
        };
        VerificationException e = catchThrowableOfType(VerificationException.class,
                () -> verifier.verify(archive, refuseAll, PayloadSink.DISCARD, (p, d, t) -> { }));
        assertThat(e.failure()).isEqualTo(Failure.SIGNATURE);
        assertThat(e.report().checks()).extracting(CheckResult::id, CheckResult::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("signature", CheckStatus.FAILED));
        assertThat(e.report().manifest()).isEmpty();
    }

    private VerificationException refused(Path archive, Failure failure, String messagePart) {
        VerificationException e = catchThrowableOfType(VerificationException.class, () -> verifier.verifyIntegrity(archive));
        assertThat(e).as("verification of %s should fail", archive.getFileName()).isNotNull();
        assertThat(e.getMessage()).contains(messagePart);
        assertThat(e.failure()).isEqualTo(failure);
        assertThat(e.report().verified()).isFalse();
        return e;
    }

    private static int firstEntryEnd(byte[] tar) throws IOException {
        long size = Long.parseLong(new String(tar, 124, 11, java.nio.charset.StandardCharsets.US_ASCII).trim(), 8);
        return (int) (512 + (size + 511) / 512 * 512);
    }
}
