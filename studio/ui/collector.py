"""Garbage collection on the GUI thread only, by a timer, never in a worker thread.

Python's collector runs in whichever thread happens to allocate when a threshold is crossed. A
worker thread (a Pillow decode, a download) could thus free the last reference to a Qt wrapper
caught in a reference cycle; shiboken then defers the C++ deletion to the GUI thread, where it
crashed (a QPaintDevice already gone). So automatic collection is off, and this timer runs the
same generational policy on the GUI thread (as pyqtgraph's GarbageCollector does).

``settle_after_start()``, once the window is up and the session started, collects once and
freezes what survives (modules, the window, the catalog: they live for the whole run), so later
full collections only walk what came after. Before that it empties ``linecache``: PySide6
reads the source of every module imported after it (``inspect.getsource``, to see whether the
module uses PySide's ``__feature__`` options) and linecache keeps all of it, ~11 MB of text no
one reads again (a traceback reads its lines anew). Last, the heap start-up freed goes back to
the system (glibc keeps it otherwise).
"""

from __future__ import annotations

import contextlib
import gc
import linecache
import logging
import sys

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


class MainThreadCollector(QObject):
    """Turns automatic collection off and collects from a GUI-thread timer instead."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        gc.disable()
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        counts = gc.get_count()
        thresholds = gc.get_threshold()
        generation = -1
        for level in range(3):
            if counts[level] > thresholds[level]:
                generation = level
        if generation >= 0:
            gc.collect(generation)

    def stop(self) -> None:
        """Automatic collection back on (tests that end the app)."""
        self._timer.stop()
        gc.enable()


def settle_after_start() -> None:
    """Collect, freeze the survivors and trim the heap (see the module docstring); GUI thread."""
    linecache.clearcache()
    gc.collect()
    gc.freeze()
    _trim_heap()


def _trim_heap() -> None:
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # here: only this once, on Linux

    with contextlib.suppress(OSError, AttributeError):
        trimmed = ctypes.CDLL(None).malloc_trim(0)
        logging.getLogger("studio.ui").debug("heap trimmed after start-up: %s", bool(trimmed))
