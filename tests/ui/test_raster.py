"""studio.ui.raster: Qt is told to paint on the GUI thread alone, unless the user said otherwise;
plain fills paint what QPainter.fillRect does."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

from studio.ui import raster

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QApplication


def test_the_gui_thread_pool_is_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(raster.NO_GUI_THREAD_POOL, raising=False)
    raster.paint_on_gui_thread()
    assert os.environ[raster.NO_GUI_THREAD_POOL] == "1"


def test_a_value_the_user_set_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(raster.NO_GUI_THREAD_POOL, "0")
    raster.paint_on_gui_thread()
    assert os.environ[raster.NO_GUI_THREAD_POOL] == "0"


@pytest.mark.parametrize("alpha", [255, 50, 0])
def test_fill_rect_paints_the_pixels_fill_rect_of_qpainter_does(
    qapp: QApplication, alpha: int
) -> None:
    def painted(fill: Callable[[QPainter, QRect, QColor], None]) -> QImage:
        image = QImage(40, 30, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(200, 120, 40, 180))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill(painter, QRect(3, 5, 20, 1), QColor(10, 200, 90, alpha))
        fill(painter, QRect(10, 8, 25, 17), QColor(90, 20, 250, alpha))
        painter.end()
        return image

    ours = painted(raster.fill_rect)
    assert ours == painted(lambda painter, rect, colour: painter.fillRect(rect, colour))
    assert alpha == 0 or ours.pixelColor(12, 10) != QColor(200, 120, 40, 180)
