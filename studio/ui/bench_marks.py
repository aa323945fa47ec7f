"""`make bench` hook: notes when the main window and the marketplace first painted.

Only ``studio.app`` creates it, and only when the environment variable ``STUDIO_BENCH_MARKS``
names a file; otherwise this module is never imported. Each mark is appended to that file as one
JSON line ``{"mark": name, "time": time.time()}``: ``first_paint`` once the main window's first
repaint pass is done, ``marketplace_painted`` once the marketplace list has been painted with rows.
The bench (``bench/measures/startup.py``) subtracts the moment it started the process.
"""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from typing_extensions import override

if TYPE_CHECKING:
    from pathlib import Path

    from studio.ui.main_window import MainWindow

MARKS_ENV = "STUDIO_BENCH_MARKS"


class PaintMarks(QObject):
    """An event filter on the window and the marketplace list; it removes itself when done."""

    def __init__(self, window: MainWindow, path: Path) -> None:
        super().__init__(window)
        self._path = path
        self._window = window
        self._list_viewport: QObject | None = None
        self._waiting: dict[QObject, str] = {self._window: "first_paint"}
        window.installEventFilter(self)

    def watch_marketplace(self) -> None:
        """Once the marketplace exists (``MainWindow.show_models`` or ``fill``): its list's first
        paint with rows. Asked again after filling, when no early marketplace was shown."""
        if self._list_viewport is not None:
            return
        self._list_viewport = self._window.marketplace.list.viewport()
        self._waiting[self._list_viewport] = "marketplace_painted"
        self._list_viewport.installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self._waiting and self._ready(watched):
            name = self._waiting.pop(watched)
            watched.removeEventFilter(self)
            # A zero timer fires after the repaint pass this event belongs to has finished.
            QTimer.singleShot(0, lambda: self._write(name))
        return False

    def _ready(self, watched: QObject) -> bool:
        if watched is self._list_viewport:
            return self._window.marketplace.proxy.rowCount() > 0
        return True

    def _write(self, name: str) -> None:
        line = json.dumps({"mark": name, "time": time.time()})
        with self._path.open("a", encoding="utf-8") as marks:
            marks.write(line + "\n")
