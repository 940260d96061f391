#!/usr/bin/env bash
# Builds the app-image twice from the same app/target (run `mvn -DskipTests package` first) and
# compares the two trees file by file (sorted sha256 of every file). Prints the files that differ;
# installers/README.md ("Reproducibility") says which do and why. Takes about two app-image builds.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sums() { (cd "$1/app-image" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); }
for build in 1 2; do
  "$root/installers/build.sh" --skip-maven --type app-image --dest "$tmp/$build" >/dev/null 2>&1
  sums "$tmp/$build" > "$tmp/$build.sum"
done
total=$(wc -l < "$tmp/1.sum")
differ=$(diff "$tmp/1.sum" "$tmp/2.sum" | sed -n 's/^< [0-9a-f]*  //p' || true)
echo "app-image: $total files, $(echo "$differ" | sed '/^$/d' | wc -l) differ between two builds"
[ -z "$differ" ] || echo "$differ"
