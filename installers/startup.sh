#!/usr/bin/env bash
# Measures Airlock's start-up, from the jar and from the package, as docs/performance.md reports it:
# the wall time of `airlock --version` (median of 7 runs) with the CPU time it used (user + system,
# median; it depends much less than the wall time on what else the machine is doing), and the time
# from process start to the first window (the wizard prints it with -Dairlock.startup.marker=true;
# median of 3, under Xvfb).
#
#   installers/startup.sh        after `mvn -DskipTests package` and `installers/build.sh --type deb`
#
# The package is unpacked with dpkg-deb -x into a temporary root and its postinst's AppCDS step is
# run there, as an installation does at /opt/airlock (Java 17's archive is bound to the path).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/app/target/airlock.jar"
deb=$(ls "$root"/installers/target/packages/airlock_*.deb | head -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home"
mkdir -p "$HOME"
unset XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
wall() { # COMMAND...: "WALL CPU" seconds of one run
  /usr/bin/time -f "%e %U %S" -o "$tmp/time" "$@" >/dev/null 2>&1
  awk '{printf "%.2f %.2f\n", $1, $2 + $3}' "$tmp/time"
}
version_time() { # COMMAND...: "WALL s wall, CPU s CPU", medians of 7 runs
  for _ in 1 2 3 4 5 6 7; do wall "$@"; done > "$tmp/runs"
  echo "$(cut -d' ' -f1 "$tmp/runs" | median) s wall, $(cut -d' ' -f2 "$tmp/runs" | median) s CPU"
}
window_once() { # COMMAND...: ms from process start to the first window, as the wizard prints it
  local log="$tmp/window.log"
  : > "$log"
  setsid xvfb-run -a -s "-screen 0 1280x1024x24" "$@" >"$log" 2>&1 </dev/null &
  local pid=$!
  for _ in $(seq 1 120); do grep -q "first window shown" "$log" && break; sleep 0.5; done
  # The wizard stays open: end it, and its X server, through their process group.
  kill -TERM -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  sed -n 's/.*first window shown \([0-9]*\) ms.*/\1/p' "$log" | head -1
}
window_time() { for _ in 1 2 3; do window_once "$@"; done | median; }

dpkg-deb -x "$deb" "$tmp/root"
packaged="$tmp/root/opt/airlock"
# The postinst's AppCDS step, with this root's path.
"$packaged/lib/runtime/bin/java" -XX:ArchiveClassesAtExit="$packaged/lib/app/airlock.jsa" -Xlog:disable \
  -cp "$packaged/lib/app/airlock.jar" io.stellaops.airlock.app.Main --help >/dev/null 2>&1

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
echo "--version, jar (java -jar):                     $(version_time java -jar "$jar" --version)"
echo "--version, package without the AppCDS archive: $(mv "$packaged/lib/app/airlock.jsa" "$tmp/jsa"; version_time "$packaged/bin/airlock" --version; mv "$tmp/jsa" "$packaged/lib/app/airlock.jsa")"
echo "--version, package (AppCDS, as installed):      $(version_time "$packaged/bin/airlock" --version)"
echo "first window, jar:                             $(window_time java -Dairlock.startup.marker=true -jar "$jar") ms"
echo "first window, package (AppCDS, as installed):   $(AIRLOCK_JAVA_OPTIONS=-Dairlock.startup.marker=true window_time "$packaged/bin/airlock") ms"
