"""studio.ui.solid: a scroll bar that fills its own ground only where that looks the same."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QPoint, QRect, QStringListModel, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QListView, QScrollBar, QWidget
from typing_extensions import override

from bench.fill import build_library
from studio.ui.gallery import GalleryPanel
from studio.ui.solid import GroundedScrollBar, ground_vertical_bar
from studio.ui.theme import apply_theme
from tests.conftest import wait_until

if TYPE_CHECKING:
    from pathlib import Path

_OPAQUE = Qt.WidgetAttribute.WA_OpaquePaintEvent


class _Striped(QWidget):
    """Paints a band of another colour over its right half, where the bar goes."""

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        half = self.width() // 2
        painter.fillRect(QRect(half, 0, self.width() - half, self.height()), QColor("#ff00ff"))
        painter.end()


def _window(middle: QWidget) -> tuple[QWidget, GroundedScrollBar]:
    """A window holding ``middle``, whose right side holds a bar: (window, bar)."""
    window = QWidget()
    window.setAutoFillBackground(True)
    window.resize(200, 120)
    QHBoxLayout(window).addWidget(middle)
    bar = GroundedScrollBar(Qt.Orientation.Vertical, middle)
    bar.setGeometry(150, 0, 14, 100)
    window.show()
    return window, bar


def _seen(window: QWidget, widget: QWidget) -> QImage:
    """The window's pixels where widget is."""
    image = window.grab().toImage()
    return image.copy(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()))


def test_on_a_plain_ground_the_bar_fills_it_is_opaque_and_looks_the_same(
    qapp: QApplication,
) -> None:
    window, bar = _window(QWidget())
    try:
        assert bar.settle() and bar.grounded
        assert bar.testAttribute(_OPAQUE)
        filled = _seen(window, bar)
        bar._use(None)
        assert _seen(window, bar) == filled
    finally:
        window.close()


def test_on_a_painted_ground_the_bar_is_left_a_plain_translucent_bar(qapp: QApplication) -> None:
    window, bar = _window(_Striped())
    try:
        assert not bar.settle()
        assert not bar.grounded and not bar.testAttribute(_OPAQUE)
    finally:
        window.close()


def test_a_hidden_bar_does_not_fill(qapp: QApplication) -> None:
    window, bar = _window(QWidget())
    try:
        bar.hide()
        assert not bar.settle()
    finally:
        window.close()


@pytest.mark.asyncio
async def test_it_settles_by_itself_once_shown(qapp: QApplication) -> None:
    window, bar = _window(QWidget())
    try:
        await wait_until(lambda: bar.grounded)
    finally:
        window.close()


@pytest.mark.asyncio
@pytest.mark.usefixtures("restore_theme")
async def test_the_gallery_bar_fills_its_ground_in_either_theme_and_looks_the_same(
    tmp_path: Path, qapp: QApplication
) -> None:
    lib = build_library(tmp_path / "lib", 40, 4)
    panel = GalleryPanel(lib)
    try:
        panel.resize(900, 600)
        panel.show()
        await panel.settled()
        await wait_until(lambda: isinstance(panel.grid.verticalScrollBar(), GroundedScrollBar))
        bar = panel.grid.verticalScrollBar()
        assert isinstance(bar, GroundedScrollBar)
        assert bar.singleStep() == 40
        for theme in ("dark", "light", "dark"):
            apply_theme(qapp, theme)
            await asyncio.sleep(0.05)  # a style change is looked at on the next turn
            assert bar.grounded, theme
            filled = _seen(panel, bar)
            bar._use(None)
            assert _seen(panel, bar) == filled, theme
            assert bar.settle()
    finally:
        await panel.aclose()
        panel.close()
        lib.close()


def test_a_plain_scroll_bar_is_what_it_replaces(qapp: QApplication) -> None:
    bar = GroundedScrollBar(Qt.Orientation.Horizontal)
    assert isinstance(bar, QScrollBar) and bar.orientation() == Qt.Orientation.Horizontal
    assert not bar.grounded


def test_a_view_given_the_bar_still_hears_its_scrolls(qapp: QApplication) -> None:
    heard: list[object] = []

    class _View(QListView):
        @override
        def verticalScrollbarValueChanged(self, value: int) -> None:
            heard.append(value)
            super().verticalScrollbarValueChanged(value)

        @override
        def verticalScrollbarAction(self, action: int) -> None:
            heard.append(("action", action))
            super().verticalScrollbarAction(action)

    view = _View()
    view.setModel(QStringListModel([str(n) for n in range(500)]))
    bar = ground_vertical_bar(view)
    assert view.verticalScrollBar() is bar
    view.resize(200, 200)
    view.show()
    try:
        bar.setValue(5)
        bar.triggerAction(QScrollBar.SliderAction.SliderSingleStepAdd)
        assert 5 in heard
        assert ("action", int(QScrollBar.SliderAction.SliderSingleStepAdd.value)) in heard
    finally:
        view.close()
