"""Marketplace search over 10,000 endpoints, per keystroke while typing "veo fast".

How (``bench.children.marketplace``, one process, repetitions interleaved inside it): the real
``MarketplacePanel`` from ``studio.ui.marketplace`` is fed 10,000 synthetic ``Endpoint`` values
(the shipped catalog repeated with numbered names) and shown at 320×860; each key is pressed with
``QTest.keyClick`` on its search box and timed until the list has repainted and the loop is idle
(filter + layout + paint). Baseline: a QSortFilterProxyModel (one case-insensitive regular
expression requiring every word) over a QStringListModel of the same search texts, in a uniform
QListView of the same size, typed the same way. Two rows: the mean of the 8 keystrokes per
repetition, and the slowest keystroke per repetition.
"""

from __future__ import annotations

import statistics
from typing import Final

from bench.runner import Options, Row, all_of, at_most, progress, ratio_at_most, run_child

ENDPOINTS: Final = 10_000
BASELINE: Final = "QSortFilterProxyModel (regex) over a QStringListModel of the same texts"


def rows(options: Options) -> list[Row]:
    progress("marketplace_search", f"typing 'veo fast' over {ENDPOINTS:,} endpoints, "
                                   f"{options.reps} reps each")  # fmt: skip
    result = run_child(
        "bench.children.marketplace",
        ["--reps", str(options.reps), "--endpoints", str(ENDPOINTS)],
        timeout=120 + 60 * options.reps,
    )
    studio: list[list[float]] = result["runs"]["studio"]
    baseline: list[list[float]] = result["runs"]["baseline"]
    matches = result["matches"]
    note = (
        f"{ENDPOINTS:,} endpoints; after 'veo fast' the panel shows {matches['studio'][-1]:,} "
        f"rows, the baseline {matches['baseline'][-1]:,}; per key (median over reps, ms): "
        + " ".join(
            f"{key!r}:{statistics.median(run[i] for run in studio):.0f}"
            for i, key in enumerate(result["keys"])
        )
    )
    target = all_of(at_most(16, "ms"), ratio_at_most(4))
    return [
        Row(
            "marketplace_search",
            "marketplace search, 10,000 endpoints, per key",
            "ms",
            [statistics.mean(run) for run in studio],
            [statistics.mean(run) for run in baseline],
            target,
            baseline_label=BASELINE,
            note=note,
        ),
        Row(
            "marketplace_search_slowest",
            "marketplace search, slowest keystroke",
            "ms",
            [max(run) for run in studio],
            [max(run) for run in baseline],
            target,
            baseline_label=BASELINE,
            note="the slowest of the 8 keystrokes in each repetition",
        ),
    ]
