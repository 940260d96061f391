#!/usr/bin/env bash
# Builds Airlock's installers with jpackage (JDK 17): a jlinked Java runtime, the app-image, and the
# packages of the operating system it runs on.
#
#   installers/build.sh                      Linux: app-image, .deb, and .rpm when rpmbuild exists
#   installers/build.sh --type deb           only the .deb (also: app-image, rpm; msi on Windows, dmg on macOS)
#   installers/build.sh --skip-maven         reuse app/target (airlock.jar and lib/) instead of running Maven
#   installers/build.sh --dest DIR           write to DIR instead of installers/target
#   installers/build.sh --check-modules      also check jpackage/modules.txt against jdeps (about a minute)
#
# Output (DIR = installers/target): DIR/app-image/airlock (Airlock/Airlock.app on Windows/macOS),
# DIR/packages/*.deb|*.rpm|*.msi|*.dmg. Needs no network once Maven has the dependencies. See
# installers/README.md for what each step does and what a package contains.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dest="$root/installers/target"
skip_maven=false
check_modules=false
types=()
while [ $# -gt 0 ]; do
  case "$1" in
    --type) types+=("$2"); shift 2 ;;
    --dest) dest=$(mkdir -p "$2" && cd "$2" && pwd); shift 2 ;;
    --skip-maven) skip_maven=true; shift ;;
    --check-modules) check_modules=true; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "installers/build.sh: unknown option $1 (try --help)" >&2; exit 4 ;;
  esac
done
say() { echo "installers/build.sh: $*" >&2; }

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=macos ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) say "unsupported system $(uname -s)"; exit 1 ;;
esac
if [ ${#types[@]} -eq 0 ]; then
  case "$os" in
    linux) types=(deb); command -v rpmbuild >/dev/null 2>&1 && types+=(rpm) ;;
    macos) types=(dmg) ;;
    windows) types=(msi) ;;
  esac
fi

java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
for tool in jdeps jlink jpackage; do
  [ -x "$java_home/bin/$tool" ] || [ -x "$java_home/bin/$tool.exe" ] || { say "$tool not found in $java_home/bin (JDK 17 needed; set JAVA_HOME)"; exit 1; }
done
bin="$java_home/bin"

# 1. The app: airlock.jar and its runtime dependencies in lib/ (JavaFX with this system's natives).
if ! $skip_maven; then
  say "building the app with Maven"
  (cd "$root" && mvn -B -ntp -q -DskipTests package)
fi
app="$root/app/target"
[ -f "$app/airlock.jar" ] && [ -d "$app/lib" ] || { say "no $app/airlock.jar and lib/: run without --skip-maven"; exit 1; }
# The project version: the first <version> of the parent pom (unzip is not everywhere, Maven is slow to ask).
full_version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
# jpackage wants numbers only (1.2.3): a -SNAPSHOT build is packaged as its release number.
version=${full_version%%-*}

work="$dest/work"
rm -rf "$work" "$dest/app-image" "$dest/packages"
mkdir -p "$work/input/lib" "$dest/app-image" "$dest/packages"
cp "$app/airlock.jar" "$work/input/"
cp "$app"/lib/*.jar "$work/input/lib/"

# 2. The Java runtime: only the JDK modules of jpackage/modules.txt. --check-modules compares that
#    list with what jdeps finds (about a minute, so not on every build).
modules=$(grep -v '^#' "$root/installers/jpackage/modules.txt" | sed '/^$/d' | sort -u | paste -sd, -)
if $check_modules; then
  say "checking jpackage/modules.txt against jdeps"
  found=$("$bin/jdeps" --multi-release 17 --ignore-missing-deps --print-module-deps \
    --class-path "$work/input/lib/*" "$work/input/airlock.jar" | tr -d '\r' | tr ',' '\n')
  missing=$(comm -23 <(echo "$found" | sort -u) <(echo "$modules" | tr ',' '\n' | sort -u))
  [ -z "$missing" ] || { say "jdeps finds modules missing from installers/jpackage/modules.txt: $missing"; exit 1; }
fi
say "jlink: $modules"
"$bin/jlink" --add-modules "$modules" --output "$work/runtime" \
  --strip-debug --no-header-files --no-man-pages --include-locales=en,de --compress=0
# The runtime's own class-data archive (the JDK classes), which jlink in Java 17 does not write.
"$work/runtime/bin/java" -Xshare:dump -Xlog:disable >/dev/null

args() { # the argfile of jpackage/NAME.args with this build's values filled in
  sed -e "s|@ROOT@|$root|g" -e "s|@VERSION@|$version|g" "$root/installers/jpackage/$1.args" > "$work/$1.args"
  echo "@$work/$1.args"
}

# 3. The app-image: the runtime, the jars, and a launcher.
say "jpackage app-image $version"
"$bin/jpackage" --type app-image "$(args common)" "$(args launcher)" "$(args "$os")" \
  --input "$work/input" --runtime-image "$work/runtime" --dest "$dest/app-image"

if [ "$os" = linux ]; then
  image="$dest/app-image/airlock"
  # JavaFX's native libraries beside its jars, where JavaFX looks first: no unpacking into the
  # user's home at the first start.
  for jar in "$image"/lib/app/lib/javafx-*-linux.jar; do
    (cd "$image/lib/app/lib" && unzip -qo "$jar" '*.so' -x 'META-INF/*' 2>/dev/null || true)
  done
  # The launcher is a shell script rather than jpackage's native one: Java 17's launcher cannot put
  # the user's XDG folders into system properties (its configuration expands no variables).
  rm -f "$image/bin/airlock" "$image/lib/app/airlock.cfg"
  install -m 755 "$root/installers/linux/airlock-launcher.sh" "$image/bin/airlock"
  linux_image=$image
fi

# 4. The packages.
for type in "${types[@]}"; do
  [ "$type" = app-image ] && continue
  say "jpackage $type"
  case "$type" in
    deb|rpm)
      "$bin/jpackage" --type "$type" "$(args common)" "$(args linux)" "$(args linux-package)" --app-image "$linux_image" --dest "$dest/packages" ;;
    msi|exe|dmg|pkg)
      "$bin/jpackage" --type "$type" "$(args common)" "$(args launcher)" "$(args "$os")" \
        --input "$work/input" --runtime-image "$work/runtime" --dest "$dest/packages" ;;
    *) say "unknown package type $type"; exit 4 ;;
  esac
done
say "done: $(cd "$dest" && ls -d app-image/* packages/* 2>/dev/null | tr '\n' ' ')"
