"""Garbage collection on the GUI thread only, by a timer, never in a worker thread, and full
collections only when the app is quiet.

Python's collector runs in whichever thread happens to allocate when a threshold is crossed. A
worker thread (a Pillow decode, a download) could thus free the last reference to a Qt wrapper
caught in a reference cycle; shiboken then defers the C++ deletion to the GUI thread, where it
crashed (a QPaintDevice already gone). So automatic collection is off, and this timer runs the
generational policy on the GUI thread (as pyqtgraph's GarbageCollector does).

While the app is busy the timer ticks five times as often (every 50 ms): the young generation
then holds a fifth of the objects when it is collected. At one tick per 250 ms, a gallery paging
down collected ~10,000 young objects at once, up to 12 ms in one go on top of a paint; at 50 ms,
under 4 ms (make bench, gallery).

A full collection walks every tracked object, ~100 ms in a started app: on a busy queue that is
a frozen window. So the young generations are collected as their thresholds say, and a full
collection that is due waits for a quiet moment: for a second (QUIET_TICKS ticks) the tracked
objects grew by less than QUIET_GROWTH per tick (no queue running, no typing or scrolling), or
it has waited OVERDUE_S. While the user scrolls (note_activity), generation 1 waits too, for
the first tick without scrolling or SCROLL_OVERDUE_S: it holds the gallery pages just read, and
collecting them took ~10 ms in the middle of a scroll.

``settle_after_start()``, once the window is up and the session started, collects once and
freezes what survives (modules, the window, the catalog: they live for the whole run), so later
full collections only walk what came after. Before that it empties ``linecache``: PySide6
reads the source of every module imported after it (``inspect.getsource``, to see whether the
module uses PySide's ``__feature__`` options) and linecache keeps all of it, ~11 MB of text no
one reads again (a traceback reads its lines anew). Last, the heap start-up freed goes back to
the system (glibc keeps it otherwise).
"""

from __future__ import annotations

import gc
import linecache
import logging
import time
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QTimer

from studio.ui.heap import trim_heap

if TYPE_CHECKING:
    from collections.abc import Callable

INTERVAL_MS: Final = 250
BUSY_TICKS_PER_TICK: Final = 5  # while busy, ticks come this many times as often
SCROLL_OVERDUE_S: Final = 5.0  # a generation-1 collection waits this long at most for a scroll
QUIET_GROWTH: Final = 500  # new tracked objects per tick below which the app counts as quiet
QUIET_TICKS: Final = 4  # ticks in a row that make a quiet moment (a second)
OVERDUE_S: Final = 600.0  # a due full collection waits at most this long for a quiet moment


class _Activity:
    """How many times activity was noted (note_activity); the collector compares per tick."""

    def __init__(self) -> None:
        self.count = 0


_ACTIVITY: Final = _Activity()


def note_activity() -> None:
    """The user is busy in a way the object counts do not show: scrolling a long gallery copies
    drawn tiles and allocates little, yet a full collection then froze it for ~100 ms. The tick
    after this one does not count as quiet."""
    _ACTIVITY.count += 1


class MainThreadCollector(QObject):
    """Turns automatic collection off and collects from a GUI-thread timer instead."""

    def __init__(
        self,
        parent: QObject | None = None,
        interval_ms: int = INTERVAL_MS,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timer = QTimer(self)
        self.idle_interval_ms = interval_ms
        self.busy_interval_ms = max(1, interval_ms // BUSY_TICKS_PER_TICK)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._young = 0  # the youngest generation's count left by the last tick
        self._quiet_ticks = 0
        self._activity_seen = _ACTIVITY.count
        self._due_since: float | None = None  # when a full collection became due
        self._middle_due_since: float | None = None  # when a held-back generation 1 became due
        gc.disable()
        self._timer.start()

    def _on_timer_timeout(self) -> None:
        counts = gc.get_count()
        active, self._activity_seen = _ACTIVITY.count != self._activity_seen, _ACTIVITY.count
        quiet = counts[0] - self._young < QUIET_GROWTH and not active
        self._quiet_ticks = self._quiet_ticks + 1 if quiet else 0
        generation = _due(counts, gc.get_threshold())
        if generation == 2 and not self._may_collect_all():
            generation = _due(counts, gc.get_threshold(), below=2)  # the young ones go on
        if generation == 1 and active and not self._middle_overdue():
            generation = _due(counts, gc.get_threshold(), below=1)  # a scroll goes on
        if generation >= 1:
            self._middle_due_since = None
        if generation == 2:
            self._due_since = None
        if generation >= 0:
            gc.collect(generation)
        self._young = gc.get_count()[0]
        self._timer.setInterval(self.idle_interval_ms if quiet else self.busy_interval_ms)

    def interval_ms(self) -> int:
        """The time to the next tick: short while the app is busy."""
        return self._timer.interval()

    def _middle_overdue(self) -> bool:
        """A generation-1 collection held back by a scroll has waited SCROLL_OVERDUE_S."""
        now = self._clock()
        if self._middle_due_since is None:
            self._middle_due_since = now
        return now - self._middle_due_since >= SCROLL_OVERDUE_S

    def _may_collect_all(self) -> bool:
        """Quiet for a second, or waited too long for such a moment."""
        now = self._clock()
        if self._due_since is None:
            self._due_since = now
        return self._quiet_ticks >= QUIET_TICKS or now - self._due_since >= OVERDUE_S

    def stop(self) -> None:
        """Automatic collection back on (tests that end the app)."""
        self._timer.stop()
        gc.enable()


def _due(counts: tuple[int, int, int], thresholds: tuple[int, ...], below: int = 3) -> int:
    """The oldest generation under ``below`` past its threshold; -1 when none is."""
    generation = -1
    for level in range(below):
        if counts[level] > thresholds[level]:
            generation = level
    return generation


def settle_after_start() -> None:
    """Collect, freeze the survivors and trim the heap (see the module docstring); GUI thread."""
    linecache.clearcache()
    gc.collect()
    gc.freeze()
    trimmed = trim_heap()
    logging.getLogger("studio.ui").debug("heap trimmed after start-up: %s", trimmed)
