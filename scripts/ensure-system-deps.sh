#!/bin/sh
# Qt needs a few shared libraries that a minimal Debian/Ubuntu lacks, and the central service's tests
# start a throwaway PostgreSQL from the machine's server binaries (tests/pg.py). Install them when we can
# (root with apt-get); otherwise say exactly what is missing.
set -u
command -v dpkg >/dev/null 2>&1 || exit 0   # not Debian-like: nothing to check
pkgs="libgl1 libegl1 libfontconfig1 libdbus-1-3 libglib2.0-0 libxkbcommon0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxkbcommon-x11-0"
missing=""
for p in $pkgs; do
  dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
done
# PostgreSQL counts as present when initdb and pg_ctl are found where tests/pg.py looks for them.
has_postgres() {
  for d in "$(pg_config --bindir 2>/dev/null)" /usr/lib/postgresql/*/bin; do
    [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && return 0
  done
  return 1
}
pg_missing=""
has_postgres || pg_missing=" postgresql"
[ -z "$missing$pg_missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages:$missing$pg_missing"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing $pg_missing >/dev/null
  exit
fi
if [ -n "$pg_missing" ]; then
  echo "PostgreSQL is missing: the central service's PostgreSQL tests will be skipped (and fail under CI=true);" \
    "install it with: sudo apt-get install$pg_missing" >&2
fi
if [ -n "$missing" ]; then
  echo "Qt needs these system packages; install them with: sudo apt-get install$missing" >&2
  exit 1
fi
exit 0
