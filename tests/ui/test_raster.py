"""studio.ui.raster: Qt is told to paint on the GUI thread alone, unless the user said otherwise."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from studio.ui import raster

if TYPE_CHECKING:
    import pytest


def test_the_gui_thread_pool_is_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(raster.NO_GUI_THREAD_POOL, raising=False)
    raster.paint_on_gui_thread()
    assert os.environ[raster.NO_GUI_THREAD_POOL] == "1"


def test_a_value_the_user_set_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(raster.NO_GUI_THREAD_POOL, "0")
    raster.paint_on_gui_thread()
    assert os.environ[raster.NO_GUI_THREAD_POOL] == "0"
