"""Start-up: process start → first painted window, and → marketplace painted (new home, demo).

How: the bench notes ``time.time()`` just before it starts ``python -m studio`` with a new, empty
``STUDIO_HOME``, no API key (so demo mode: the app starts its simulator child) and
``STUDIO_BENCH_MARKS=FILE``. The app's hook (``studio.ui.bench_marks``, installed only when that
variable is set) appends the moment the main window's first repaint pass is done
(``first_paint``) and the moment the marketplace list has been painted with rows
(``marketplace_painted``). Each figure is mark − start, so interpreter start, imports and building
the window all count. Baseline: ``bench.children.bare_window``, a bare PySide6 QMainWindow of the
same size, timed the same way; both rows divide by its first paint.

Both start as an installed app does, from compiled bytecode: the checkout's ``studio`` package is
byte-compiled first (``compileall``, as pip does when it installs a wheel) and
``PYTHONDONTWRITEBYTECODE`` is dropped from the children's environment. Otherwise a shell that sets
it would have the studio compile every module from source on each start while PySide6, installed
compiled, would not, which no user sees.

The same processes give ``rss_idle`` (see ``bench.measures.rss_idle``): the parent reads the child's
VmRSS ``IDLE_S`` after its last mark. Each process is then sent SIGTERM (the studio closes as if the
user had closed it, stopping its simulator) and its folder is removed.
"""

from __future__ import annotations

import compileall
import functools
import json
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from bench.runner import (
    ROOT,
    ChildError,
    Options,
    Row,
    child_env,
    interleaved,
    progress,
    ratio_at_most,
    rss_of,
    tail,
    thumbnailer_rss_of,
)

IDLE_S: Final = 3.0
MARK_TIMEOUT_S: Final = 90.0
STUDIO: Final = "studio"
BARE: Final = "bare"
BARE_LABEL: Final = "bare PySide6 QMainWindow process (bench.children.bare_window), first paint"


@dataclass(frozen=True)
class Launch:
    """What one start of one program showed."""

    first_paint_ms: float
    marketplace_ms: float | None
    rss_mb: float


def launch(kind: str) -> Launch:
    """Start the studio (or the bare window) in a new home, wait for its marks, idle, stop it."""
    module = "studio" if kind == STUDIO else "bench.children.bare_window"
    wanted = {"first_paint", "marketplace_painted"} if kind == STUDIO else {"first_paint"}
    with tempfile.TemporaryDirectory(prefix="bench-startup-", ignore_cleanup_errors=True) as home:
        marks = Path(home) / "marks.jsonl"
        errors = Path(home) / "stderr.txt"
        env = child_env(STUDIO_HOME=home, STUDIO_BENCH_MARKS=str(marks))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # started as installed (see the docstring)
        with errors.open("wb") as stderr:
            started = time.time()
            process = subprocess.Popen(
                [sys.executable, "-m", module],
                env=env,
                cwd=ROOT,
                stdin=subprocess.DEVNULL,
                stdout=stderr,
                stderr=stderr,
            )
            try:
                found = wait_for_marks(marks, wanted, process, errors)
                time.sleep(IDLE_S)
                rss = rss_of(process.pid) + thumbnailer_rss_of(process.pid)
            finally:
                stop(process)
    market = found.get("marketplace_painted")
    return Launch(
        first_paint_ms=(found["first_paint"] - started) * 1000,
        marketplace_ms=None if market is None else (market - started) * 1000,
        rss_mb=rss,
    )


def wait_for_marks(
    path: Path, wanted: set[str], process: subprocess.Popen[bytes], errors: Path
) -> dict[str, float]:
    """The marks' times once all wanted ones are in the file (polled every 5 ms)."""
    deadline = time.monotonic() + MARK_TIMEOUT_S
    while time.monotonic() < deadline:
        found = read_marks(path)
        if wanted <= found.keys():
            return found
        if process.poll() is not None:
            raise ChildError(f"the process ended ({process.returncode}) before {wanted}"
                             f"{tail(errors)}")  # fmt: skip
        time.sleep(0.005)
    raise ChildError(f"no {sorted(wanted - read_marks(path).keys())} after {MARK_TIMEOUT_S:.0f} s")


def read_marks(path: Path) -> dict[str, float]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    marks: dict[str, float] = {}
    for line in text.splitlines():
        if line.endswith("}"):  # a line being written is not read half
            mark = json.loads(line)
            marks.setdefault(str(mark["mark"]), float(mark["time"]))
    return marks


def stop(process: subprocess.Popen[bytes]) -> None:
    """SIGTERM (the studio closes like a user closed it), then kill if it lingers."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@functools.cache
def collect(reps: int) -> tuple[tuple[Launch, ...], tuple[Launch, ...]]:
    """reps starts of each, interleaved; cached so startup and rss_idle share one set of runs."""
    runs: dict[str, list[Launch]] = {STUDIO: [], BARE: []}
    compileall.compile_dir(ROOT / "studio", quiet=1)  # as installing the package does
    for rep, which in interleaved(reps, 2):
        kind = (STUDIO, BARE)[which]
        result = launch(kind)
        runs[kind].append(result)
        shown = f", marketplace {result.marketplace_ms:.0f} ms" if result.marketplace_ms else ""
        progress(
            "startup",
            f"rep {rep + 1}/{reps} {kind}: first paint {result.first_paint_ms:.0f} ms{shown}, "
            f"RSS {result.rss_mb:.0f} MB",
        )
    return tuple(runs[STUDIO]), tuple(runs[BARE])


def rows(options: Options) -> list[Row]:
    studio, bare = collect(options.reps)
    bare_paint = [run.first_paint_ms for run in bare]
    return [
        Row(
            "startup_first_paint",
            "process start → first painted window",
            "ms",
            [run.first_paint_ms for run in studio],
            bare_paint,
            ratio_at_most(2.5),
            baseline_label=BARE_LABEL,
            note="python -m studio, new STUDIO_HOME, no key (demo)",
        ),
        Row(
            "startup_marketplace",
            "… → marketplace painted, new home (demo)",
            "ms",
            [run.marketplace_ms for run in studio if run.marketplace_ms is not None],
            bare_paint,
            ratio_at_most(4),
            baseline_label=BARE_LABEL,
            note="the marketplace list painted with at least one row",
        ),
    ]
