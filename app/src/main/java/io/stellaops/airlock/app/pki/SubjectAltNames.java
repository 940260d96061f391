package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bouncycastle.util.IPAddress;

/**
 * The DNS and IP subject alternative names of a certificate, which is all a TLS client matches
 * (RFC 6125; Go, curl and Java no longer fall back to the subject's common name), and which of a
 * list of hosts they cover.
 */
public record SubjectAltNames(List<String> dnsNames, List<InetAddress> ipAddresses) {
    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    public SubjectAltNames {
        dnsNames = List.copyOf(dnsNames);
        ipAddresses = List.copyOf(ipAddresses);
    }

    /** @throws BundleException {@link Failure#REFUSED} when the extension cannot be parsed */
    public static SubjectAltNames of(X509Certificate certificate, String source) throws BundleException {
        List<String> dns = new ArrayList<>();
        List<InetAddress> ips = new ArrayList<>();
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new BundleException(Failure.REFUSED, source + ": the subject alternative names cannot be read", e);
        }
        if (names != null) {
            for (List<?> name : names) {
                if (name.get(0) instanceof Integer type && name.get(1) instanceof String value) {
                    if (type == DNS_NAME) {
                        dns.add(BundlePath.printable(value));
                    } else if (type == IP_ADDRESS && (IPAddress.isValidIPv4(value) || IPAddress.isValidIPv6(value))) {
                        ips.add(literal(value));
                    }
                }
            }
        }
        return new SubjectAltNames(dns, ips);
    }

    public boolean isEmpty() {
        return dnsNames.isEmpty() && ipAddresses.isEmpty();
    }

    /** The hosts that no name covers, in the order given. */
    public List<String> uncovered(HostNames hosts) {
        List<String> missing = new ArrayList<>();
        for (String host : hosts.dnsNames()) {
            if (dnsNames.stream().noneMatch(pattern -> HostNames.matches(pattern, host))) {
                missing.add(host);
            }
        }
        for (InetAddress ip : hosts.ipAddresses()) {
            if (!ipAddresses.contains(ip)) {
                missing.add(ip.getHostAddress());
            }
        }
        return missing;
    }

    /** "DNS:a, DNS:b, IP:127.0.0.1", at most {@code limit} entries and a count of the rest. */
    String describe(int limit) {
        List<String> all = new ArrayList<>();
        dnsNames.forEach(n -> all.add("DNS:" + n));
        ipAddresses.forEach(ip -> all.add("IP:" + ip.getHostAddress()));
        return CertificateChecks.list(all, limit);
    }

    private static InetAddress literal(String value) {
        try {
            return InetAddress.getByName(value); // validated literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a validated IP literal did not parse", e);
        }
    }
}
