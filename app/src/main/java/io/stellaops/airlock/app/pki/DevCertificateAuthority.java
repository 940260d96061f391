package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.keys.KeyAlgorithm;
import io.stellaops.airlock.bundle.keys.SigningKey;
import io.stellaops.airlock.bundle.keys.SigningKeys;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * A throw-away certificate authority for development and staging clusters: a self-signed CA
 * (CA:TRUE with path length 0, keyCertSign and cRLSign) that issues server certificates (serverAuth,
 * digitalSignature, plus keyEncipherment for RSA, the hosts as subject alternative names) and client
 * certificates (clientAuth, digitalSignature). Every key is new, of one type, made by the library's
 * {@link SigningKeys}. Its name carries a random suffix so that two dev CAs are never confused.
 */
public final class DevCertificateAuthority {
    static final String ORGANIZATION = "StellaOps Airlock (development)";
    private static final int MAX_COMMON_NAME = 64;

    private final IssuedCertificate ca;
    private final X500Name name;
    private final CertificateValidity validity;
    private final SecureRandom random;
    private final CertificateIssuer issuer;

    private DevCertificateAuthority(IssuedCertificate ca, X500Name name, CertificateValidity validity, SecureRandom random) {
        this.ca = ca;
        this.name = name;
        this.validity = validity;
        this.random = random;
        this.issuer = new CertificateIssuer(random);
    }

    /** A new CA with a new key of {@code algorithm}, valid for {@code validity}. */
    public static DevCertificateAuthority create(KeyAlgorithm algorithm, CertificateValidity validity, SecureRandom random)
            throws BundleException {
        byte[] suffix = new byte[4];
        random.nextBytes(suffix);
        X500Name name = name("Airlock dev CA " + HexFormat.of().formatHex(suffix));
        SigningKey key = SigningKeys.generate(algorithm, random);
        X509Certificate certificate = new CertificateIssuer(random).issue(name, key, key.verificationKey(), name,
                key.verificationKey(), validity, List.of(
                        CertificateIssuer.extension(Extension.basicConstraints, true, new BasicConstraints(0)),
                        CertificateIssuer.extension(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))));
        return new DevCertificateAuthority(new IssuedCertificate(certificate, key), name, validity, random);
    }

    public IssuedCertificate certificate() {
        return ca;
    }

    public KeyAlgorithm algorithm() {
        return ca.key().algorithm();
    }

    /**
     * A server certificate for {@code hosts} (DNS and IP subject alternative names; the first DNS
     * name, when short enough, also as common name), with a new key of the CA's type.
     */
    public IssuedCertificate issueServer(HostNames hosts, CertificateValidity window) throws BundleException {
        int usage = KeyUsage.digitalSignature | (algorithm() == KeyAlgorithm.RSA_3072 ? KeyUsage.keyEncipherment : 0);
        List<GeneralName> names = new ArrayList<>();
        hosts.dnsNames().forEach(dns -> names.add(new GeneralName(GeneralName.dNSName, dns)));
        for (InetAddress ip : hosts.ipAddresses()) {
            names.add(new GeneralName(GeneralName.iPAddress, new DEROctetString(ip.getAddress())));
        }
        String commonName = hosts.dnsNames().stream().filter(n -> n.length() <= MAX_COMMON_NAME).findFirst()
                .orElse("Airlock dev server");
        return issue(commonName, window, usage, KeyPurposeId.id_kp_serverAuth, List.of(CertificateIssuer.extension(
                Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)))));
    }

    /** A client certificate whose common name is the client's identity, such as observability-prometheus. */
    public IssuedCertificate issueClient(String commonName, CertificateValidity window) throws BundleException {
        return issue(commonName, window, KeyUsage.digitalSignature, KeyPurposeId.id_kp_clientAuth, List.of());
    }

    private IssuedCertificate issue(String commonName, CertificateValidity window, int keyUsage, KeyPurposeId purpose,
            List<Extension> more) throws BundleException {
        if (!validity.contains(window)) {
            throw new IllegalArgumentException("a certificate cannot outlive or predate its CA");
        }
        SigningKey key = SigningKeys.generate(algorithm(), random);
        List<Extension> extensions = new ArrayList<>(List.of(
                CertificateIssuer.extension(Extension.basicConstraints, true, new BasicConstraints(false)),
                CertificateIssuer.extension(Extension.keyUsage, true, new KeyUsage(keyUsage)),
                CertificateIssuer.extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))));
        extensions.addAll(more);
        X509Certificate certificate = issuer.issue(name, ca.key(), ca.key().verificationKey(), name(commonName),
                key.verificationKey(), window, extensions);
        return new IssuedCertificate(certificate, key);
    }

    private static X500Name name(String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.O, ORGANIZATION)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }
}
