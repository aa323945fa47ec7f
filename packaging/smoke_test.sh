#!/usr/bin/env bash
# Install the offline bundle into a throw-away HOME with the network cut off, then check that
# the studio imports, the simulator makes media, and the GUI starts and shuts down cleanly.
#
# usage: packaging/smoke_test.sh [TARBALL]   (default: the newest dist/mountsea-studio-offline-*)
#        packaging/smoke_test.sh --frozen [DIR]   (the PyInstaller bundle; default dist/mountsea-studio)
# Environment: SMOKE_PYTHON (the Python 3.11 to install with; default Debian's /usr/bin/python3).
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
frozen=
if [ "${1:-}" = --frozen ]; then
  frozen=$(realpath "${2:-$repo/dist/mountsea-studio}")
else
  tarball=${1:-$(ls -t "$repo"/dist/mountsea-studio-offline-*.tar.gz | head -n 1)}
fi
python=${SMOKE_PYTHON:-$( [ -x /usr/bin/python3 ] && echo /usr/bin/python3 || echo python3 )}
work=$(mktemp -d)
pids=()

cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }
step() { echo "== $* ($((SECONDS - started)) s)"; }
check_simulator() {  # $@: the command that runs the simulator
  step "simulator: $(basename "$1") ${*:2} --port 0"
  "$@" --port 0 --speed 50 >"$work/sim.out" 2>"$work/sim.err" &
  local sim_pid=$! url
  pids+=("$sim_pid")
  for _ in $(seq 1 300); do
    grep -q "Listening on" "$work/sim.out" && break
    kill -0 "$sim_pid" 2>/dev/null || break
    sleep 0.1
  done
  url=$(grep -o "Listening on http://[^ ]*" "$work/sim.out" | cut -d' ' -f3) ||
    fail "simulator did not listen: $(tail -n 5 "$work/sim.err")"
  "$python" "$repo/packaging/sim_roundtrip.py" "$url" || fail "simulator at $url: task round trip"
  kill -TERM "$sim_pid"
  wait "$sim_pid" || fail "simulator exited with status $? after SIGTERM"
  echo "simulator on $url made an image and a video and stopped on SIGTERM"
}

check_gui() {  # $1: the studio launcher. Demo mode: no key, so it starts its own simulator.
  step "GUI: offscreen, demo mode, SIGTERM after start-up"
  local home="$work/studio-home-$RANDOM" gui_pid status=0 child_pid
  local log="$home/logs/studio.log"
  STUDIO_HOME="$home" QT_QPA_PLATFORM=offscreen "$1" >"$work/gui.out" 2>&1 &
  gui_pid=$!
  pids+=("$gui_pid")
  for _ in $(seq 1 600); do  # up to 60 s for the app to start its own simulator
    grep -qs "simulator listening on" "$log" && break
    kill -0 "$gui_pid" 2>/dev/null || break
    sleep 0.1
  done
  grep -qs "simulator listening on" "$log" ||
    fail "the studio did not start its simulator: $(tail -n 20 "$log" "$work/gui.out" 2>&1)"
  child_pid=$(grep -o "simulator listening on .* (pid [0-9]*)" "$log" | grep -o "[0-9]*)$" | tr -d ')')
  sleep 3
  kill -TERM "$gui_pid"
  timeout 30 tail --pid="$gui_pid" -f /dev/null || fail "the studio ignored SIGTERM for 30 s"
  wait "$gui_pid" || status=$?
  [ "$status" = 0 ] || fail "the studio exited with status $status: $(tail -n 20 "$work/gui.out")"
  grep -q "starting; log at" "$log" || fail "no start-up line in $log"
  grep -q "shut down cleanly" "$log" || fail "no 'shut down cleanly' in $log: $(tail -n 20 "$log")"
  if kill -0 "$child_pid" 2>/dev/null; then
    fail "the studio left its simulator (pid $child_pid) running"
  fi
  echo "studio started, ran its simulator (pid $child_pid) and shut down cleanly"
}

started=$SECONDS

if [ -n "$frozen" ]; then  # the bundle is its own simulator: "--run-simulator ARGS"
  export HOME="$work/home"
  mkdir -p "$HOME"
  check_simulator "$frozen/mountsea-studio" --run-simulator
  check_gui "$frozen/mountsea-studio"
  echo "SMOKE OK (frozen): $(du -sm "$frozen" | cut -f1) MB, total $((SECONDS - started)) s"
  exit 0
fi

step "extracting $(basename "$tarball")"
mkdir -p "$work/src" "$work/home"
tar -C "$work/src" -xzf "$tarball"
bundle=$(ls -d "$work"/src/mountsea-studio-offline-*)
prefix="$work/prefix with space/venv"

# Only the bundle's wheels: no index, no user/site pip configuration, no cache.
export HOME="$work/home" PIP_NO_INDEX=1 PIP_FIND_LINKS="$bundle/wheels" PIP_CONFIG_FILE=/dev/null
export PIP_NO_CACHE_DIR=1 PATH="$HOME/.local/bin:$PATH"
unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_STATE_HOME XDG_CACHE_HOME PIP_EXTRA_INDEX_URL PIP_INDEX_URL
install_cmd=(bash "$bundle/install.sh" --prefix "$prefix" --python "$python")
# A private network namespace has no interfaces at all: proof that nothing is downloaded.
if unshare --net true 2>/dev/null; then
  net="none (unshare --net)"
  install_cmd=(unshare --net "${install_cmd[@]}")
elif unshare --user --map-root-user --net true 2>/dev/null; then
  net="none (unshare --user --net)"
  install_cmd=(unshare --user --map-root-user --net "${install_cmd[@]}")
else
  net="not cut (no unshare); pip is limited by PIP_NO_INDEX/--no-index"
fi
step "installing with $python, network: $net"
install_started=$SECONDS
"${install_cmd[@]}" || fail "install.sh failed"
install_seconds=$((SECONDS - install_started))

step "checking installed files"
launcher="$HOME/.local/bin/mountsea-studio"
desktop="$HOME/.local/share/applications/mountsea-studio.desktop"
[ -x "$launcher" ] || fail "no launcher at $launcher"
[ -x "$HOME/.local/bin/mountsea-sim" ] || fail "no mountsea-sim launcher"
[ -f "$HOME/.local/share/icons/hicolor/scalable/apps/mountsea-studio.svg" ] || fail "no icon"
grep -qF "Exec=\"$launcher\" %F" "$desktop" || fail "desktop entry does not run $launcher"
"$prefix/bin/python" -c "import studio.app, studio.sim, PySide6.QtMultimedia" ||
  fail "imports failed"

check_simulator "$prefix/bin/mountsea-sim"
check_gui "$launcher"
venv_mb=$(du -sm "$prefix" | cut -f1)
echo "SMOKE OK: install ${install_seconds} s, venv ${venv_mb} MB, total $((SECONDS - started)) s"
