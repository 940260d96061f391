package io.stellaops.airlock.app.pki;

import org.bouncycastle.asn1.x509.KeyPurposeId;

/** What a certificate is checked for: a TLS server (serverAuth) or a TLS client (clientAuth). */
public enum TlsRole {
    SERVER("server", "serverAuth", KeyPurposeId.id_kp_serverAuth.getId()),
    CLIENT("client", "clientAuth", KeyPurposeId.id_kp_clientAuth.getId());

    private final String id;
    private final String purpose;
    private final String purposeOid;

    TlsRole(String id, String purpose, String purposeOid) {
        this.id = id;
        this.purpose = purpose;
        this.purposeOid = purposeOid;
    }

    /** "server" or "client", as in reports. */
    public String id() {
        return id;
    }

    /** The extended key usage's name: serverAuth or clientAuth. */
    public String purpose() {
        return purpose;
    }

    String purposeOid() {
        return purposeOid;
    }

    TlsRole other() {
        return this == SERVER ? CLIENT : SERVER;
    }
}
