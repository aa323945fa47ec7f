"""Gallery bench: 10,000 outputs in the real panel beside a bare QListView of 10,000 strings.

Prints time to first paint, the longest event-loop stall while scrolling end to end (a 5 ms
QTimer records its gaps), resident memory, and thumbnails per second, with ratios.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QEvent, QModelIndex, QObject, QStringListModel, QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView, QWidget
from typing_extensions import override

from bench.fill import build_library

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QScrollBar

    from studio.core.library import Library

ROWS: Final = 10_000
DISTINCT_FILES: Final = 300
TICK_MS: Final = 5
SCROLL_STEP_S: Final = 0.004
WINDOW: Final = (1200, 800)


@dataclass
class Figures:
    first_paint_ms: float = 0.0
    longest_stall_ms: float = 0.0
    scroll_s: float = 0.0
    rss_mb: float = 0.0
    thumbs_per_s: float | None = None


class PaintWatch(QObject):
    """Notes the first Paint event of a viewport once it has something to show (``ready``)."""

    def __init__(self, target: QWidget, ready: Callable[[], bool]) -> None:
        super().__init__(target)
        self.painted_at = 0.0
        self.painted = asyncio.Event()
        self._ready = ready
        target.installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted.is_set() and self._ready():
            self.painted_at = time.perf_counter()
            self.painted.set()
        return False


class StallMeter:
    """A 5 ms timer; the longest gap between its ticks is the longest stall of the loop."""

    def __init__(self) -> None:
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.longest = 0.0

    def start(self) -> None:
        self._last = time.perf_counter()
        self.longest = 0.0
        self._timer.start()

    def stop(self) -> float:
        self._timer.stop()
        return self.longest * 1000

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def first_paint(window: QWidget, view: QAbstractItemView, started: float) -> float:
    """From started to view's first paint with rows in it (the gallery reads them in a thread)."""
    model = view.model()
    watch = PaintWatch(view.viewport(), lambda: model.rowCount() > 0)
    window.resize(*WINDOW)
    window.show()
    await watch.painted.wait()
    return (watch.painted_at - started) * 1000


async def scroll_end_to_end(view: QAbstractItemView) -> tuple[float, float]:
    """Page down until the model has no more rows and the bar is at its end; (stall, seconds)."""
    bar: QScrollBar = view.verticalScrollBar()
    model = view.model()
    meter = StallMeter()
    meter.start()
    began = time.perf_counter()
    while bar.value() < bar.maximum() or model.canFetchMore(QModelIndex()):
        bar.setValue(bar.value() + bar.pageStep())
        await asyncio.sleep(SCROLL_STEP_S)
    return meter.stop(), time.perf_counter() - began


async def bench_bare() -> Figures:
    figures = Figures()
    started = time.perf_counter()
    model = QStringListModel([f"a fox at dusk #{row}" for row in range(ROWS)])
    view = QListView()
    view.setUniformItemSizes(True)
    view.setModel(model)
    figures.first_paint_ms = await first_paint(view, view, started)
    figures.longest_stall_ms, figures.scroll_s = await scroll_end_to_end(view)
    figures.rss_mb = rss_mb()
    view.close()
    view.deleteLater()
    return figures


async def bench_gallery(library: Library) -> Figures:
    from studio.ui.gallery import GalleryPanel

    figures = Figures()
    started = time.perf_counter()
    panel = GalleryPanel(library)
    figures.first_paint_ms = await first_paint(panel, panel.grid, started)
    figures.longest_stall_ms, figures.scroll_s = await scroll_end_to_end(panel.grid)
    figures.rss_mb = rss_mb()
    await panel.aclose()
    panel.close()
    panel.deleteLater()
    figures.thumbs_per_s = await cold_thumbnail_rate(library)
    return figures


async def cold_thumbnail_rate(library: Library) -> float:
    """Every distinct file through a fresh loader with an empty disk cache: made per second."""
    from studio.core.library import OutputFilter
    from studio.core.media import thumbs_dir
    from studio.ui.gallery import ThumbnailLoader, thumb_key

    shutil.rmtree(thumbs_dir(), ignore_errors=True)
    items = await asyncio.to_thread(
        library.page_outputs, OutputFilter(newest_first=False), 0, DISTINCT_FILES
    )
    loader = ThumbnailLoader(max_pending=len(items), cache_size=len(items))
    finished = asyncio.Event()

    def count(_key: str) -> None:
        if loader.completed + len(failed) >= len(items):
            finished.set()

    failed: list[str] = []
    loader.thumbnail_ready.connect(count)
    loader.thumbnail_failed.connect(failed.append)
    loader.thumbnail_failed.connect(count)
    began = time.perf_counter()
    for item in items:
        if item.file is not None:
            loader.request(thumb_key(item.file), item.file, item.output.kind.value)
    await finished.wait()
    return loader.completed / (time.perf_counter() - began)


def _row(name: str, bare: float, gallery: float, unit: str) -> str:
    ratio = f"{gallery / bare:8.2f}×" if bare > 0 else "       —"
    return f"  {name:<34}{bare:>12.1f} {unit:<4}{gallery:>12.1f} {unit:<4}{ratio}"


def report(bare: Figures, gallery: Figures, setup_s: float) -> str:
    lines = [
        f"Gallery bench: {ROWS:,} outputs ({DISTINCT_FILES} distinct files), "
        f"window {WINDOW[0]}×{WINDOW[1]}, library filled in {setup_s:.1f} s",
        f"  {'':<34}{'bare QListView':>17}{'gallery':>17}{'ratio':>10}",
        _row("time to first paint", bare.first_paint_ms, gallery.first_paint_ms, "ms"),
        _row(
            "longest stall scrolling to end", bare.longest_stall_ms, gallery.longest_stall_ms, "ms"
        ),
        _row("scroll end to end (wall)", bare.scroll_s, gallery.scroll_s, "s"),
        _row("RSS after scrolling", bare.rss_mb, gallery.rss_mb, "MB"),
        f"  {'thumbnails per second (cold)':<34}{'—':>12}     "
        f"{gallery.thumbs_per_s or 0.0:>12.1f} /s       —",
        "  (RSS is the process total: the gallery row includes the bare view's share.)",
    ]
    return "\n".join(lines)


async def run() -> str:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.setQuitOnLastWindowClosed(False)  # closing the bare view must not end the run
    os.environ.setdefault("STUDIO_HOME", tempfile.mkdtemp(prefix="gallery-bench-home-"))
    folder = Path(tempfile.mkdtemp(prefix="gallery-bench-"))
    try:
        began = time.perf_counter()
        library = build_library(folder, ROWS, DISTINCT_FILES)
        setup_s = time.perf_counter() - began
        try:
            bare = await bench_bare()
            gallery = await bench_gallery(library)
        finally:
            library.close()
        return report(bare, gallery, setup_s)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
