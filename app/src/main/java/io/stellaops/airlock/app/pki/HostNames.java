package io.stellaops.airlock.app.pki;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import io.stellaops.airlock.bundle.manifest.BundlePath;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.util.IPAddress;

/**
 * The hosts a TLS certificate is issued for or checked against: DNS names (ASCII, lowercase, at most
 * one wildcard, as the whole left-most label) and IP addresses (v4 or v6 literals, never resolved).
 * Also the runbook's defaults, and the matching rule of RFC 6125 section 6.4: a wildcard stands for
 * exactly one left-most label, never for the bare domain, and an IP address matches only an IP
 * address entry. Immutable; order as given, duplicates dropped.
 */
public final class HostNames {
    /** The runbook's namespace. */
    public static final String DEFAULT_NAMESPACE = "observability";
    /** The runbook's in-cluster services that serve TLS with the shared secret: collector and storage. */
    public static final List<String> RUNBOOK_SERVICES = List.of("stellaops-otel-collector", "prometheus", "tempo", "loki");

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_NAME = 253;

    private final List<String> dnsNames;
    private final List<InetAddress> ipAddresses;

    private HostNames(List<String> dnsNames, List<InetAddress> ipAddresses) {
        this.dnsNames = List.copyOf(dnsNames);
        this.ipAddresses = List.copyOf(ipAddresses);
    }

    /**
     * @param wildcards whether {@code *.domain} entries are allowed (for issuing, not for hosts to reach)
     * @throws BundleException {@link Failure#USAGE} naming the first entry that is neither an IP
     *                         address nor a valid DNS name
     */
    public static HostNames parse(List<String> hosts, boolean wildcards) throws BundleException {
        Set<String> dns = new LinkedHashSet<>();
        Set<InetAddress> ips = new LinkedHashSet<>();
        for (String raw : hosts) {
            String host = raw.strip();
            if (IPAddress.isValidIPv4(host) || IPAddress.isValidIPv6(host)) {
                ips.add(literal(host));
            } else {
                dns.add(dnsName(host, wildcards));
            }
        }
        if (dns.isEmpty() && ips.isEmpty()) {
            throw new BundleException(Failure.USAGE, "no host given");
        }
        return new HostNames(new ArrayList<>(dns), new ArrayList<>(ips));
    }

    /**
     * What {@code pki dev-tls} certifies by default: each runbook service as {@code name},
     * {@code name.NS}, {@code name.NS.svc} and {@code name.NS.svc.cluster.local}, plus
     * {@code localhost} and {@code 127.0.0.1} for port-forwards and local tests.
     */
    public static HostNames devTlsDefaults(String namespace) throws BundleException {
        String ns = label(namespace, "namespace");
        List<String> hosts = new ArrayList<>();
        for (String service : RUNBOOK_SERVICES) {
            hosts.addAll(List.of(service, service + "." + ns, service + "." + ns + ".svc",
                    service + "." + ns + ".svc.cluster.local"));
        }
        hosts.addAll(List.of("localhost", "127.0.0.1"));
        return parse(hosts, false);
    }

    /** What {@code pki check} requires of a server certificate by default: {@code service.NS.svc} of each runbook service. */
    public static HostNames serviceNames(String namespace) throws BundleException {
        String ns = label(namespace, "namespace");
        return parse(RUNBOOK_SERVICES.stream().map(s -> s + "." + ns + ".svc").toList(), false);
    }

    public List<String> dnsNames() {
        return dnsNames;
    }

    public List<InetAddress> ipAddresses() {
        return ipAddresses;
    }

    /** DNS names, then IP addresses, as text. */
    public List<String> all() {
        List<String> all = new ArrayList<>(dnsNames);
        ipAddresses.forEach(ip -> all.add(ip.getHostAddress()));
        return all;
    }

    public int size() {
        return dnsNames.size() + ipAddresses.size();
    }

    /**
     * Whether the DNS name {@code pattern} (from a certificate) covers {@code host}, by RFC 6125:
     * case-insensitive, a trailing dot ignored, a wildcard only as the complete left-most label of
     * a pattern with at least two more labels, standing for exactly one label.
     */
    public static boolean matches(String pattern, String host) {
        String p = trimDot(pattern.toLowerCase(Locale.ROOT));
        String h = trimDot(host.toLowerCase(Locale.ROOT));
        if (!p.contains("*")) {
            return p.equals(h);
        }
        if (!p.startsWith("*.") || p.indexOf('*', 1) >= 0 || p.chars().filter(c -> c == '.').count() < 2) {
            return false;
        }
        int dot = h.indexOf('.');
        return dot > 0 && h.substring(dot).equals(p.substring(1));
    }

    @Override
    public String toString() {
        return String.join(",", all());
    }

    private static InetAddress literal(String host) throws BundleException {
        try {
            return InetAddress.getByName(host); // a validated literal: no lookup
        } catch (UnknownHostException e) {
            throw new BundleException(Failure.USAGE, "'" + host + "' is not a valid IP address", e);
        }
    }

    private static String dnsName(String host, boolean wildcards) throws BundleException {
        String name = trimDot(host.toLowerCase(Locale.ROOT));
        String rest = name;
        if (wildcards && name.startsWith("*.")) {
            rest = name.substring(2);
            if (!rest.contains(".")) {
                throw invalid(host, "a wildcard needs at least two labels after it (*.example.svc)");
            }
        }
        if (rest.isEmpty() || rest.length() > MAX_NAME) {
            throw invalid(host, "a DNS name has 1 to " + MAX_NAME + " characters");
        }
        String[] labels = rest.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(host, wildcards
                        ? "labels are letters, digits and '-'; a wildcard only as the whole first label"
                        : "labels are letters, digits and '-' (no wildcard here)");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw invalid(host, "neither an IP address nor a DNS name");
        }
        return name;
    }

    private static String label(String value, String what) throws BundleException {
        if (value == null || !LABEL.matcher(value).matches()) {
            throw new BundleException(Failure.USAGE, "the " + what + " '" + BundlePath.printable(String.valueOf(value))
                    + "' is not a DNS label (lowercase letters, digits and '-', at most 63)");
        }
        return value;
    }

    private static BundleException invalid(String host, String rule) {
        return new BundleException(Failure.USAGE, "host '" + BundlePath.printable(host) + "' is invalid: " + rule);
    }

    private static String trimDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
