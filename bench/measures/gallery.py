"""Gallery at each ``--rows`` size: first paint, longest stall and wall time scrolling, RSS.

How: one library is filled through the public Library API (``bench.fill``: 300 distinct small
PNG/MP4/WAV files, rows cycling through them) and grown from one size to the next. For each size
and repetition a fresh ``bench.children.gallery`` process with a new STUDIO_HOME (cold thumbnail
cache) builds the real ``GalleryPanel`` at 1200×800 and times construction → grid painted with
rows, then pages the grid down, 4 ms on the loop between page steps, until every row has arrived
and the bar is at its end, with a 1 ms heartbeat measuring the longest stall; VmRSS (the
studio's process and its thumbnail processes, summed) is read after the scroll. Rows are waited
for on the loop, so asynchronous page loading is measured the same way. Baseline, interleaved:
a bare QListView over a QStringListModel of as many rows, uniform sizes, in icon mode with the
gallery's own cell size and viewport size (read from the latest studio run), so both scroll the
same number of pixels in the same number of page steps.
"""

from __future__ import annotations

import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from bench.runner import (
    Options,
    Row,
    at_most,
    at_most_scaled,
    child_env,
    progress,
    ratio_at_most,
    run_child,
)

if TYPE_CHECKING:
    from collections.abc import Iterator

    from bench.fill import Media

DISTINCT_FILES: Final = 300
SCROLL_LIMIT_S: Final = 900.0
BASELINE: Final = "bare QListView (icon mode, same cell and viewport) over a QStringListModel"


def label(rows: int) -> str:
    return f"{rows // 1000}k" if rows % 1000 == 0 else str(rows)


@contextmanager
def studio_home(path: Path) -> Iterator[None]:
    """STUDIO_HOME for this process while it fills the library (nothing lands in the real home)."""
    before = os.environ.get("STUDIO_HOME")
    os.environ["STUDIO_HOME"] = str(path)
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("STUDIO_HOME", None)
        else:
            os.environ["STUDIO_HOME"] = before


class GrowingLibrary:
    """The bench library on disk, grown to each size in turn."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / "library.sqlite3"
        self.rows = 0
        self.media: list[Media] | None = None

    def grow_to(self, rows: int) -> None:
        from bench.fill import fill_library, make_media_set
        from studio.core.library import Library

        if rows <= self.rows:
            return
        began = time.monotonic()
        with studio_home(self.folder / "home"):
            library = Library.open(self.path)
            try:
                media_folder = library.outputs_root / "media"
                if self.media is None:
                    self.media = make_media_set(media_folder, DISTINCT_FILES)
                fill_library(library, self.media, range(self.rows, rows))
            finally:
                library.close()
        progress("gallery", f"library grown to {rows:,} rows in {time.monotonic() - began:.0f} s")
        self.rows = rows


def one_run(library: GrowingLibrary, rows: int, mode: str, geometry: list[str]) -> dict[str, Any]:
    args = ["--mode", mode, "--rows", str(rows), "--limit", str(SCROLL_LIMIT_S)]
    if mode == "studio":
        args += ["--library", str(library.path)]
    else:
        args += geometry
    with tempfile.TemporaryDirectory(prefix="bench-gallery-", ignore_cleanup_errors=True) as home:
        return run_child(
            "bench.children.gallery",
            args,
            timeout=SCROLL_LIMIT_S + 300,
            env=child_env(STUDIO_HOME=home),
        )


def measure(library: GrowingLibrary, rows: int, reps: int) -> dict[str, list[dict[str, Any]]]:
    """reps runs of each; the studio goes first in even repetitions, the bare view in odd ones."""
    runs: dict[str, list[dict[str, Any]]] = {"studio": [], "bare": []}
    geometry: list[str] = []
    for rep in range(reps):
        for mode in ("studio", "bare") if rep % 2 == 0 else ("bare", "studio"):
            result = one_run(library, rows, mode, geometry)
            runs[mode].append(result)
            if mode == "studio":  # the bare view copies the latest cell and viewport size
                geometry = ["--grid", "{}x{}".format(*result["grid"])]
                geometry += ["--viewport", "{}x{}".format(*result["viewport"])]
            progress(
                "gallery",
                f"{label(rows)} rep {rep + 1}/{reps} {mode}: first paint "
                f"{result['first_paint_ms']:.0f} ms, stall {result['stall_ms']:.0f} ms, scroll "
                f"{result['scroll_s']:.1f} s ({result['steps']} steps), "
                f"RSS {result['rss_mb']:.0f} MB{_helpers(result)}",
            )
    return runs


def _helpers(result: dict[str, Any]) -> str:
    helpers = result.get("thumbnailer_rss_mb")
    return f" (thumbnail processes {helpers:.0f} MB of it)" if helpers is not None else ""


def size_rows(rows: int, runs: dict[str, list[dict[str, Any]]]) -> list[Row]:
    studio, bare = runs["studio"], runs["bare"]
    name = label(rows)
    unfinished = sum(not run["finished"] for run in studio)
    scroll_note = f"4 ms on the loop after each page step; {studio[-1]['steps']} steps (studio)"
    if unfinished:
        scroll_note += (
            f"; {unfinished} studio runs did not reach the end in {SCROLL_LIMIT_S:g} s "
            f"(their figure is that limit)"
        )

    def pick(key: str, runs_: list[dict[str, Any]]) -> list[float]:
        return [float(run[key]) for run in runs_]

    return [
        Row(
            f"gallery_{name}_first_paint",
            f"gallery {name}: first paint",
            "ms",
            pick("first_paint_ms", studio),
            pick("first_paint_ms", bare),
            ratio_at_most(1.5),
            baseline_label=BASELINE,
            note="GalleryPanel() → grid painted with rows; bare: model built → painted",
        ),
        Row(
            f"gallery_{name}_stall",
            f"gallery {name}: longest stall scrolling to end",
            "ms",
            pick("stall_ms", studio),
            pick("stall_ms", bare),
            at_most(16, "ms"),
            baseline_label=BASELINE,
            note="longest gap of a 1 ms heartbeat while scrolling",
        ),
        Row(
            f"gallery_{name}_scroll",
            f"gallery {name}: scroll end to end, wall",
            "s",
            pick("scroll_s", studio),
            pick("scroll_s", bare),
            ratio_at_most(2),
            baseline_label=BASELINE,
            note=scroll_note,
        ),
        Row(
            f"gallery_{name}_rss",
            f"gallery {name}: RSS after scrolling",
            "MB",
            pick("rss_mb", studio),
            pick("rss_mb", bare),
            at_most_scaled(1.5, 100, "MB"),
            baseline_label=BASELINE + " (its whole process)",
            note="VmRSS after the scroll: the studio's process plus its thumbnail processes",
        ),
    ]


def rows(options: Options) -> list[Row]:
    found: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="bench-library-", ignore_cleanup_errors=True) as tmp:
        library = GrowingLibrary(Path(tmp))
        for size in sorted(set(options.rows)):
            library.grow_to(size)
            found += size_rows(size, measure(library, size, options.reps))
    return found
