"""The measures of issue 12, in the order `make bench` runs them (cheap ones first).

Each module has ``rows(options) -> list[Row]`` and a docstring saying what it measures and how.
``--only`` takes a measure's name or one of its row keys.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.runner import Options, Row


@dataclass(frozen=True)
class Measure:
    name: str
    summary: str
    keys: tuple[str, ...]  # row keys it yields; gallery keys start with "gallery_"

    def rows(self, options: Options) -> list[Row]:
        module = importlib.import_module(f"bench.measures.{self.name}")
        found: list[Row] = module.rows(options)
        return found


MEASURES = (
    Measure(
        "startup",
        "process start → first painted window / → marketplace painted (demo)",
        ("startup_first_paint", "startup_marketplace"),
    ),
    Measure("rss_idle", "RSS idle after start (shares the start-up runs)", ("rss_idle",)),
    Measure(
        "marketplace_search",
        "marketplace search over 10,000 endpoints, per keystroke of 'veo fast'",
        ("marketplace_search", "marketplace_search_slowest"),
    ),
    Measure("download", "download of a 200 MiB output on loopback vs curl", ("download",)),
    Measure(
        "queue_stall",
        "longest event-loop stall, 200 tasks at speed 20, Create tab",
        ("queue_stall", "queue_stall_p99"),
    ),
    Measure("polls", "polls per task vs duration/3 s + 2 (shares the queue runs)", ("polls",)),
    Measure(
        "gallery",
        "gallery at each --rows size: first paint, stall, scroll wall, RSS",
        ("gallery_",),
    ),
)


def find(name: str) -> tuple[Measure, str | None]:
    """The measure called name, or the one yielding row key name (and that key)."""
    for measure in MEASURES:
        if name == measure.name:
            return measure, None
    for measure in MEASURES:
        if any(name == key or (key.endswith("_") and name.startswith(key)) for key in measure.keys):
            return measure, name
    raise KeyError(name)
