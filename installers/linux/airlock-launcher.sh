#!/bin/sh
# airlock: starts Airlock on the Java runtime bundled with it (lib/runtime). Installed as
# /opt/airlock/bin/airlock and linked from /usr/bin/airlock by the package; the desktop entry runs it
# too. Without arguments it opens the wizard; with a subcommand it runs the command line.
#
# The user's folders, after the XDG base directory specification, reach Airlock as system properties:
#   airlock.config.dir  $XDG_CONFIG_HOME/airlock (default ~/.config/airlock): settings
#   airlock.log.dir     $XDG_STATE_HOME/airlock  (default ~/.local/state/airlock): airlock.log
#   javafx.cachedir     $XDG_CACHE_HOME/airlock/openjfx (only used if JavaFX must unpack a native library)
# lib/app/airlock.jsa is the class-data archive that the package's postinst writes (AppCDS, for a
# faster start); without it the JVM starts as usual. JVM log lines go to stderr, errors only, so that
# standard output stays the command's result. The serial collector with a small initial heap starts
# faster than G1 and suits a desktop tool (docs/performance.md). AIRLOCK_JAVA_OPTIONS adds JVM
# options (for example -Xmx4g, or -Dairlock.startup.marker=true to print the time to the first window).
set -e
self=$(readlink -f "$0")
root=$(dirname "$(dirname "$self")")

xdg_dir() { # VALUE DEFAULT: the value when it is an absolute path (as the specification requires), else the default
  case "$1" in /*) printf '%s' "$1" ;; *) printf '%s' "$2" ;; esac
}
home=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
config_home=$(xdg_dir "${XDG_CONFIG_HOME:-}" "$home/.config")
state_home=$(xdg_dir "${XDG_STATE_HOME:-}" "$home/.local/state")
cache_home=$(xdg_dir "${XDG_CACHE_HOME:-}" "$home/.cache")

exec "$root/lib/runtime/bin/java" \
  -XX:+UseSerialGC -Xms16m -Xmx512m -Xshare:auto -XX:SharedArchiveFile="$root/lib/app/airlock.jsa" -Xlog:disable -Xlog:all=error:stderr \
  -Dairlock.config.dir="$config_home/airlock" \
  -Dairlock.log.dir="$state_home/airlock" \
  -Djavafx.cachedir="$cache_home/airlock/openjfx" \
  ${AIRLOCK_JAVA_OPTIONS:-} \
  -cp "$root/lib/app/airlock.jar" io.stellaops.airlock.app.Main "$@"
