"""Neutral tiles shown until a thumbnail is loaded, and small overlay glyphs (star, play)."""

from __future__ import annotations

import math
from typing import Final

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap

from studio.ui.icons import capability_icon
from studio.ui.theme import app_is_dark

_TILE: Final = 128
_cache: dict[tuple[str, bool], QPixmap] = {}
_cache_keys: set[int] = set()  # cacheKey() of every placeholder in _cache
_scaled: dict[tuple[str, bool, int, float], QPixmap] = {}
_glyphs: dict[tuple[str, int, float], QPixmap] = {}
_CAPABILITY_OF_KIND: Final = {"text": "transcribe"}  # the glyph of what makes such outputs


def placeholder_pixmap(kind: str, dark: bool | None = None) -> QPixmap:
    """A flat square with the kind's glyph; made once per kind and theme, on the GUI thread.
    dark: for a dark palette (None: the application's, looked up now)."""
    if dark is None:
        dark = app_is_dark()
    found = _cache.get((kind, dark))
    if found is None:
        found = _draw_placeholder(kind, dark)
        _cache[kind, dark] = found
        _cache_keys.add(found.cacheKey())
    return found


def is_placeholder(pixmap: QPixmap) -> bool:
    """Whether pixmap is one of the placeholders (no palette lookup: asked once per tile)."""
    return pixmap.cacheKey() in _cache_keys


def placeholder_at(kind: str, side: int, ratio: float = 1.0, dark: bool | None = None) -> QPixmap:
    """The placeholder drawn at side×side logical pixels (for a screen of that pixel ratio).
    dark: as placeholder_pixmap (a tile knows it from its palette, without a lookup)."""
    if dark is None:
        dark = app_is_dark()
    found = _scaled.get((kind, dark, side, ratio))
    if found is None:
        pixels = max(1, round(side * ratio))
        found = placeholder_pixmap(kind, dark).scaled(
            pixels, pixels, mode=Qt.TransformationMode.SmoothTransformation
        )
        found.setDevicePixelRatio(ratio)
        _scaled[kind, dark, side, ratio] = found
    return found


def glyph(name: str, radius: int, ratio: float = 1.0) -> QPixmap:
    """The star ("star") or the play badge ("play") of a radius, drawn once, centred in it."""
    found = _glyphs.get((name, radius, ratio))
    if found is None:
        side = 2 * radius + 4
        found = QPixmap(round(side * ratio), round(side * ratio))
        found.setDevicePixelRatio(ratio)
        found.fill(Qt.GlobalColor.transparent)
        painter = QPainter(found)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        center = QPointF(side / 2, side / 2)
        if name == "star":
            draw_star(painter, center, radius)
        else:
            draw_play_badge(painter, center, radius)
        painter.end()
        _glyphs[name, radius, ratio] = found
    return found


def _draw_placeholder(kind: str, dark: bool) -> QPixmap:
    pixmap = QPixmap(_TILE, _TILE)
    pixmap.fill(QColor("#3a3d44" if dark else "#d5d8de"))
    painter = QPainter(pixmap)
    icon = capability_icon(_CAPABILITY_OF_KIND.get(kind, kind), 40)
    icon.paint(painter, (_TILE - 40) // 2, (_TILE - 40) // 2, 40, 40)
    painter.end()
    return pixmap


def star_path(center: QPointF, radius: float) -> QPainterPath:
    """A five-pointed star, point up."""
    path = QPainterPath()
    for step in range(10):
        reach = radius if step % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + step * math.pi / 5
        point = QPointF(center.x() + reach * math.cos(angle), center.y() + reach * math.sin(angle))
        if step == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    path.closeSubpath()
    return path


def draw_star(painter: QPainter, center: QPointF, radius: float) -> None:
    painter.save()
    painter.setPen(QPen(QColor(60, 40, 0, 200), 1.2))
    painter.setBrush(QColor("#f5b301"))
    painter.drawPath(star_path(center, radius))
    painter.restore()


def draw_play_badge(painter: QPainter, center: QPointF, radius: float) -> None:
    """A translucent dark disc with a white triangle."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 140))
    painter.drawEllipse(center, radius, radius)
    triangle = QPainterPath(QPointF(center.x() - radius * 0.32, center.y() - radius * 0.45))
    triangle.lineTo(center.x() + radius * 0.5, center.y())
    triangle.lineTo(center.x() - radius * 0.32, center.y() + radius * 0.45)
    triangle.closeSubpath()
    painter.fillPath(triangle, QColor("white"))
    painter.restore()


def draw_pill(painter: QPainter, rect: QRectF, text: str) -> None:
    """White text on a dark rounded pill (durations on tiles)."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 160))
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.restore()
