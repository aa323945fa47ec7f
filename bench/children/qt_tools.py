"""Instruments the Qt children share: a loop heartbeat, a first-paint watch, resident memory."""

from __future__ import annotations

import asyncio
import json
import math
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from typing_extensions import override

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget


class Heartbeat:
    """A 1 ms precise timer; the gaps between its ticks are the event loop's stalls.

    A loop that is free ticks every ~1 ms; whatever holds the loop (Python in a slot, a layout, a
    paint, a synchronous SQLite write) shows up as one long gap.
    """

    def __init__(self, interval_ms: int = 1) -> None:
        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._last = 0.0
        self.gaps_ms: list[float] = []

    def start(self) -> None:
        self.gaps_ms = []
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> list[float]:
        self._timer.stop()
        self._on_timer_timeout()  # a stall running up to now counts too
        return self.gaps_ms

    def _on_timer_timeout(self) -> None:
        now = time.perf_counter()
        self.gaps_ms.append((now - self._last) * 1000)
        self._last = now


def longest(gaps: list[float]) -> float:
    return max(gaps, default=0.0)


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile (share 0.99 = p99)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(share * len(ordered)))
    return ordered[rank - 1]


class PaintWatch(QObject):
    """Sets ``painted`` after the first paint of ``target`` for which ``ready()`` holds.

    ``painted_at`` is taken by a zero timer, i.e. once the repaint pass of that paint is done.
    """

    def __init__(self, target: QWidget, ready: Callable[[], bool] = lambda: True) -> None:
        super().__init__(target)
        self._ready = ready
        self._target = target
        self.painted_at = 0.0
        self.painted = asyncio.Event()
        target.installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted.is_set() and self._ready():
            self._target.removeEventFilter(self)
            QTimer.singleShot(0, self._note)
        return False

    def _note(self) -> None:
        self.painted_at = time.perf_counter()
        self.painted.set()


def rss_mb(pid: int | None = None) -> float:
    """The resident memory in MB of this process, or of process pid (0.0 when it is gone)."""
    try:
        status = Path(f"/proc/{pid or 'self'}/status").read_text(encoding="ascii")
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def studio_rss_mb() -> tuple[float, float]:
    """(this process with its thumbnail processes, those processes alone), in MB: thumbnails
    are decoded in child processes (studio.core.thumbnailer), and their memory is the studio's
    too."""
    from studio.core.thumbnailer import shared_thumbnailer

    helpers = sum(rss_mb(pid) for pid in shared_thumbnailer().pids())
    return rss_mb() + helpers, helpers


def write_result(path: Path, result: dict[str, Any]) -> None:
    path.write_text(json.dumps(result), encoding="utf-8")
