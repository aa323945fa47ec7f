"""studio.ui.solid: a scroll bar's container filled with its ground only where that is exact."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from typing_extensions import override

from bench.fill import build_library
from studio.ui.gallery import GalleryPanel
from studio.ui.solid import fill_if_plain, ground_under, is_plain
from studio.ui.theme import apply_theme

if TYPE_CHECKING:
    from pathlib import Path


class _Striped(QWidget):
    """Paints a band of another colour over its left half."""

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(QRect(0, 0, self.width() // 2, self.height()), QColor("#ff00ff"))
        painter.end()


def _window(middle: QWidget) -> tuple[QWidget, QWidget]:
    """A window holding ``middle`` holding a small child: (window, child)."""
    window = QWidget()
    window.setAutoFillBackground(True)
    window.resize(200, 100)
    QVBoxLayout(window).addWidget(middle)
    child = QWidget(middle)
    child.setGeometry(10, 10, 20, 20)
    window.show()
    return window, child


def _strip(window: QWidget, child: QWidget) -> QImage:
    image = window.grab().toImage()
    return image.copy(QRect(child.mapTo(window, QPoint(0, 0)), child.size()))


def test_on_a_plain_ground_the_child_is_filled_and_looks_the_same(qapp: QApplication) -> None:
    window, child = _window(QWidget())
    try:
        before = _strip(window, child)
        ground = ground_under(child)
        assert ground is not None
        assert is_plain(ground, child.palette().color(child.backgroundRole()))
        assert fill_if_plain(child)
        assert child.autoFillBackground()
        assert _strip(window, child) == before
    finally:
        window.close()


def test_on_a_painted_ground_the_child_is_left_as_it_was(qapp: QApplication) -> None:
    window, child = _window(_Striped())
    try:
        ground = ground_under(child)
        assert ground is not None
        assert ground.pixelColor(0, 0) == QColor("#ff00ff")
        assert not is_plain(ground, child.palette().color(child.backgroundRole()))
        assert not fill_if_plain(child)
        assert not child.autoFillBackground()
    finally:
        window.close()


def test_a_plain_image_is_told_from_one_with_a_pixel_of_another_colour_or_translucent(
    qapp: QApplication,
) -> None:
    image = QImage(5, 3, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#2b2d31"))
    assert is_plain(image, QColor("#2b2d31"))
    assert not is_plain(image, QColor("#2b2d32"))
    image.setPixelColor(4, 2, QColor("#2b2d30"))
    assert not is_plain(image, QColor("#2b2d31"))
    image.fill(QColor(43, 45, 49, 128))
    assert not is_plain(image, QColor(43, 45, 49, 128))  # not opaque: never filled


def test_a_hidden_child_is_not_filled(qapp: QApplication) -> None:
    window, child = _window(QWidget())
    try:
        child.hide()
        assert not fill_if_plain(child)
    finally:
        window.close()


@pytest.mark.asyncio
@pytest.mark.usefixtures("restore_theme")
async def test_the_gallery_scroll_bar_strip_is_filled_in_either_theme_and_looks_the_same(
    tmp_path: Path, qapp: QApplication
) -> None:
    lib = build_library(tmp_path / "lib", 40, 4)
    panel = GalleryPanel(lib)
    try:
        panel.resize(900, 600)
        panel.show()
        await panel.settled()
        strip = panel.grid._bar_strip()
        assert strip.objectName() == "qt_scrollarea_vcontainer"
        for theme in ("dark", "light", "dark"):
            apply_theme(qapp, theme)
            await asyncio.sleep(0.05)  # the style change is looked at on the next turn
            assert strip.autoFillBackground(), theme
            filled = _strip(panel, strip)
            strip.setAutoFillBackground(False)
            assert _strip(panel, strip) == filled, theme
            assert fill_if_plain(strip)
    finally:
        await panel.aclose()
        panel.close()
        lib.close()
