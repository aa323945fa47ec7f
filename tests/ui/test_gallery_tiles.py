"""The gallery delegate's caches: thumbnails scaled once to their tile, within a byte budget."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPixmap

from studio.ui.gallery.delegate import ScaledThumbnails

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication


def _picture(colour: str) -> QPixmap:
    pixmap = QPixmap(96, 64)
    pixmap.fill(QColor(colour))
    return pixmap


def test_a_thumbnail_is_scaled_once_per_size(qapp: QApplication) -> None:
    cache = ScaledThumbnails()
    source = _picture("red")
    first = cache.scaled(source, 171, 114, 1.0)
    assert (first.width(), first.height()) == (171, 114)
    assert cache.scaled(source, 171, 114, 1.0).cacheKey() == first.cacheKey()
    bigger = cache.scaled(source, 342, 228, 2.0)  # a screen of another pixel ratio
    assert bigger.devicePixelRatio() == 2.0
    assert bigger.deviceIndependentSize().width() == 171
    assert len(cache) == 2


def test_the_least_recently_used_go_past_the_budget(qapp: QApplication) -> None:
    one = 100 * 100 * 4
    cache = ScaledThumbnails(budget=2 * one)
    red, green, blue = _picture("red"), _picture("green"), _picture("blue")
    kept = cache.scaled(red, 100, 100, 1.0)
    cache.scaled(green, 100, 100, 1.0)
    cache.scaled(red, 100, 100, 1.0)  # used again: green is now the oldest
    cache.scaled(blue, 100, 100, 1.0)
    assert len(cache) == 2
    assert cache.size_in_bytes() <= 2 * one
    assert cache.scaled(red, 100, 100, 1.0).cacheKey() == kept.cacheKey()
    cache.clear()
    assert len(cache) == 0 and cache.size_in_bytes() == 0
