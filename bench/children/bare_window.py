"""The start-up floor: a bare PySide6 QMainWindow process that notes its first paint.

Same protocol as the studio's hook (studio.ui.bench_marks): with ``STUDIO_BENCH_MARKS=path`` it
appends ``{"mark": "first_paint", "time": time.time()}`` once the window's first repaint pass is
done; then it idles until it is terminated. Deliberately nothing but PySide6: this is the floor.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from typing_extensions import override

WINDOW = (1400, 860)  # the studio's first-run size


class FirstPaint(QObject):
    def __init__(self, window: QMainWindow, path: str) -> None:
        super().__init__(window)
        self._window = window
        self._path = path
        window.installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._write)
        return False

    def _write(self) -> None:
        with Path(self._path).open("a", encoding="utf-8") as marks:
            marks.write(json.dumps({"mark": "first_paint", "time": time.time()}) + "\n")


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(*WINDOW)
    FirstPaint(window, os.environ["STUDIO_BENCH_MARKS"])
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
