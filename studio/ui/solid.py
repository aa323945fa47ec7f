"""A scroll bar's strip painted on its own ground, so Qt stops painting at it.

A widget that is not opaque has every ancestor painted under it first, for every repaint: a
gallery scroll step repainted the grid's scroll bar and, under it, its container, the grid, the
splitter, the panel's page, the stacked widget, the tab widget and the panel: 8 paints for a
strip 14 pixels wide, every step (make bench, gallery: ~5 % of the scroll's time). The scroll
bar itself cannot be marked opaque: styles draw it with translucent edges (Fusion's left and top
lines). Its container can: filled with its own ground, it is opaque, and Qt paints nothing under
it. That is only right when the ancestors paint that same plain colour there, so
``fill_if_plain`` paints them under the strip once, as Qt would, and fills the container only
when every pixel came out its ground's colour (so in Fusion, light or dark; a style whose pane
under it is another colour or a gradient is left as it was). Ask again after a style or palette
change.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage, QRegion
from PySide6.QtWidgets import QWidget


def ground_under(widget: QWidget) -> QImage | None:
    """What the ancestors of ``widget`` paint where it is, as Qt paints them (None: nothing
    to paint, the widget is empty)."""
    window = widget.window()
    strip = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    if strip.isEmpty():
        return None
    image = QImage(strip.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    chain: list[QWidget] = []
    parent = widget.parentWidget()
    while parent is not None:
        chain.append(parent)
        if parent is window:
            break
        parent = parent.parentWidget()
    for ancestor in reversed(chain):  # the window first, as Qt paints them
        area = QRect(ancestor.mapFrom(window, strip.topLeft()), strip.size())
        flags = QWidget.RenderFlag(0)
        if ancestor is window:
            flags = QWidget.RenderFlag.DrawWindowBackground
        ancestor.render(image, QPoint(), QRegion(area), flags)
    return image


def is_plain(image: QImage, colour: QColor) -> bool:
    """Every pixel of ``image`` (ARGB32 premultiplied) is ``colour``, which is opaque."""
    if colour.alpha() != 255:
        return False
    one = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    one.fill(colour)
    return bytes(image.constBits()) == bytes(one.constBits()) * (image.width() * image.height())


def fill_if_plain(widget: QWidget) -> bool:
    """Fill ``widget`` with its own ground (making it opaque) when its ancestors paint exactly
    that colour under it, else not; returns whether it is filled."""
    ground = ground_under(widget) if widget.isVisible() else None
    own = widget.palette().color(widget.backgroundRole())
    plain = ground is not None and is_plain(ground, own)
    widget.setAutoFillBackground(plain)
    return plain
