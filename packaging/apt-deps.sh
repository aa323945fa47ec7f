#!/usr/bin/env bash
# Check the Debian packages Qt needs and install the missing ones when we are root.
#
#   apt-deps.sh PKG...          strict: missing packages and not root -> say the command, fail
#   apt-deps.sh --soft PKG...   for a person's own desktop: not root -> print the one sudo
#                               command, then go on if Qt can start anyway ($QT_CHECK, a command
#                               that exits 0 when it can); no dpkg (not Debian) -> no package
#                               check, only $QT_CHECK
set -euo pipefail
soft=0
if [ "${1:-}" = "--soft" ]; then soft=1; shift; fi

qt_starts() {  # $QT_CHECK says whether Qt can open its window here; no check means "go on"
  [ -z "${QT_CHECK:-}" ] || $QT_CHECK
}

if ! command -v dpkg-query >/dev/null 2>&1; then
  # Another distribution, macOS, Windows: package names differ, so nothing is counted missing.
  [ $soft -eq 1 ] || exit 0
  qt_starts && exit 0
  echo "Qt cannot start here: install your system's libraries for Qt 6 (xcb, EGL/OpenGL," >&2
  echo "fontconfig, xkbcommon), or see \"Install elsewhere\" in README.md." >&2
  exit 1
fi

missing=()
for pkg in "$@"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi

command="sudo apt-get install --no-install-recommends ${missing[*]}"
echo "Debian packages missing: ${missing[*]}" >&2
echo "Install them with:" >&2
echo "  $command" >&2
if [ $soft -eq 1 ] && qt_starts; then
  echo "(Qt starts without them, so going on.)" >&2
  exit 0
fi
exit 1
