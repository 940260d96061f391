package io.stellaops.airlock.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stellaops.airlock.app.pki.CertificateSummary;
import io.stellaops.airlock.app.pki.DevTlsRequest;
import io.stellaops.airlock.app.pki.IssuedCertificate;
import io.stellaops.airlock.app.pki.SubjectAltNames;
import io.stellaops.airlock.app.pki.TlsCheckItem;
import io.stellaops.airlock.app.pki.TlsCheckRequest;
import io.stellaops.airlock.app.pki.TlsCheckResult;
import io.stellaops.airlock.app.pki.TlsMaterial;
import io.stellaops.airlock.app.pki.TlsMaterialFiles;
import io.stellaops.airlock.bundle.BundleException;
import java.security.cert.X509Certificate;

/** The {@code --json} documents of {@code pki dev-tls} and {@code pki check}: names, dates and digests, never key material. */
final class PkiJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PkiJson() {
    }

    static ObjectNode devTls(DevTlsRequest request, TlsMaterial material, TlsMaterialFiles files) {
        ObjectNode root = NODES.objectNode().put("directory", files.directory().toString())
                .put("keyType", request.keyType().id())
                .put("notBefore", material.validity().notBefore().toString())
                .put("notAfter", material.validity().notAfter().toString());
        ArrayNode hosts = root.putArray("hosts");
        request.hosts().all().forEach(hosts::add);
        root.set("ca", issued(material.ca(), files.caCertificate().toString(), files.caKey().toString()));
        root.set("server", issued(material.server(), files.serverCertificate().toString(), files.serverKey().toString()));
        root.set("client", issued(material.client(), files.clientCertificate().toString(), files.clientKey().toString()));
        root.put("caKeyAdvice", "keep " + files.caKey() + " offline or delete it");
        return root;
    }

    static ObjectNode check(TlsCheckRequest request, TlsCheckResult result) throws BundleException {
        ObjectNode root = NODES.objectNode().put("verdict", result.passed() ? "passed" : "refused")
                .put("role", result.role().id());
        ObjectNode certificate = certificate(result.certificate()).put("file", request.certificateFile().toString());
        SubjectAltNames names = SubjectAltNames.of(result.certificate(), request.certificateFile().toString());
        ArrayNode dns = certificate.putArray("dnsNames");
        names.dnsNames().forEach(dns::add);
        ArrayNode ips = certificate.putArray("ipAddresses");
        names.ipAddresses().forEach(ip -> ips.add(ip.getHostAddress()));
        root.set("certificate", certificate);
        root.put("ca", request.caFile().toString()).put("key", request.keyFile().toString())
                .put("warnDays", request.warnDays());
        ArrayNode hosts = root.putArray("hosts");
        result.hosts().forEach(hosts::add);
        ArrayNode checks = root.putArray("checks");
        for (TlsCheckItem item : result.items()) {
            checks.addObject().put("id", item.id()).put("status", item.status().id()).put("detail", item.detail());
        }
        return root;
    }

    private static ObjectNode issued(IssuedCertificate issued, String certificateFile, String keyFile) {
        return certificate(issued.certificate()).put("certificateFile", certificateFile).put("keyFile", keyFile)
                .put("keyId", issued.key().keyId());
    }

    private static ObjectNode certificate(X509Certificate certificate) {
        CertificateSummary summary = CertificateSummary.of(certificate);
        return NODES.objectNode().put("subject", summary.subject()).put("issuer", summary.issuer())
                .put("serial", summary.serial()).put("notBefore", summary.notBefore().toString())
                .put("notAfter", summary.notAfter().toString()).put("sha256", summary.sha256());
    }
}
