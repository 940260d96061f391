#!/usr/bin/env bash
# Airlock against the GNU tools on the same work, at the sizes given (MiB; default 1024 and 4096).
# See docs/performance.md. Usage: bench/run.sh [SIZE_MIB...]
#
#   AIRLOCK_JAR   the jar to measure (default app/target/airlock.jar; build it with
#                 mvn -B -ntp -q -DskipTests package)
#   JAVA_OPTS     JVM options for Airlock (default: the launcher's options of docs/performance.md,
#                 "Memory"; JAVA_OPTS= measures the plain `java -jar airlock.jar` of docs/cli.md)
#   BENCH_DIR     work folder (default /tmp/airlock-bench); needs about 3.5x the largest size free
#   KEEP=1        keep the generated sources for the next run (they are deterministic)
#   GNU=0         measure Airlock only (memory at a large size, when time is short): no ratios
#   COMPRESSIONS  which to measure (default "gzip zstd")
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="${AIRLOCK_JAR:-$root/app/target/airlock.jar}"
work="${BENCH_DIR:-/tmp/airlock-bench}"
sizes=("$@")
comps=(${COMPRESSIONS:-gzip zstd})
[ ${#sizes[@]} -gt 0 ] || sizes=(1024 4096)
launcher_opts="-XX:+UseSerialGC -Xms16m -Xmx512m"
java_opts=(${JAVA_OPTS-$launcher_opts})
airlock=(java "${java_opts[@]}" -jar "$jar")

for tool in tar gzip zstd sha256sum java; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "bench: GNU time is missing (apt-get install time)" >&2; exit 1; }
[ -f "$jar" ] || { echo "bench: $jar is missing; build it: mvn -B -ntp -q -DskipTests package" >&2; exit 1; }
mkdir -p "$work"
results="$work/results.txt"
: > "$results"

# measure NAME COMMAND: runs COMMAND under GNU time; records wall s, CPU s (user+sys, children
# included) and peak RSS in MiB (of the largest single process of a pipeline).
measure() {
  local name="$1" cmd="$2" out="$work/time.$$"
  sync; sleep 2   # every step starts with the disk idle: writeback left by the step before is not its cost
  if ! /usr/bin/time -f '%e %U %S %M' -o "$out" bash -c "$cmd" > "$work/$name.log" 2>&1; then
    echo "bench: '$name' failed:" >&2; tail -5 "$work/$name.log" >&2; exit 1
  fi
  read -r wall user sys rss < <(tail -1 "$out")
  printf '%s %s %.2f %d\n' "$name" "$wall" "$(echo "$user + $sys" | bc)" $((rss / 1024)) >> "$results"
}
field() { awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$results"; }

met=0; missed=0
target() { # target DESCRIPTION ACTUAL OP LIMIT
  if [ "$(echo "$2 $3 $4" | bc)" -eq 1 ]; then verdict="met"; met=$((met + 1)); else verdict="MISSED"; missed=$((missed + 1)); fi
  printf '  %-58s %10s %s %-8s %s\n' "$1" "$2" "$3" "$4" "$verdict"
}

echo "bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), Airlock runs as: ${airlock[*]}"
"${airlock[@]}" --version > /dev/null   # warm the page cache for the jar
for i in 1 2 3; do measure "version-$i" "${airlock[*]} --version"; done
version_wall=$(for i in 1 2 3; do field "version-$i" 2; done | sort -n | sed -n 2p)

created="2026-11-01T10:00:00Z"
"${airlock[@]}" keys generate --type ed25519 --out "$work/bench-key" >/dev/null 2>&1 || true
mkdir -p "$work/trust" && cp "$work/bench-key.pub.pem" "$work/trust/"

for size in "${sizes[@]}"; do
  src="$work/source-$size"
  if [ ! -f "$src.done" ] || [ ! -d "$src" ] || [ ! -f "$src.SUMS" ]; then
    rm -rf "$src"
    echo "bench: generating $size MiB of source in $src"
    java "$here/GenerateSource.java" "$src" "$size"
    (cd "$src" && find . -type f | LC_ALL=C sort | sed 's|^\./||' | xargs -d '\n' sha256sum) > "$src.SUMS"
    touch "$src.done"
  fi
  payload=$(du -sb --apparent-size "$src" | cut -f1)
  files=$(wc -l < "$src.SUMS")
  cat "$src.SUMS" > /dev/null; tar -cf - -C "$src" . > /dev/null   # same page-cache state for everyone
  sha_rate=$(java "$here/Sha256Rate.java" "$src")
  out="$work/out-$size"; rm -rf "$out"; mkdir -p "$out"

  for c in "${comps[@]}"; do
    if [ $c = gzip ]; then ext=tar.gz; comp="gzip -6"; decomp="gzip -dc"; else ext=tar.zst; comp="zstd -q -3 -T0"; decomp="zstd -q -dc"; fi
    a="$out/airlock.$ext"; g="$out/gnu.$ext"
    warm() { tar -cf - -C "$src" . > /dev/null; }   # the source in the page cache for each build, both sides
    warm; measure "build-$c-airlock-$size" "${airlock[*]} bundle build --source '$src' --out '$a' --compression $c --created-at $created --expires-in 3650d --name bench --version 1 --generation 1"
    warm; [ "${GNU:-1}" = 0 ] || measure "build-$c-gnu-$size" "tar --sort=name -cf - -C '$src' . | $comp > '$g' && sha256sum '$g' > '$g.sha256'"
    # Like for like: Airlock's build returns once the archive is on the disk (fsync); GNU's pipeline does not wait.
    rm -f "$g" "$g.sha256"; warm
    [ "${GNU:-1}" = 0 ] || measure "buildsync-$c-gnu-$size" "tar --sort=name -cf - -C '$src' . | $comp > '$g' && sha256sum '$g' > '$g.sha256' && sync '$g' '$g.sha256'"
    measure "verify-$c-airlock-$size" "${airlock[*]} bundle verify '$a'"
    t="$out/gnu-extract"; rm -rf "$t"; mkdir -p "$t"
    [ "${GNU:-1}" = 0 ] || measure "verify-$c-gnu-$size" "$decomp '$g' | tar -xf - -C '$t' && (cd '$t' && sha256sum -c --quiet '$src.SUMS')"
    rm -rf "$t"
    "${airlock[@]}" bundle sign "$a" --key "$work/bench-key.key.pem" > /dev/null
    kit="$out/kit"; rm -rf "$kit"; mkdir -p "$kit"
    measure "import-$c-airlock-$size" "${airlock[*]} kit import '$a' --kit '$kit' --trust '$work/trust'"
    rm -rf "$kit"; mkdir -p "$t"
    [ "${GNU:-1}" = 0 ] || measure "import-$c-gnu-$size" "$decomp '$g' | tar -xf - -C '$t' && sync"
    rm -rf "$t" "$g" "$g.sha256" "$a" "$a".*
    sync
  done

  echo
  echo "== $size MiB: $files files, $payload payload bytes; one JVM thread hashes them at $sha_rate MiB/s =="
  printf '  %-22s %9s %9s %9s   %9s %9s %9s   %s\n' "" "Airlock" "" "" "GNU" "" "" "ratio"
  printf '  %-22s %9s %9s %9s   %9s %9s %9s   %s\n' "step" "wall s" "CPU s" "RSS MiB" "wall s" "CPU s" "RSS MiB" "wall A/G"
  for step in $(for c in "${comps[@]}"; do echo build-$c verify-$c import-$c; done); do
    aw=$(field "$step-airlock-$size" 2); gw=$(field "$step-gnu-$size" 2)
    printf '  %-22s %9s %9s %9s   %9s %9s %9s   %s\n' "$step" "$aw" "$(field "$step-airlock-$size" 3)" \
      "$(field "$step-airlock-$size" 4)" "$gw" "$(field "$step-gnu-$size" 3)" "$(field "$step-gnu-$size" 4)" \
      "$([ -n "$gw" ] && echo "scale=2; $aw / $gw" | bc || echo -)"
  done
  if [ "${GNU:-1}" != 0 ]; then
    for c in "${comps[@]}"; do
      gs=$(field "buildsync-$c-gnu-$size" 2)
      printf '  %-22s %9s %9s %9s   %9s %9s %9s   %s\n' "(GNU build $c + sync)" "" "" "" "$gs" \
        "$(field "buildsync-$c-gnu-$size" 3)" "$(field "buildsync-$c-gnu-$size" 4)" \
        "$(echo "scale=2; $(field "build-$c-airlock-$size" 2) / $gs" | bc)"
    done
  fi
  echo "  targets:"
  for step in $(for c in "${comps[@]}"; do echo build-$c verify-$c; done); do
    [ "${GNU:-1}" = 0 ] && continue
    target "$step wall, Airlock / GNU" "$(echo "scale=2; $(field "$step-airlock-$size" 2) / $(field "$step-gnu-$size" 2)" | bc)" "<=" 0.8
  done
  for step in $(for c in "${comps[@]}"; do echo build-$c verify-$c import-$c; done); do
    target "$step peak RSS, MiB" "$(field "$step-airlock-$size" 4)" "<" 256
  done
  for c in "${comps[@]}"; do
    rate=$(echo "scale=0; $payload / 1048576 / $(field "verify-$c-airlock-$size" 2)" | bc)
    target "verify-$c MiB/s (payload / wall) vs 80% of $sha_rate" "$rate" ">=" "$(echo "$sha_rate * 0.8" | bc)"
  done
  [ "${KEEP:-0}" = 1 ] || rm -rf "$src" "$src.done" "$src.SUMS"
done
echo
echo "== airlock --version (median of 3) =="
target "--version wall, s" "$version_wall" "<" 0.5
echo
echo "bench: $met target(s) met, $missed missed; raw figures in $results; load now $(cut -d' ' -f1-3 /proc/loadavg)"
