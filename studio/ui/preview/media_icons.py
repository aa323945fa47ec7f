"""Transport and navigation glyphs drawn with QPainter in a given colour, so they suit any theme."""

from __future__ import annotations

import functools
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

if TYPE_CHECKING:
    from collections.abc import Callable

# Glyphs are drawn on a 16 × 16 grid and scaled to the icon size.
_GRID = 16.0
_PIXEL_RATIO = 2.0


class MediaGlyph(StrEnum):
    PLAY = "play"
    PAUSE = "pause"
    VOLUME = "volume"
    MUTED = "muted"
    LOOP = "loop"
    PREVIOUS = "previous"
    NEXT = "next"


def _polygon(painter: QPainter, *points: tuple[float, float]) -> None:
    path = QPainterPath(QPointF(*points[0]))
    for point in points[1:]:
        path.lineTo(QPointF(*point))
    path.closeSubpath()
    painter.fillPath(path, painter.pen().color())


def _draw_play(painter: QPainter) -> None:
    _polygon(painter, (4.5, 2.5), (13.5, 8), (4.5, 13.5))


def _draw_pause(painter: QPainter) -> None:
    colour = painter.pen().color()
    painter.fillRect(QRectF(3.5, 2.5, 3.2, 11), colour)
    painter.fillRect(QRectF(9.3, 2.5, 3.2, 11), colour)


def _draw_speaker(painter: QPainter) -> None:
    _polygon(painter, (1.5, 5.8), (4.5, 5.8), (8.2, 2.5), (8.2, 13.5), (4.5, 10.2), (1.5, 10.2))


def _draw_volume(painter: QPainter) -> None:
    _draw_speaker(painter)
    for radius in (2.8, 5.3):
        box = QRectF(8 - radius, 8 - radius, 2 * radius, 2 * radius)
        painter.drawArc(box, -50 * 16, 100 * 16)


def _draw_muted(painter: QPainter) -> None:
    _draw_speaker(painter)
    painter.drawLine(QPointF(10.5, 5.5), QPointF(15, 10.5))
    painter.drawLine(QPointF(15, 5.5), QPointF(10.5, 10.5))


def _draw_loop(painter: QPainter) -> None:
    painter.drawArc(QRectF(2.5, 2.5, 11, 11), 100 * 16, 290 * 16)
    # The arrowhead sits where the arc starts (top, just left of centre), pointing clockwise.
    _polygon(painter, (6.6, 0.6), (10.2, 2.7), (6.6, 4.9))


def _draw_previous(painter: QPainter) -> None:
    painter.drawPolyline([QPointF(10.5, 3), QPointF(5.5, 8), QPointF(10.5, 13)])


def _draw_next(painter: QPainter) -> None:
    painter.drawPolyline([QPointF(5.5, 3), QPointF(10.5, 8), QPointF(5.5, 13)])


_PAINTERS: dict[MediaGlyph, Callable[[QPainter], None]] = {
    MediaGlyph.PLAY: _draw_play,
    MediaGlyph.PAUSE: _draw_pause,
    MediaGlyph.VOLUME: _draw_volume,
    MediaGlyph.MUTED: _draw_muted,
    MediaGlyph.LOOP: _draw_loop,
    MediaGlyph.PREVIOUS: _draw_previous,
    MediaGlyph.NEXT: _draw_next,
}


def media_icon(glyph: MediaGlyph, colour: QColor, size: int = 16) -> QIcon:
    """The glyph in `colour` (use the palette's ButtonText); Qt derives the disabled look."""
    return _media_icon(glyph, colour.rgba(), size)


@functools.cache
def _media_icon(glyph: MediaGlyph, rgba: int, size: int) -> QIcon:
    pixels = round(size * _PIXEL_RATIO)
    pixmap = QPixmap(pixels, pixels)
    pixmap.setDevicePixelRatio(_PIXEL_RATIO)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / _GRID, size / _GRID)
    pen = QPen(QColor.fromRgba(rgba), 1.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    _PAINTERS[glyph](painter)
    painter.end()
    return QIcon(pixmap)
