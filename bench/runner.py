"""What every measure shares: rows of samples and their targets, options, child processes.

Every figure is taken in a child process (a fresh interpreter per repetition unless a measure says
otherwise), so one measure's leftovers never weigh on the next, and the studio and its baseline are
interleaved repetition by repetition: a slow patch on this shared machine hits both.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

ROOT: Final = Path(__file__).resolve().parent.parent
DEFAULT_ROWS: Final = (10_000, 100_000)


@dataclass(frozen=True)
class Options:
    """The command line, as every measure sees it."""

    reps: int = 5
    rows: tuple[int, ...] = DEFAULT_ROWS


@dataclass(frozen=True)
class Target:
    """A target as the issue words it, and the test of a row against it (on medians)."""

    text: str
    test: Callable[[Row], bool]


@dataclass
class Row:
    """One line of the table: the studio's samples, the baseline's, the target, a note."""

    key: str
    label: str
    unit: str
    studio: list[float]
    baseline: list[float]
    target: Target
    baseline_label: str = ""
    note: str = ""
    higher_is_better: bool = False  # rates: the best sample is the largest
    error: str = ""  # the measure could not be taken; why

    @property
    def studio_median(self) -> float | None:
        return statistics.median(self.studio) if self.studio else None

    @property
    def baseline_median(self) -> float | None:
        return statistics.median(self.baseline) if self.baseline else None

    @property
    def studio_best(self) -> float | None:
        return _best(self.studio, self.higher_is_better)

    @property
    def baseline_best(self) -> float | None:
        return _best(self.baseline, self.higher_is_better)

    @property
    def ratio(self) -> float | None:
        """Studio median over baseline median."""
        studio, baseline = self.studio_median, self.baseline_median
        if studio is None or baseline is None or baseline == 0:
            return None
        return studio / baseline

    @property
    def passed(self) -> bool:
        return not self.error and bool(self.studio) and self.target.test(self)


def _best(samples: Sequence[float], highest: bool) -> float | None:
    if not samples:
        return None
    return max(samples) if highest else min(samples)


def failed_row(key: str, label: str, unit: str, target: Target, error: str) -> Row:
    """A row whose measure could not be taken."""
    return Row(key, label, unit, [], [], target, error=error)


# --- targets -------------------------------------------------------------------------------------


def ratio_at_most(limit: float) -> Target:
    return Target(f"≤ {limit:g}×", lambda row: row.ratio is not None and row.ratio <= limit)


def ratio_at_least(limit: float) -> Target:
    return Target(f"≥ {limit:g}×", lambda row: row.ratio is not None and row.ratio >= limit)


def at_most(limit: float, unit: str) -> Target:
    def test(row: Row) -> bool:
        median = row.studio_median
        return median is not None and median <= limit

    return Target(f"≤ {limit:g} {unit}", test)


def all_of(*targets: Target) -> Target:
    return Target(
        " and ".join(t.text for t in targets), lambda row: all(t.test(row) for t in targets)
    )


def at_most_scaled(factor: float, plus: float, unit: str) -> Target:
    """studio ≤ factor × baseline + plus (e.g. RSS ≤ 1.5× + 100 MB)."""

    def test(row: Row) -> bool:
        studio, baseline = row.studio_median, row.baseline_median
        return studio is not None and baseline is not None and studio <= factor * baseline + plus

    return Target(f"≤ {factor:g}× + {plus:g} {unit}", test)


# --- repetitions and child processes -------------------------------------------------------------


def progress(measure: str, message: str) -> None:
    """A line on stderr so a long run shows where it is; the table goes to stdout."""
    print(f"[{measure}] {message}", file=sys.stderr, flush=True)


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child: ours (PYTHONPATH kept, this checkout first), offscreen Qt."""
    env = dict(os.environ)
    paths = [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    if str(ROOT) not in paths:
        paths.insert(0, str(ROOT))
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.update(extra)
    return env


class ChildError(RuntimeError):
    """A child process failed; the message ends with the tail of its stderr."""


def run_child(
    module: str, args: Sequence[str], *, timeout: float, env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run ``python -m module args --out FILE`` and return the JSON object it wrote to FILE."""
    with tempfile.TemporaryDirectory(prefix="bench-child-") as folder:
        out = Path(folder) / "result.json"
        errors = Path(folder) / "stderr.txt"
        command = [sys.executable, "-m", module, *args, "--out", str(out)]
        with errors.open("wb") as stderr:
            try:
                code = subprocess.run(
                    command,
                    env=env or child_env(),
                    cwd=ROOT,
                    stdin=subprocess.DEVNULL,
                    stdout=stderr,
                    stderr=stderr,
                    timeout=timeout,
                    check=False,
                ).returncode
            except subprocess.TimeoutExpired:
                raise ChildError(f"{module} took over {timeout:.0f} s{tail(errors)}") from None
        if code != 0 or not out.exists():
            raise ChildError(f"{module} exited with {code}{tail(errors)}")
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return result


def tail(path: Path, lines: int = 12) -> str:
    """The last lines of a child's stderr, for an error message."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    return (":\n    " + "\n    ".join(text.splitlines()[-lines:])) if text else ""


def rss_of(pid: int) -> float:
    """Resident memory of a running process in MB (from /proc; 0.0 where there is none)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def thumbnailer_rss_of(pid: int) -> float:
    """Resident memory in MB of process pid's thumbnail processes (studio.core.thumbnailer)."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text(encoding="ascii").rsplit(")", 1)[1].split()[1])
            command = (stat.parent / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
        if parent == pid and b"studio.core.thumbnailer" in command:
            total += rss_of(int(stat.parent.name))
    return total


def interleaved(reps: int, count: int) -> Iterator[tuple[int, int]]:
    """(repetition, which) for every repetition, alternating which of count runs goes first.

    Alternating the order keeps a systematic "second run is warmer" effect out of the ratios.
    """
    for rep in range(reps):
        order = range(count) if rep % 2 == 0 else reversed(range(count))
        for which in order:
            yield rep, which
