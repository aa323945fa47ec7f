"""Fusion with edges that show on a dark palette.

Fusion draws the outline of check boxes, radio buttons and slider grooves a little darker than
the window, which on a dark window is all but invisible, and a checked tool button (the gallery's
Trash toggle) barely differs from an unchecked one. On a dark palette this style draws those
outlines from a light grey and a checked tool button tinted with the highlight; on a light
palette it draws exactly as Fusion does.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)
from typing_extensions import override

# Fusion's outline is the window colour darker(140): from this window it is a mid grey (#7d8189)
# that reads on the dark window and on the darker fields.
_OUTLINE_SOURCE = QColor("#afb4c0")
_OUTLINED = frozenset(
    {
        QStyle.PrimitiveElement.PE_IndicatorCheckBox,
        QStyle.PrimitiveElement.PE_IndicatorRadioButton,
        QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
    }
)
_BUTTON_PANELS = frozenset(
    {QStyle.PrimitiveElement.PE_PanelButtonTool, QStyle.PrimitiveElement.PE_PanelButtonCommand}
)


def _dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _outlined(palette: QPalette) -> QPalette:
    outlined = QPalette(palette)
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        outlined.setColor(group, QPalette.ColorRole.Window, _OUTLINE_SOURCE)
    return outlined


class DarkEdgesStyle(QProxyStyle):
    """Fusion whose outlines and checked tool buttons stay visible on a dark palette."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("fusion"))
        self.setObjectName("fusion")

    @override
    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if not _dark(option.palette):
            super().drawPrimitive(element, option, painter, widget)
            return
        if element in _OUTLINED:
            saved = QPalette(option.palette)
            option.palette = _outlined(saved)
            super().drawPrimitive(element, option, painter, widget)
            option.palette = saved
            return
        super().drawPrimitive(element, option, painter, widget)
        on = bool(option.state & QStyle.StateFlag.State_On)
        if element in _BUTTON_PANELS and on:
            self._tint_checked(option, painter)

    @staticmethod
    def _tint_checked(option: QStyleOption, painter: QPainter) -> None:
        highlight = option.palette.color(QPalette.ColorRole.Highlight)
        fill = QColor(highlight)
        fill.setAlpha(110)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(highlight.lighter(130), 1.0))
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5), 3.0, 3.0)
        painter.restore()

    @override
    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if control is QStyle.ComplexControl.CC_Slider and _dark(option.palette):
            saved = QPalette(option.palette)
            option.palette = _outlined(saved)  # the same option: the slider's fields stay
            super().drawComplexControl(control, option, painter, widget)
            option.palette = saved
            return
        super().drawComplexControl(control, option, painter, widget)
