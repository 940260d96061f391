#!/bin/sh
# verify-endpoints.sh - check the StellaOps telemetry storage endpoints over mTLS.
#
# Usage: verify-endpoints.sh [CERT_DIR [COLLECTOR_HOST [PROMETHEUS_HOST [TEMPO_HOST [LOKI_HOST]]]]]
#
#   CERT_DIR          folder with ca.crt, tls.crt and tls.key (default /etc/telemetry/tls)
#   *_HOST            host names as written in the server certificates
#                     (defaults: <service>.observability.svc)
# Environment:
#   TOKEN_FILE        Authority token for the collector (default /etc/telemetry/auth/token;
#                     the collector is checked without it when the file is unreadable)
#   CURL_TIMEOUT      seconds per request (default 10)
#
# Prints one line per check. Exit status: 0 all passed, 1 a check failed,
# 2 usage error. Never prints certificate, key or token contents.
set -eu

usage() {
    sed -n '4,15p' "$0" | sed 's/^# \{0,1\}//'
}

case "${1:-}" in
    -h|--help) usage; exit 0 ;;
esac
if [ "$#" -gt 5 ]; then
    usage >&2
    exit 2
fi

cert_dir=${1:-/etc/telemetry/tls}
collector=${2:-stellaops-otel-collector.observability.svc}
prometheus=${3:-prometheus.observability.svc}
tempo=${4:-tempo.observability.svc}
loki=${5:-loki.observability.svc}
token_file=${TOKEN_FILE:-/etc/telemetry/auth/token}
timeout=${CURL_TIMEOUT:-10}

for host in "$collector" "$prometheus" "$tempo" "$loki"; do
    case "$host" in
        ''|*[!A-Za-z0-9.-]*)
            printf 'invalid host name: %s\n' "$host" >&2
            exit 2 ;;
    esac
done
case "$timeout" in
    ''|*[!0-9]*) printf 'CURL_TIMEOUT must be a number of seconds\n' >&2; exit 2 ;;
esac

command -v curl >/dev/null 2>&1 || { printf 'FAIL curl not found\n'; exit 1; }

ca=$cert_dir/ca.crt
cert=$cert_dir/tls.crt
key=$cert_dir/tls.key
for f in "$ca" "$cert" "$key"; do
    if [ ! -r "$f" ]; then
        printf 'FAIL tls-material        %s is missing or unreadable\n' "$f"
        exit 1
    fi
done

errfile=$(mktemp)
trap 'rm -f "$errfile"' EXIT
trap 'exit 130' HUP INT TERM

# check NAME URL [CURL_ARGS...] - one HTTPS GET with the client certificate.
check() {
    name=$1
    url=$2
    shift 2
    if code=$(curl --silent --show-error --proto '=https' --tlsv1.2 \
        --max-time "$timeout" --cacert "$ca" --cert "$cert" --key "$key" \
        --output /dev/null --write-out '%{http_code}' "$@" "$url" 2>"$errfile"); then
        if [ "$code" = 200 ]; then
            printf 'OK   %-20s %s (HTTP %s)\n' "$name" "$url" "$code"
            return 0
        fi
        printf 'FAIL %-20s %s (HTTP %s)\n' "$name" "$url" "$code"
        return 1
    fi
    printf 'FAIL %-20s %s (%s)\n' "$name" "$url" "$(head -n 1 "$errfile")"
    return 1
}

failures=0
collector_url=https://$collector:9464/metrics
if [ -r "$token_file" ]; then
    # The header travels on stdin so the token never shows up in ps output.
    if ! printf 'Authorization: Bearer %s\n' "$(cat "$token_file")" |
        check collector-metrics "$collector_url" --header @-; then
        failures=$((failures + 1))
    fi
else
    check collector-metrics "$collector_url" || failures=$((failures + 1))
fi
check prometheus-ready "https://$prometheus:9090/-/ready" || failures=$((failures + 1))
check tempo-ready "https://$tempo:3200/ready" || failures=$((failures + 1))
check loki-ready "https://$loki:3100/ready" || failures=$((failures + 1))

if [ "$failures" -gt 0 ]; then
    printf '%s check(s) failed\n' "$failures"
    exit 1
fi
printf 'all checks passed\n'
