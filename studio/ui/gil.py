"""The GUI thread first: how long it can be kept waiting for the interpreter by worker threads.

Worker threads (library reads, downloads, previews) share one interpreter with the GUI thread.
A paint calls into Qt hundreds of times, giving the interpreter up at each call; a worker running
Python takes it, and CPython lets that worker go on for the switch interval (5 ms by default)
before the GUI thread has it back. A gallery page read (~20 ms of Python) thus made paints of
~5 ms last 20-40 ms while it ran (make bench, gallery). Two remedies:

- ``favour_gui_thread()`` sets the switch interval to 0.2 ms: a worker gives the interpreter
  back that soon when asked;
- a worker that can pause (the gallery's page reads, between rows) calls ``wait_for_gui()``,
  which waits while the GUI thread paints what is heavy to paint (``GUI_TURNS.busy()`` around
  it: the gallery grid), at most a few milliseconds at a time, so a GUI thread busy for long
  never stops a worker altogether. (Qt's dispatcher signals do not help here: with the GLib
  event loop, events are dispatched between ``aboutToBlock`` and ``awake``.)
"""

from __future__ import annotations

import contextlib
import sys
import threading
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Iterator

SWITCH_INTERVAL_S: Final = 0.0002
WAIT_LIMIT_S: Final = 0.05  # the longest a worker waits at one pause for a paint to end


class GuiTurns:
    """Whether the GUI thread is busy painting; workers wait at their pauses while it is."""

    def __init__(self) -> None:
        self._free = threading.Event()
        self._free.set()
        self._depth = 0
        self._gui = threading.main_thread()

    @contextlib.contextmanager
    def busy(self) -> Iterator[None]:
        """On the GUI thread, around heavy painting: workers pause meanwhile."""
        self._depth += 1
        self._free.clear()
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._free.set()

    def gui_busy(self) -> bool:
        return not self._free.is_set()

    def wait(self, limit_s: float = WAIT_LIMIT_S) -> None:
        """In a worker: wait while the GUI thread is busy, at most limit_s. On the GUI thread
        itself (a read run in place), return at once."""
        if threading.current_thread() is not self._gui:
            self._free.wait(limit_s)


GUI_TURNS: Final = GuiTurns()


def wait_for_gui() -> None:
    """A worker's pause (see GuiTurns.wait): pass it where a core read takes ``pause``."""
    GUI_TURNS.wait()


def favour_gui_thread() -> None:
    """Set the switch interval for this process (the app's main and the benchmarks call it)."""
    sys.setswitchinterval(SWITCH_INTERVAL_S)
