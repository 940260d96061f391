#!/usr/bin/env bash
# Builds the JMH micro-benchmarks and runs them; arguments go to JMH (e.g. `bench/jmh.sh Hashing -f 1`,
# `bench/jmh.sh -l` to list, `-h` for JMH's options). See docs/performance.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl bench -am -DskipTests package
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "$@"
