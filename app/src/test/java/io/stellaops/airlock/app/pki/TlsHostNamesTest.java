package io.stellaops.airlock.app.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.stellaops.airlock.bundle.BundleException;
import io.stellaops.airlock.bundle.Failure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Host names for TLS: parsing, the runbook's defaults, and RFC 6125 matching. */
class TlsHostNamesTest {
    @Test
    void devTlsDefaultsAreTheRunbookServicesInEveryFormPlusLoopback() throws Exception {
        HostNames defaults = HostNames.devTlsDefaults("observability");
        assertThat(defaults.dnsNames()).hasSize(17).startsWith("stellaops-otel-collector",
                "stellaops-otel-collector.observability", "stellaops-otel-collector.observability.svc",
                "stellaops-otel-collector.observability.svc.cluster.local")
                .contains("prometheus.observability.svc", "tempo.observability.svc.cluster.local", "loki", "localhost");
        assertThat(defaults.all()).endsWith("127.0.0.1");
        assertThat(HostNames.devTlsDefaults("staging").dnsNames()).contains("loki.staging.svc");
        assertThat(HostNames.serviceNames("observability").all()).containsExactly("stellaops-otel-collector.observability.svc",
                "prometheus.observability.svc", "tempo.observability.svc", "loki.observability.svc");
        assertThat(catchThrowableOfType(BundleException.class, () -> HostNames.devTlsDefaults("Bad_NS")).failure())
                .isEqualTo(Failure.USAGE);
    }

    @Test
    void parsesDnsNamesAndIpLiteralsInOrderWithoutDuplicates() throws Exception {
        HostNames hosts = HostNames.parse(List.of(" Loki.Observability.svc. ", "10.0.0.1", "::1", "loki.observability.svc",
                "*.observability.svc"), true);
        assertThat(hosts.dnsNames()).containsExactly("loki.observability.svc", "*.observability.svc");
        assertThat(hosts.all()).containsExactly("loki.observability.svc", "*.observability.svc", "10.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(hosts.size()).isEqualTo(4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-loki.svc", "loki-.svc", "lo_ki.svc", "lo ki", "a..b", "*.svc", "*", "lo*.observability.svc",
        "*.*.observability.svc", "1.2.3", "300.1.1.1", "loki.observability.svc/x"})
    void refusesWhatIsNeitherAnIpNorAValidDnsName(String host) {
        BundleException e = catchThrowableOfType(BundleException.class, () -> HostNames.parse(List.of(host), true));
        assertThat(e).as(host).isNotNull();
        assertThat(e.failure()).isEqualTo(Failure.USAGE);
    }

    @Test
    void wildcardsOnlyWhereIssuing() throws Exception {
        assertThat(HostNames.parse(List.of("*.observability.svc"), true).dnsNames()).containsExactly("*.observability.svc");
        BundleException e = catchThrowableOfType(BundleException.class,
                () -> HostNames.parse(List.of("*.observability.svc"), false));
        assertThat(e.getMessage()).contains("host '*.observability.svc' is invalid", "no wildcard here");
    }

    @ParameterizedTest
    @CsvSource({
        "loki.observability.svc, loki.observability.svc, true",
        "LOKI.observability.svc, loki.Observability.SVC., true",
        "*.observability.svc, loki.observability.svc, true",
        "*.observability.svc, observability.svc, false",
        "*.observability.svc, a.loki.observability.svc, false",
        "*.svc, loki.svc, false",
        "lo*.observability.svc, loki.observability.svc, false",
        "*loki.observability.svc, loki.observability.svc, false",
        "loki.*.svc, loki.observability.svc, false",
        "*.*.svc, loki.observability.svc, false",
        "loki.observability.svc, tempo.observability.svc, false",
    })
    void matchesByRfc6125(String pattern, String host, boolean matches) {
        assertThat(HostNames.matches(pattern, host)).as(pattern + " ~ " + host).isEqualTo(matches);
    }
}
