"""Capability and app icons drawn with QPainter, legible on light and dark palettes."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from studio.ui.theme import app_is_dark

if TYPE_CHECKING:
    from collections.abc import Callable

CAPABILITY_COLORS = {
    "image": "#d9822b",
    "video": "#5b6ee1",
    "audio": "#2e9e6a",
    "transcribe": "#8e5bd6",
    "chat": "#2b8fd9",
    "embeddings": "#9a8a3a",
}


def _draw_image(p: QPainter, r: QRectF) -> None:
    p.drawRoundedRect(r, 3, 3)
    path = QPainterPath(QPointF(r.left() + 2, r.bottom() - 2))
    path.lineTo(r.left() + r.width() * 0.4, r.top() + r.height() * 0.45)
    path.lineTo(r.left() + r.width() * 0.6, r.top() + r.height() * 0.65)
    path.lineTo(r.left() + r.width() * 0.75, r.top() + r.height() * 0.5)
    path.lineTo(r.right() - 2, r.bottom() - 2)
    p.drawPath(path)
    p.drawEllipse(QPointF(r.left() + r.width() * 0.72, r.top() + r.height() * 0.28), 2.2, 2.2)


def _draw_video(p: QPainter, r: QRectF) -> None:
    p.drawRoundedRect(r.adjusted(0, 2, 0, -2), 3, 3)
    c = r.center()
    tri = QPainterPath(QPointF(c.x() - 3, c.y() - 4.5))
    tri.lineTo(c.x() + 4.5, c.y())
    tri.lineTo(c.x() - 3, c.y() + 4.5)
    tri.closeSubpath()
    p.fillPath(tri, p.pen().color())


def _draw_audio(p: QPainter, r: QRectF) -> None:
    x0 = r.left() + r.width() * 0.35
    x1 = r.right() - 1
    top = r.top() + 1
    p.drawLine(QPointF(x0, top + 3), QPointF(x0, r.bottom() - 4))
    p.drawLine(QPointF(x1, top), QPointF(x1, r.bottom() - 7))
    p.drawLine(QPointF(x0, top + 3), QPointF(x1, top))
    p.setBrush(p.pen().color())
    p.drawEllipse(QPointF(x0 - 2.5, r.bottom() - 3.5), 3, 2.5)
    p.drawEllipse(QPointF(x1 - 2.5, r.bottom() - 6.5), 3, 2.5)


def _draw_transcribe(p: QPainter, r: QRectF) -> None:
    for i, width in enumerate((1.0, 0.8, 0.95, 0.55)):
        y = r.top() + 2 + i * (r.height() - 4) / 3
        p.drawLine(QPointF(r.left() + 1, y), QPointF(r.left() + 1 + (r.width() - 2) * width, y))


def _draw_chat(p: QPainter, r: QRectF) -> None:
    bubble = r.adjusted(0, 0, 0, -4)
    p.drawRoundedRect(bubble, 4, 4)
    tail = QPainterPath(QPointF(bubble.left() + 4, bubble.bottom()))
    tail.lineTo(bubble.left() + 3, r.bottom())
    tail.lineTo(bubble.left() + 9, bubble.bottom())
    p.drawPath(tail)


def _draw_other(p: QPainter, r: QRectF) -> None:
    for dx, dy in ((0.25, 0.3), (0.7, 0.25), (0.5, 0.7), (0.2, 0.75), (0.8, 0.7)):
        p.drawEllipse(QPointF(r.left() + r.width() * dx, r.top() + r.height() * dy), 1.8, 1.8)


_PAINTERS: dict[str, Callable[[QPainter, QRectF], None]] = {
    "image": _draw_image,
    "video": _draw_video,
    "audio": _draw_audio,
    "transcribe": _draw_transcribe,
    "chat": _draw_chat,
}


def capability_icon(capability: str, size: int = 20, *, on_highlight: bool = False) -> QIcon:
    """A small glyph on a tinted disc; unknown capabilities get a neutral dot pattern.

    ``on_highlight``: for a selected row. A see-through disc would take the highlight's colour,
    and a blue video or purple transcribe glyph vanishes into a blue selection; this variant sits
    on an opaque disc of the window's base colour.
    """
    # Keyed by theme: after a light/dark switch the next call draws (and caches) the other variant.
    return _capability_icon(capability, size, not app_is_dark(), on_highlight)


@functools.cache
def _capability_icon(capability: str, size: int, light_theme: bool, on_highlight: bool) -> QIcon:
    pixmap = QPixmap(size * 2, size * 2)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    tint = QColor(CAPABILITY_COLORS.get(capability, "#888888"))
    disc = QColor(tint)
    disc.setAlpha(60)
    if on_highlight:
        disc = QColor("#ffffff" if light_theme else "#262626")
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(disc)
    painter.drawEllipse(QRectF(0, 0, size, size))
    painter.setPen(QPen(tint.darker(110) if light_theme else tint.lighter(130), 1.4))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inner = QRectF(size * 0.22, size * 0.22, size * 0.56, size * 0.56)
    _PAINTERS.get(capability, _draw_other)(painter, inner)
    painter.end()
    return QIcon(pixmap)


def app_icon() -> QIcon:
    """The window icon: a mountain over a sea line."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#2d3a8c"))
    painter.drawRoundedRect(QRectF(2, 2, 60, 60), 14, 14)
    mountain = QPainterPath(QPointF(10, 44))
    mountain.lineTo(26, 18)
    mountain.lineTo(34, 30)
    mountain.lineTo(40, 22)
    mountain.lineTo(54, 44)
    mountain.closeSubpath()
    painter.fillPath(mountain, QColor("#f2c14e"))
    painter.setPen(QPen(QColor("#7fd1f5"), 3))
    painter.drawLine(QPointF(10, 50), QPointF(54, 50))
    painter.end()
    return QIcon(pixmap)
