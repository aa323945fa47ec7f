"""Longest event-loop stall while 200 tasks run at simulator speed 20, 4 at a time, Create tab.

How (``bench.children.busy_queue``, one process per repetition): the real window from
``studio.app.build_studio()`` in a new home, demo mode (its own simulator child, real media),
sim_speed 20 and 4 concurrent tasks; a 1 ms PreciseTimer heartbeat runs on the qasync loop from
the first Generate press until every job has settled (downloads included); its longest gap is the
longest stall, and the p99 of its gaps is the second row. Tasks are submitted as Generate does,
16 per press (the page's largest batch), one press every 200 ms, alternating a text-to-image and a
text-to-video endpoint. Baseline: an idle bare QMainWindow on a qasync loop with the same heartbeat,
started right after each studio repetition, for as long as it ran (at most ``IDLE_CAP_S``).

The same runs give ``polls`` (``bench.measures.polls``): they are shared when both are selected.
Note the p99 of tick gaps under-weights stalls (a 100 ms stall is one long gap among ~100 missing
short ones); the longest stall is the figure that matters for a frozen window.
"""

from __future__ import annotations

import functools
import tempfile
from typing import Any, Final

from bench.runner import (
    Options,
    Row,
    at_most,
    child_env,
    progress,
    run_child,
)

TASKS: Final = 200
SPEED: Final = 20
CONCURRENT: Final = 4
IDLE_CAP_S: Final = 60.0
IDLE_LABEL: Final = "idle bare QMainWindow on a qasync loop, same 1 ms heartbeat"


@functools.cache
def collect(reps: int) -> tuple[tuple[dict[str, Any], ...], tuple[dict[str, Any], ...]]:
    """reps busy runs, each followed by an idle run; cached so queue_stall and polls share them."""
    busy: list[dict[str, Any]] = []
    idle: list[dict[str, Any]] = []
    for rep in range(reps):
        with tempfile.TemporaryDirectory(prefix="bench-queue-", ignore_cleanup_errors=True) as home:
            args = ["--mode", "studio", "--tasks", str(TASKS), "--speed", str(SPEED)]
            args += ["--concurrent", str(CONCURRENT)]
            run = run_child(
                "bench.children.busy_queue", args, timeout=1200, env=child_env(STUDIO_HOME=home)
            )
        busy.append(run)
        seconds = min(float(run["seconds"]), IDLE_CAP_S)
        calm = run_child(
            "bench.children.busy_queue",
            ["--mode", "idle", "--seconds", f"{seconds:.1f}"],
            timeout=seconds + 120,
        )
        idle.append(calm)
        progress(
            "queue_stall",
            f"rep {rep + 1}/{reps}: {TASKS} tasks in {run['seconds']:.0f} s, longest stall "
            f"{run['max_ms']:.0f} ms (p99 {run['p99_ms']:.1f}); idle {calm['max_ms']:.0f} ms "
            f"(p99 {calm['p99_ms']:.1f}) over {seconds:.0f} s",
        )
    return tuple(busy), tuple(idle)


def rows(options: Options) -> list[Row]:
    busy, idle = collect(options.reps)
    wall = sorted(round(run["seconds"]) for run in busy)
    note = (
        f"{TASKS} tasks (text-to-image / text-to-video) in {wall[len(wall) // 2]} s "
        f"(median); the idle window ran as long, at most {IDLE_CAP_S:g} s"
    )
    return [
        Row(
            "queue_stall",
            "longest loop stall, 200 tasks at speed 20",
            "ms",
            [run["max_ms"] for run in busy],
            [run["max_ms"] for run in idle],
            at_most(50, "ms"),
            baseline_label=IDLE_LABEL,
            note=note,
        ),
        Row(
            "queue_stall_p99",
            "p99 loop gap, 200 tasks at speed 20",
            "ms",
            [run["p99_ms"] for run in busy],
            [run["p99_ms"] for run in idle],
            at_most(16, "ms"),
            baseline_label=IDLE_LABEL,
            note="99th percentile of the 1 ms heartbeat's gaps over the same runs",
        ),
    ]
