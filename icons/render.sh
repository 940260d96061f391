#!/usr/bin/env bash
# Re-renders every icon of Airlock from the SVG sources in icons/src. The renders are committed, so
# building the app or the installers does not need these tools; run this after editing a source.
#
# Needs: rsvg-convert (librsvg2-bin), icotool (icoutils), png2icns (icnsutils).
#   apt-get install --no-install-recommends librsvg2-bin icoutils icnsutils
#
# Writes:
#   icons/png/airlock-N.png        the application icon, N = 16 24 32 48 64 128 256 512 1024
#                                  (16 and 24 from airlock-small.svg, the rest from airlock.svg)
#   icons/airlock.ico              Windows: 16 24 32 48 64 128 256 in one file
#   icons/airlock.icns             macOS: 16 32 48 128 256 512 1024
#   app/src/main/resources/io/stellaops/airlock/app/ui/icons/
#                                  the window icons (airlock-16..256.png) and the in-app icons
#                                  (NAME.png at 16 px, NAME@2x.png at 32 px for HiDPI screens)
set -euo pipefail
cd "$(dirname "$0")"

for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null || { echo "icons/render.sh: $tool is missing (see the header of this script)" >&2; exit 1; }
done

mkdir -p png
for size in 16 24; do
  rsvg-convert -w "$size" -h "$size" src/app/airlock-small.svg -o "png/airlock-$size.png"
done
for size in 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" src/app/airlock.svg -o "png/airlock-$size.png"
done

# The 256 px image is stored as PNG (-r), as Windows Vista and later read it; the rest as bitmaps.
icotool -c -o airlock.ico png/airlock-{16,24,32,48,64,128}.png -r png/airlock-256.png
# png2icns picks the icns slot from each image's size.
png2icns airlock.icns png/airlock-{16,32,48,128,256,512,1024}.png >/dev/null

resources=../app/src/main/resources/io/stellaops/airlock/app/ui/icons
mkdir -p "$resources"
for size in 16 24 32 48 64 128 256; do
  cp "png/airlock-$size.png" "$resources/airlock-$size.png"
done
for source in src/ui/*.svg; do
  name=$(basename "$source" .svg)
  rsvg-convert -w 16 -h 16 "$source" -o "$resources/$name.png"
  rsvg-convert -w 32 -h 32 "$source" -o "$resources/$name@2x.png"
done
echo "icons/render.sh: rendered $(ls png | wc -l) application PNGs, airlock.ico, airlock.icns and $(ls src/ui | wc -l) in-app icons"
