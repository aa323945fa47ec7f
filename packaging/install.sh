#!/usr/bin/env bash
# Install Mountsea Studio from this offline bundle: a venv, launchers, desktop entry and icon.
# Never touches the network: pip runs with --no-index on the wheels next to this script.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
prefix="$HOME/.local/share/mountsea-studio/venv"
bin_dir="$HOME/.local/bin"
python=${PYTHON:-python3}
desktop=1
action=install

usage() {
  cat <<EOF
usage: $0 [--prefix DIR] [--bin-dir DIR] [--python EXE] [--no-desktop] [--uninstall]

  --prefix DIR    where the virtual environment goes (default: $prefix)
  --bin-dir DIR   where the launchers go (default: $bin_dir)
  --python EXE    the Python 3.11 to build the environment from (default: python3)
  --no-desktop    skip the desktop entry and icon
  --uninstall     remove what an earlier install put in these places (your files stay)
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix=$2; shift 2 ;;
    --bin-dir) bin_dir=$2; shift 2 ;;
    --python) python=$2; shift 2 ;;
    --no-desktop) desktop=0; shift ;;
    --uninstall) action=uninstall; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done
prefix=$(realpath -m "$prefix")
bin_dir=$(realpath -m "$bin_dir")
desktop_file="$data_home/applications/mountsea-studio.desktop"
icon_file="$data_home/icons/hicolor/scalable/apps/mountsea-studio.svg"

check_debian_packages() {  # warn only: the admin installs them, the studio installs anyway
  if ! command -v dpkg-query >/dev/null; then
    echo "note: no dpkg-query here; make sure the libraries in README-OFFLINE.txt are installed"
    return
  fi
  local missing=() pkg
  while read -r pkg; do
    [ -n "$pkg" ] || continue
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$pkg")
  done <"$here/debian-packages.txt"
  if [ ${#missing[@]} -gt 0 ]; then
    echo "WARNING: Debian packages the studio needs are missing. Ask an administrator to run:"
    echo "  sudo apt-get install --no-install-recommends ${missing[*]}"
  fi
}

check_python() {
  command -v "$python" >/dev/null || { echo "install.sh: $python not found" >&2; exit 1; }
  "$python" - <<'EOF' || exit 1
import platform, sys
if sys.version_info[:2] != (3, 11) or platform.machine() != "x86_64":
    sys.exit(f"install.sh: these wheels are for Python 3.11 on x86_64; {sys.executable} is "
             f"{sys.version.split()[0]} on {platform.machine()} (pass --python EXE)")
EOF
}

make_venv() {
  if [ -e "$prefix" ] && [ ! -f "$prefix/pyvenv.cfg" ] && [ -n "$(ls -A "$prefix")" ]; then
    echo "install.sh: $prefix exists and is not a virtual environment; not touching it" >&2
    exit 1
  fi
  # --without-pip: Debian's python3 has no ensurepip unless python3-venv is installed;
  # pip comes from the bundled wheel instead. --clear replaces an earlier install.
  "$python" -m venv --clear --without-pip "$prefix"
  local pip_wheel
  pip_wheel=$(ls "$here"/wheels/pip-*.whl | head -n 1)
  # Isolate from the user's pip configuration (extra indexes, constraints): only our wheels.
  PIP_CONFIG_FILE=/dev/null PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    "$prefix/bin/python" "$pip_wheel/pip" install --quiet --no-index --no-cache-dir \
    --find-links "$here/wheels" pip mountsea-studio
}

write_launcher() {  # $1 command name inside the venv
  local path="$bin_dir/$1"
  printf '#!/bin/sh\n# Mountsea Studio launcher (written by install.sh)\nexec "%s" "$@"\n' \
    "$prefix/bin/$1" >"$path"
  chmod 755 "$path"
}

install_desktop() {
  mkdir -p "$(dirname "$desktop_file")" "$(dirname "$icon_file")"
  # Absolute Exec: desktop sessions often do not have ~/.local/bin on PATH.
  sed "s|^Exec=mountsea-studio|Exec=\"$bin_dir/mountsea-studio\"|" \
    "$here/share/mountsea-studio.desktop" >"$desktop_file"
  cp "$here/share/mountsea-studio.svg" "$icon_file"
  if command -v update-desktop-database >/dev/null; then
    update-desktop-database -q "$(dirname "$desktop_file")" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null; then
    gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
  fi
}

uninstall() {
  if [ -f "$prefix/pyvenv.cfg" ]; then
    rm -rf "$prefix"
    rmdir "$(dirname "$prefix")" 2>/dev/null || true  # the default's parent, when now empty
  fi
  for name in mountsea-studio mountsea-sim; do
    if grep -qs "written by install.sh" "$bin_dir/$name"; then rm -f "$bin_dir/$name"; fi
  done
  rm -f "$desktop_file" "$icon_file"
  echo "Mountsea Studio removed (settings, library and outputs are kept)."
}

if [ "$action" = uninstall ]; then
  uninstall
  exit 0
fi
check_python
check_debian_packages
echo "Installing Mountsea Studio into $prefix ..."
make_venv
mkdir -p "$bin_dir"
write_launcher mountsea-studio
write_launcher mountsea-sim
[ "$desktop" = 0 ] || install_desktop
version=$("$prefix/bin/python" -c 'import studio; print(studio.__version__)')
echo "Mountsea Studio $version installed. Start it with: $bin_dir/mountsea-studio"
case ":$PATH:" in
  *":$bin_dir:"*) ;;
  *) echo "note: $bin_dir is not on your PATH; add it to run plain 'mountsea-studio'" ;;
esac
