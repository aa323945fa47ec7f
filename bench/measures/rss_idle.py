"""Resident memory idle after start: the studio (new home, demo) against a bare window process.

How: taken from the start-up runs (``bench.measures.startup``, shared when both are selected): the
bench reads VmRSS of the app's own process from /proc ``IDLE_S`` seconds after its marketplace was
painted (with its thumbnail processes, if any run: studio.core.thumbnailer), and of the bare
QMainWindow process as long after its first paint. The demo simulator child's memory is not
counted (it is a separate process, as the real API would be).
"""

from __future__ import annotations

from bench.measures import startup
from bench.runner import Options, Row, ratio_at_most


def rows(options: Options) -> list[Row]:
    studio, bare = startup.collect(options.reps)
    return [
        Row(
            "rss_idle",
            "RSS idle after start",
            "MB",
            [run.rss_mb for run in studio],
            [run.rss_mb for run in bare],
            ratio_at_most(2),
            baseline_label=f"bare window process, {startup.IDLE_S:g} s after its first paint",
            note=f"VmRSS of the app process {startup.IDLE_S:g} s after the marketplace painted",
        )
    ]
