"""A scroll bar that paints its own ground, so Qt paints nothing under it.

A widget that is not opaque has every ancestor painted under it first, at every repaint: a
gallery scroll step repainted the grid's scroll bar and, under it, the bar's container, the
grid, the splitter, the panel's page, the stacked widget, the tab widget and the panel: 8 paints
for a strip 14 pixels wide, every step (make bench, gallery: ~5 % of the scroll's time). A style
draws a scroll bar with translucent edges (Fusion: its left and top lines), so the bar cannot
just be declared opaque. ``GroundedScrollBar`` fills its rectangle with the ground colour first
and is then opaque; that is only right where its ancestors paint that one plain colour under it.
So, once shown and after every style or palette change, it renders the window under itself both
ways, as Qt would paint it (``settle``), and keeps filling only when the two come out the same
pixels: in Fusion, light or dark. Under another style's pane or a gradient it is a plain bar.

It is made in Python and the window is rendered whole, so the bar's container (a widget Qt
makes) is never handed to Python: that would cost Shiboken's class lookup (see viewports.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QRegion
from PySide6.QtWidgets import QAbstractItemView, QScrollBar, QWidget
from typing_extensions import override

from studio.ui.raster import fill_rect

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QShowEvent

_OPAQUE = Qt.WidgetAttribute.WA_OpaquePaintEvent
_RENDER = QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren


class GroundedScrollBar(QScrollBar):
    """A QScrollBar that fills its ground itself where that looks the same (module doc)."""

    def __init__(self, orientation: Qt.Orientation, parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._ground: QColor | None = None  # filled with it, and opaque, when set
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(0)
        self._settle.timeout.connect(self.settle)

    @property
    def grounded(self) -> bool:
        """It fills its ground (and is opaque)."""
        return self._ground is not None

    def settle(self) -> bool:
        """Fill the ground from now on if that paints the same pixels as not filling it;
        returns whether it does."""
        self._use(None)
        if not self.isVisible():
            return False
        window = self.window()
        ground = window.palette().color(window.backgroundRole())
        if ground.alpha() != 255:
            return False
        plain = self._rendered(window)
        self._use(ground)
        if self._rendered(window) != plain:
            self._use(None)
        return self.grounded

    def _use(self, ground: QColor | None) -> None:
        self._ground = ground
        self.setAttribute(_OPAQUE, ground is not None)

    def _rendered(self, window: QWidget) -> QImage:
        """The window where this bar is, bar included, as Qt paints it."""
        area = QRect(self.mapTo(window, QPoint(0, 0)), self.size())
        image = QImage(area.size(), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        window.render(image, QPoint(), QRegion(area), _RENDER)
        return image

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        if self._ground is not None:
            painter = QPainter(self)
            fill_rect(painter, event.rect(), self._ground)
            painter.end()
        super().paintEvent(event)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._settle.start()  # after the first paint, which it does not hold up

    @override
    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.PaletteChange):
            self._settle.start()  # once every widget has the new style and palette


def ground_vertical_bar(view: QAbstractItemView) -> GroundedScrollBar:
    """Give ``view`` a GroundedScrollBar as its vertical bar; returns it. An item view connects
    its own bar's signals once, when made: they are connected again to the new bar here."""
    bar = GroundedScrollBar(Qt.Orientation.Vertical)
    view.setVerticalScrollBar(bar)
    bar.valueChanged.connect(view.verticalScrollbarValueChanged)
    bar.actionTriggered.connect(view.verticalScrollbarAction)
    return bar
