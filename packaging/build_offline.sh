#!/usr/bin/env bash
# Build dist/mountsea-studio-offline-<version>.tar.gz: every wheel the studio needs on this
# platform/Python, plus install.sh, README-OFFLINE.txt, the desktop entry and the icon.
#
# Environment: PY (a Python 3.11 with pip; default .venv/bin/python, else python3),
#              APT_PKGS (Debian packages Qt needs; `make package` passes the Makefile's list),
#              LOCK_FROM (a Python whose installed versions pin the wheels; default PY).
# Needs the package index once (to download wheels); the result installs with no network.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
PY=${PY:-$( [ -x .venv/bin/python ] && echo .venv/bin/python || echo python3 )}
LOCK_FROM=${LOCK_FROM:-$PY}
# xvfb and xauth only serve headless test machines; a desktop user does not need them.
HEADLESS_ONLY="xvfb xauth"

makefile_apt_pkgs() {  # the APT_PKGS list of the Makefile, continuation lines joined
  awk '/^APT_PKGS[ \t]*:?=/ { on = 1 }
    on { line = $0; more = sub(/\\[ \t]*$/, "", line); printf "%s ", line; if (!more) exit }' Makefile |
    sed 's/^APT_PKGS[ \t]*:*=//'
}

write_readme() {  # $1 version, $2 required Debian packages
  cat <<EOT
Mountsea Studio $1 - offline installer
=======================================

This folder installs Mountsea Studio without any network access. It holds every Python
wheel the studio needs (wheels/, listed in wheels.txt) for CPython 3.11 on Linux x86_64
(Debian 12), an installer, the desktop entry and the icon.

1. Debian packages (the administrator installs these once, as root)
   Qt needs these system libraries, plus python3 (3.11):

     apt-get install --no-install-recommends $2

   install.sh checks them with dpkg-query and prints the apt-get line for the missing
   ones; it installs the studio anyway. Headless machines (no display) also need:
   $HEADLESS_ONLY (then run the studio under xvfb-run, or QT_QPA_PLATFORM=offscreen).
   python3-venv is NOT needed: the installer brings its own pip.

2. Install (as the user, no root, no network)

     ./install.sh                      # venv in ~/.local/share/mountsea-studio/venv
     ./install.sh --prefix DIR         # or anywhere else
     ./install.sh --help               # all options

   It creates a virtual environment at the prefix, installs the wheels from wheels/ with
   "pip install --no-index --find-links wheels mountsea-studio", writes the launchers
   ~/.local/bin/mountsea-studio and ~/.local/bin/mountsea-sim, and installs the desktop
   entry (~/.local/share/applications) and the icon (~/.local/share/icons/hicolor).
   Running it again replaces the previous installation at the same prefix.

3. Run

     mountsea-studio                   # or "Mountsea Studio" in the application menu
     mountsea-sim --port 8765          # the local simulator alone

   Without an API key the studio starts the local simulator (demo mode) by itself.
   The log is in ~/.local/state/MountseaStudio/log/studio.log (or \$STUDIO_HOME/logs).

4. Uninstall

     ./install.sh --uninstall [--prefix DIR]

   Your settings, library and outputs are kept.
EOT
}
APT_PKGS=${APT_PKGS:-$(makefile_apt_pkgs)}

"$PY" - <<'EOF'
import platform, sys
if sys.version_info[:2] != (3, 11) or platform.machine() != "x86_64" or sys.platform != "linux":
    sys.exit(f"build_offline: need CPython 3.11 on Linux x86_64 (the target), got "
             f"{sys.version.split()[0]} on {sys.platform}/{platform.machine()}")
EOF

version=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
name="mountsea-studio-offline-$version"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
bundle="$stage/$name"
mkdir -p "$bundle/wheels" "$bundle/share" dist
started=$SECONDS

echo "== building the mountsea-studio $version wheel from a clean copy of the sources"
# A clean copy: setuptools would otherwise reuse a stale build/lib and ship deleted modules.
src="$stage/src"
mkdir -p "$src"
cp pyproject.toml README.md "$src/"
tar -C "$repo" --exclude=__pycache__ --exclude='*.pyc' -cf - studio | tar -C "$src" -xf -
"$PY" -m pip wheel -q --no-deps --wheel-dir "$bundle/wheels" "$src"
project_wheel=$(ls "$bundle"/wheels/mountsea_studio-"$version"-*.whl)
"$PY" packaging/check_wheel.py "$project_wheel" "$src" studio

echo "== downloading runtime dependencies (binary wheels only, pinned to $LOCK_FROM's versions)"
"$LOCK_FROM" -m pip freeze --exclude-editable | grep -vi '^mountsea[-_]studio' >"$stage/constraints.txt"
"$PY" -m pip download -q --only-binary=:all: --dest "$bundle/wheels" \
  --constraint "$stage/constraints.txt" "$project_wheel" pip
(cd "$bundle/wheels" && ls ./*.whl | sed 's|^\./||' | sort) >"$bundle/wheels.txt"

echo "== installer, desktop files and notes"
cp packaging/install.sh "$bundle/install.sh"
chmod +x "$bundle/install.sh"
cp resources/mountsea-studio.desktop "$bundle/share/"
cp resources/icons/mountsea-studio.svg "$bundle/share/"
required=()
for pkg in $APT_PKGS; do
  [[ " $HEADLESS_ONLY " == *" $pkg "* ]] || required+=("$pkg")
done
printf '%s\n' python3 "${required[@]}" >"$bundle/debian-packages.txt"
write_readme "$version" "${required[*]}" >"$bundle/README-OFFLINE.txt"

echo "== packing"
tarball="dist/$name.tar.gz"
tar -C "$stage" -czf "$tarball.tmp" "$name"
mv "$tarball.tmp" "$tarball"
(cd dist && sha256sum "$name.tar.gz" >"$name.tar.gz.sha256")

wheels_mb=$(du -sm "$bundle/wheels" | cut -f1)
tar_mb=$(du -m "$tarball" | cut -f1)
echo "built $tarball: ${tar_mb} MB (wheels unpacked ${wheels_mb} MB," \
  "$(wc -l <"$bundle/wheels.txt") wheels) in $((SECONDS - started)) s"
