#!/usr/bin/env bash
# Build dist/mountsea-studio/, a PyInstaller one-folder bundle, from the offline wheelhouse.
# Run packaging/build_offline.sh first. PyInstaller itself comes from the package index into a
# throw-away venv under build/ (the project's dev venv is not touched).
#
# Environment: FROZEN_PYTHON (a CPython 3.11 with a shared libpython; default /usr/bin/python3).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
python=${FROZEN_PYTHON:-/usr/bin/python3}
tarball=$(ls -t dist/mountsea-studio-offline-*.tar.gz | head -n 1)
work="build/pyinstaller"
venv="$work/venv"
started=$SECONDS

rm -rf "$work/wheelhouse" "$work/mountsea-studio" dist/mountsea-studio
mkdir -p "$work/wheelhouse"
tar -C "$work/wheelhouse" --strip-components=2 -xzf "$tarball" --wildcards '*/wheels/*.whl'
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --find-links "$work/wheelhouse" \
  --force-reinstall --no-deps "$work"/wheelhouse/mountsea_studio-*.whl
"$venv/bin/python" -m pip install -q --find-links "$work/wheelhouse" mountsea-studio 'pyinstaller>=6'

# Unused Qt modules that PySide6's hooks would otherwise pull in, and Tk.
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --onedir --name mountsea-studio \
  --distpath dist --workpath "$work" --specpath "$work" \
  --collect-submodules studio --collect-data studio \
  --exclude-module tkinter --exclude-module PySide6.QtQml --exclude-module PySide6.QtQuick \
  --exclude-module PySide6.QtWebEngineCore --exclude-module PySide6.QtPdf \
  packaging/frozen_entry.py
cp resources/mountsea-studio.desktop resources/icons/mountsea-studio.svg dist/mountsea-studio/

[ -x dist/mountsea-studio/mountsea-studio ] || { echo "PyInstaller made no executable" >&2; exit 1; }
echo "built dist/mountsea-studio/: $(du -sm dist/mountsea-studio | cut -f1) MB" \
  "in $((SECONDS - started)) s"
