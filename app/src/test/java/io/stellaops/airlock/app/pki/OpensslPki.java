package io.stellaops.airlock.app.pki;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A small "real" PKI made by openssl alone, as a site might run it: a root, an intermediate, an
 * RSA-2048 server certificate with a PKCS#1 key and an ECDSA P-384 client certificate with a SEC1
 * key. chain.crt and client-chain.crt hold the leaf followed by the intermediate.
 */
final class OpensslPki {
    private OpensslPki() {
    }

    static void create(Path dir) throws Exception {
        Files.writeString(dir.resolve("ext.cnf"), String.join("\n",
                "[ca]", "basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign",
                "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid",
                "[server]", "basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature,keyEncipherment",
                "extendedKeyUsage=serverAuth", "subjectAltName=DNS:collector.example.org,IP:10.1.2.3",
                "[client]", "basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature",
                "extendedKeyUsage=clientAuth", ""));
        Openssl.run(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "root.key",
                "-out", "root.crt", "-subj", "/CN=Example Root", "-days", "120", "-addext", "basicConstraints=critical,CA:TRUE",
                "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        issue(dir, "intermediate", "/CN=Example Intermediate", "root", "ca",
                new String[] {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"});
        issue(dir, "server", "/CN=collector.example.org", "intermediate", "server", new String[] {"-newkey", "rsa:2048"});
        issue(dir, "client", "/CN=observability-prometheus", "intermediate", "client",
                new String[] {"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"});
        for (String name : new String[] {"server", "client"}) {
            Openssl.run(dir, "pkey", "-in", name + ".key", "-traditional", "-out", name + ".traditional.key");
            Files.move(dir.resolve(name + ".traditional.key"), dir.resolve(name + ".key"), StandardCopyOption.REPLACE_EXISTING);
        }
        String intermediate = Files.readString(dir.resolve("intermediate.crt"));
        Files.writeString(dir.resolve("chain.crt"), Files.readString(dir.resolve("server.crt")) + intermediate);
        Files.writeString(dir.resolve("client-chain.crt"), Files.readString(dir.resolve("client.crt")) + intermediate);
    }

    private static void issue(Path dir, String name, String subject, String issuer, String section, String[] keySpec) {
        String[] request = new String[] {"req", "-new", "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", subject};
        String[] args = new String[request.length + keySpec.length];
        System.arraycopy(request, 0, args, 0, 2);
        System.arraycopy(keySpec, 0, args, 2, keySpec.length);
        System.arraycopy(request, 2, args, 2 + keySpec.length, request.length - 2);
        Openssl.run(dir, args);
        Openssl.run(dir, "x509", "-req", "-in", name + ".csr", "-CA", issuer + ".crt", "-CAkey", issuer + ".key",
                "-CAcreateserial", "-out", name + ".crt", "-days", "90", "-extfile", "ext.cnf", "-extensions", section);
    }
}
