"""Child: the real GalleryPanel over a filled library, or a bare QListView, scrolled end to end.

``--mode studio``: opens the library and settles the heap as the app does after start-up
(untimed), then times from constructing
``studio.ui.gallery.GalleryPanel`` until its grid's viewport has painted with rows; then, with the
1 ms heartbeat running, pages the grid's scroll bar down (one page step, then 4 ms on the loop)
until every row has been read and the bar is at its end. Rows are waited for on the loop, so a model
that loads pages asynchronously is measured the same way. It reports the grid's cell and viewport
size, so the bare view can copy the geometry.

``--mode bare``: a QListView over a QStringListModel of as many rows, uniform item sizes; with
``--grid WxH --viewport WxH`` in icon mode with that grid and viewport (the same number of pages
to scroll as the gallery), timed from building the model.

Both write first paint (ms), longest stall and p99 (ms), scroll wall time (s) and VmRSS after the
scroll (MB; the studio's with its thumbnail processes, also given apart). The thumbnail cache
lives in the STUDIO_HOME the parent gives, new per repetition.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import qasync
from PySide6.QtCore import QSize, QStringListModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QListView

from bench.children.qt_tools import (
    Heartbeat,
    PaintWatch,
    longest,
    percentile,
    rss_mb,
    studio_rss_mb,
    write_result,
)

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

WINDOW: Final = (1200, 800)
STEP_S: Final = 0.004


async def first_paint(
    window: QWidget, viewport: QWidget, has_rows: Callable[[], bool], began: float
) -> float:
    """Show window; ms from began until viewport painted while has_rows() holds."""
    watch = PaintWatch(viewport, has_rows)
    window.show()
    await watch.painted.wait()
    return (watch.painted_at - began) * 1000


async def scroll_to_end(
    view: QAbstractItemView, rows: int, limit_s: float, arrived: Callable[[], int]
) -> dict[str, Any]:
    """Page down until arrived() says rows rows were read and the bar is at its end."""
    bar = view.verticalScrollBar()
    heartbeat = Heartbeat()
    heartbeat.start()
    began = time.perf_counter()
    finished = True
    steps = 0
    while bar.value() < bar.maximum() or arrived() < rows:
        if time.perf_counter() - began > limit_s:
            finished = False
            break
        bar.setValue(bar.value() + bar.pageStep())
        steps += 1
        await asyncio.sleep(STEP_S)
    seconds = time.perf_counter() - began
    gaps = heartbeat.stop()
    return {
        "scroll_s": seconds,
        "finished": finished,
        "loaded": arrived(),
        "steps": steps,
        "height": bar.maximum() + bar.pageStep(),
        "stall_ms": longest(gaps),
        "p99_ms": percentile(gaps, 0.99),
    }


async def run_studio(library_path: Path, rows: int, limit_s: float) -> dict[str, Any]:
    from studio.core.library import Library
    from studio.ui.background import use_worker_threads
    from studio.ui.collector import settle_after_start
    from studio.ui.gallery import GalleryPanel

    use_worker_threads()  # as studio.app.run_studio does
    library = Library.open(library_path)
    try:
        settle_after_start()  # as studio.app.run_studio does once the window is up (untimed)
        began = time.perf_counter()
        panel = GalleryPanel(library)
        panel.resize(*WINDOW)
        grid = panel.grid
        paint_ms = await first_paint(
            panel, grid.viewport(), lambda: panel.model.rowCount() > 0, began
        )
        # Read, not only rows: the gallery has a row for every output from its first page on.
        figures = await scroll_to_end(grid, rows, limit_s, panel.model.loaded_rows)
        total_rss, helpers_rss = studio_rss_mb()
        figures |= {"first_paint_ms": paint_ms, "total": panel.model.total()}
        figures |= {"rss_mb": total_rss, "thumbnailer_rss_mb": helpers_rss}
        figures["grid"] = [grid.gridSize().width(), grid.gridSize().height()]
        figures["viewport"] = [grid.viewport().width(), grid.viewport().height()]
        await panel.aclose()
        panel.close()
        return figures
    finally:
        library.close()


async def run_bare(rows: int, grid: QSize | None, viewport: QSize | None, limit_s: float
                   ) -> dict[str, Any]:  # fmt: skip
    began = time.perf_counter()
    model = QStringListModel([f"a fox at dusk #{row}" for row in range(rows)])
    view = QListView()
    view.setUniformItemSizes(True)
    if grid is not None:
        view.setViewMode(QListView.ViewMode.IconMode)
        view.setMovement(QListView.Movement.Static)
        view.setWrapping(True)
        view.setResizeMode(QListView.ResizeMode.Adjust)  # as the gallery grid
        view.setGridSize(grid)
    view.setModel(model)
    view.resize(*WINDOW)
    paint_ms = await first_paint(view, view.viewport(), lambda: model.rowCount() > 0, began)
    if viewport is not None:  # the gallery's viewport, with the same frame and scroll bar around
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        await asyncio.sleep(0.05)
        frame = view.size() - view.viewport().size()
        view.resize(viewport + frame)
        await asyncio.sleep(0.2)  # laid out and painted at that size before the clock starts
    figures = await scroll_to_end(view, rows, limit_s, model.rowCount)
    figures |= {"first_paint_ms": paint_ms, "rss_mb": rss_mb(), "total": rows}
    figures["viewport"] = [view.viewport().width(), view.viewport().height()]
    view.close()
    return figures


def size(text: str | None) -> QSize | None:
    if not text:
        return None
    width, height = (int(part) for part in text.split("x"))
    return QSize(width, height)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=("studio", "bare"), required=True)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--library", type=Path)
    parser.add_argument("--grid", help="bare: icon mode with this cell, WxH")
    parser.add_argument("--viewport", help="bare: this viewport size, WxH")
    parser.add_argument("--limit", type=float, default=900.0, help="seconds of scrolling at most")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    if args.mode == "studio":
        from studio.ui.raster import paint_on_gui_thread

        paint_on_gui_thread()  # as studio.app.main does, before the application
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    if args.mode == "studio":
        from studio.ui.collector import MainThreadCollector
        from studio.ui.gil import favour_gui_thread
        from studio.ui.theme import apply_theme

        favour_gui_thread()  # as studio.app.main does
        apply_theme(app, "system")
        MainThreadCollector(app)  # as studio.app.main does
        result = qasync.run(run_studio(args.library, args.rows, args.limit))
    else:
        bare = run_bare(args.rows, size(args.grid), size(args.viewport), args.limit)
        result = qasync.run(bare)
    write_result(args.out, result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
