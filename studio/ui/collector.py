"""Garbage collection on the GUI thread only, by a timer, never in a worker thread.

Python's collector runs in whichever thread happens to allocate when a threshold is crossed. A
worker thread (a Pillow decode, a download) could thus free the last reference to a Qt wrapper
caught in a reference cycle; shiboken then defers the C++ deletion to the GUI thread, where it
crashed (a QPaintDevice already gone). So automatic collection is off, and this timer runs the
same generational policy on the GUI thread (as pyqtgraph's GarbageCollector does).
"""

from __future__ import annotations

import gc

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
