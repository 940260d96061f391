package io.stellaops.airlock.bundle.archive;

import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * A tar reader that refuses a header block whose checksum does not match its bytes. Commons
 * Compress reads such headers as they are; GNU tar and the spec do not, and a header that fails its
 * own checksum is a corrupt archive whatever the signed manifest says about its fields.
 */
final class ChecksummedTarInputStream extends TarArchiveInputStream {
    ChecksummedTarInputStream(InputStream in, int blockSize, String encoding) {
        super(in, blockSize, encoding);
    }

    @Override
    protected byte[] readRecord() throws IOException {
        byte[] record = super.readRecord();
        if (record != null && !isEOFRecord(record) && !TarUtils.verifyCheckSum(record)) {
            throw new IOException("tar header checksum does not match the header's bytes");
        }
        return record;
    }
}
