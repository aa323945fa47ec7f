"""How Qt's raster engine paints in this process: on the GUI thread alone.

Qt hands any fill or blit taller than about 96 lines to its GUI thread pool in pieces and waits
for them. A gallery tile or a thumbnail is a fraction of a millisecond of work, and on a 2-core
machine handing it over (waking the pool's threads, then waiting on a semaphore) cost more than
it saved: scrolling 10,000 tiles end to end took the GUI thread 7.5 s and the pool 1.2 s of CPU,
against 6.9 s and nothing without the pool, and the scroll took 20 % less time (make bench,
gallery). What is large (decoding, scaling a whole picture) runs in our own workers anyway.

``fill_rect`` fills with a plain colour without ``QPainter.fillRect(rect, colour)``'s first-call
cost: matching a colour against that method's overloads makes Python enums (QGradient's
presets among them), ~5 ms once per process, which landed in the middle of a gallery scroll and
of a busy queue's first rows (make bench).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QPainter

NO_GUI_THREAD_POOL: Final = "QT_NO_GUI_THREADPOOL"


def paint_on_gui_thread() -> None:
    """Call before the QApplication exists: Qt reads the setting once, when it first wants its
    pool. A value already in the environment (the user's own) is kept."""
    os.environ.setdefault(NO_GUI_THREAD_POOL, "1")


def fill_rect(painter: QPainter, rect: QRect, colour: QColor) -> None:
    """``painter.fillRect(rect, colour)``, the same pixels (see the module doc); it sets the
    painter's background."""
    painter.setBackground(colour)
    painter.eraseRect(rect)
