#!/bin/sh
# Qt needs a few shared libraries that a minimal Debian/Ubuntu lacks. Install them when we can
# (root with apt-get); otherwise say exactly what is missing.
set -u
command -v dpkg >/dev/null 2>&1 || exit 0   # not Debian-like: nothing to check
pkgs="libgl1 libegl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxkbcommon-x11-0"
missing=""
for p in $pkgs; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Qt system libraries:$missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
  echo "Qt needs these system packages; install them with: sudo apt-get install$missing" >&2
  exit 1
fi
