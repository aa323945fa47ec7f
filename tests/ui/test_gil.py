"""The GUI thread first: a short switch interval, and workers that wait while it paints."""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING, Any

import pytest

from studio.ui import gil

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def test_the_switch_interval_is_short() -> None:
    before = sys.getswitchinterval()
    try:
        sys.setswitchinterval(0.005)  # CPython's default
        gil.favour_gui_thread()
        assert sys.getswitchinterval() == pytest.approx(gil.SWITCH_INTERVAL_S)
        assert gil.SWITCH_INTERVAL_S < 0.001
    finally:
        sys.setswitchinterval(before)


def test_a_worker_waits_while_the_gui_thread_is_busy() -> None:
    turns = gil.GuiTurns()
    done = threading.Event()

    def worker() -> None:
        turns.wait(limit_s=60)
        done.set()

    with turns.busy():
        with turns.busy():  # nested: busy until the outer one ends
            pass
        assert turns.gui_busy()
        thread = threading.Thread(target=worker)
        thread.start()
        assert not done.wait(0.1)  # still waiting: the GUI thread is busy
    assert done.wait(10)  # let go as soon as it is not
    thread.join()
    assert not turns.gui_busy()


def test_a_worker_waits_no_longer_than_its_limit_and_the_gui_thread_never_waits() -> None:
    turns = gil.GuiTurns()
    with turns.busy():  # and staying so
        turns.wait(limit_s=60)  # on the GUI thread: returns at once
        thread = threading.Thread(target=turns.wait, kwargs={"limit_s": 0.01})
        thread.start()
        thread.join(10)
        assert not thread.is_alive()


def test_the_gallery_grid_is_busy_while_it_paints(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QStringListModel

    from studio.ui.gallery.delegate import GalleryDelegate
    from studio.ui.gallery.grid import GalleryGrid
    from studio.ui.thumbnails import ThumbnailLoader

    seen: list[bool] = []
    real_paint = GalleryDelegate.paint

    def paint(self: GalleryDelegate, *args: Any) -> None:
        seen.append(gil.GUI_TURNS.gui_busy())
        real_paint(self, *args)

    monkeypatch.setattr(GalleryDelegate, "paint", paint)
    grid = GalleryGrid(ThumbnailLoader())
    grid.setModel(QStringListModel(["a", "b"]))
    grid.resize(400, 300)
    grid.viewport().grab()
    assert seen and all(seen)
    assert not gil.GUI_TURNS.gui_busy()
