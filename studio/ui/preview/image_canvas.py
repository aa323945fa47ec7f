"""Zoomable, pannable picture surface: fit / 1:1 / wheel zoom around the cursor / drag to pan.

Scene units are the picture's own pixels, whatever resolution the pixmap shown has: a large
picture can be shown reduced first and swapped for a sharper pixmap without the view moving.

Plain mouse wheel zooms (as in most image viewers: nothing needs scrolling while the image fits),
dragging pans, double-click toggles fit and 1:1. With focus: F fits, 1 shows 100 %, +/- zoom,
Left/Right and Page Up/Down are left to the parent (the pane steps through outputs with them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QPixmap, QTransform
from PySide6.QtWidgets import QFrame, QGraphicsPixmapItem, QGraphicsScene, QGraphicsView, QWidget
from typing_extensions import override

from studio.ui.viewports import own_viewport

if TYPE_CHECKING:
    from PySide6.QtGui import QKeyEvent, QMouseEvent, QResizeEvent, QWheelEvent

MIN_ZOOM = 0.02
MAX_ZOOM = 32.0
WHEEL_STEP = 1.2
KEY_STEP = 1.25
# Above this zoom pixels are shown as crisp squares, which is what one zooms in to inspect.
PIXELATED_FROM = 2.0
CHECKER_PX = 8

_PARENT_KEYS = frozenset(
    {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
)


class ImageCanvas(QGraphicsView):
    """A QGraphicsView holding one pixmap. Signals: zoom_changed(float) — the new zoom_factor()."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        own_viewport(
            self, name=""
        )  # no Shiboken class lookup at its first paint (studio.ui.viewports)
        self._scene = QGraphicsScene(self)
        self._item = QGraphicsPixmapItem()
        self._scene.addItem(self._item)
        self.setScene(self._scene)
        self._fit_mode = True
        self._has_alpha = False
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)

    # -- content -------------------------------------------------------------------------------

    def set_picture(self, pixmap: QPixmap, source_size: QSize, *, has_alpha: bool) -> None:
        """Show `pixmap` as a picture of `source_size` pixels (larger when the pixmap is reduced),
        fitted to the window."""
        self._has_alpha = has_alpha
        self._scene.setSceneRect(QRectF(0, 0, source_size.width(), source_size.height()))
        self.replace_pixmap(pixmap)
        self.fit()

    def replace_pixmap(self, pixmap: QPixmap) -> None:
        """Swap in another resolution of the same picture; zoom and position stay."""
        self._item.setPixmap(pixmap)
        scene = self._scene.sceneRect()
        if not pixmap.isNull():
            self._item.setTransform(
                QTransform.fromScale(
                    scene.width() / pixmap.width(), scene.height() / pixmap.height()
                )
            )
        self._update_transformation_mode()

    def clear_image(self) -> None:
        self._item.setPixmap(QPixmap())
        self._item.resetTransform()
        self._has_alpha = False
        self._scene.setSceneRect(QRectF())
        self.resetTransform()

    def has_image(self) -> bool:
        return not self._item.pixmap().isNull()

    def pixmap_size(self) -> QSize:
        """Pixels of the pixmap shown (smaller than the picture while it is shown reduced)."""
        return self._item.pixmap().size()

    def pixmap_scale(self) -> float:
        """Pixmap pixels per picture pixel (1.0 at full resolution)."""
        return self._item.pixmap().width() / max(self._scene.sceneRect().width(), 1.0)

    # -- zoom ----------------------------------------------------------------------------------

    def zoom_factor(self) -> float:
        """Image pixels per device pixel (1.0 = 100 %, also on HiDPI screens)."""
        return self.transform().m11() * self.devicePixelRatioF()

    def is_fit(self) -> bool:
        return self._fit_mode

    def fit(self) -> None:
        self._fit_mode = True
        if not self.has_image():
            return
        size = self._scene.sceneRect().size()
        view = self.viewport().size()
        scale = min(view.width() / size.width(), view.height() / size.height())
        self._apply_scale(scale)
        self.centerOn(self._item)

    def actual_size(self) -> None:
        self._fit_mode = False
        self._apply_scale(1.0 / self.devicePixelRatioF())
        self.centerOn(self._item)

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Multiply the zoom, keeping the scene point under `anchor` (viewport coords) in place."""
        if not self.has_image():
            return
        point = anchor if anchor is not None else QPointF(self.viewport().rect().center())
        before = self.mapToScene(point.toPoint())
        current = self.transform().m11()
        self._fit_mode = False
        self._apply_scale(min(max(current * factor, MIN_ZOOM), MAX_ZOOM))
        after = self.mapToScene(point.toPoint())
        shift = after - before
        self.horizontalScrollBar().setValue(
            self.horizontalScrollBar().value() - round(shift.x() * self.transform().m11())
        )
        self.verticalScrollBar().setValue(
            self.verticalScrollBar().value() - round(shift.y() * self.transform().m11())
        )

    def _apply_scale(self, scale: float) -> None:
        self.setTransform(QTransform.fromScale(scale, scale))
        self._update_transformation_mode()
        self.zoom_changed.emit(self.zoom_factor())

    def _update_transformation_mode(self) -> None:
        # Device pixels per pixmap pixel decide, not per picture pixel.
        scale = self.zoom_factor() / max(self.pixmap_scale(), 1e-6)
        self._item.setTransformationMode(
            Qt.TransformationMode.FastTransformation
            if scale >= PIXELATED_FROM
            else Qt.TransformationMode.SmoothTransformation
        )

    # -- Qt events -----------------------------------------------------------------------------

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps == 0:
            event.ignore()
            return
        self.zoom_by(WHEEL_STEP**steps, event.position())
        event.accept()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        text = event.text()
        if key in _PARENT_KEYS:
            # QGraphicsView would scroll with these; the pane uses them to change output instead.
            event.ignore()
        elif key == Qt.Key.Key_F:
            self.fit()
        elif text == "1":
            self.actual_size()
        elif text in {"+", "="}:
            self.zoom_by(KEY_STEP)
        elif text in {"-", "_"}:
            self.zoom_by(1 / KEY_STEP)
        else:
            super().keyPressEvent(event)

    @override
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._fit_mode:
            self.actual_size()
        else:
            self.fit()
        event.accept()

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_mode:
            self.fit()

    @override
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        painter.fillRect(rect, self._backdrop_colour())
        if self._has_alpha and self.has_image():
            painter.fillRect(self._scene.sceneRect().intersected(rect), self._checker_brush())

    def _backdrop_colour(self) -> QColor:
        window = self.palette().color(QPalette.ColorRole.Window)
        return window.darker(112) if window.lightness() > 128 else window.darker(130)

    def _checker_brush(self) -> QBrush:
        base = self.palette().color(QPalette.ColorRole.Base)
        tile = QPixmap(CHECKER_PX * 2, CHECKER_PX * 2)
        tile.fill(base)
        with _Painter(tile) as tile_painter:
            dark = base.darker(118)
            tile_painter.fillRect(0, 0, CHECKER_PX, CHECKER_PX, dark)
            tile_painter.fillRect(CHECKER_PX, CHECKER_PX, CHECKER_PX, CHECKER_PX, dark)
        brush = QBrush(tile)
        # Keep the checks a constant on-screen size whatever the zoom.
        scale = 1 / max(self.transform().m11(), 1e-6)
        brush.setTransform(QTransform.fromScale(scale, scale))
        return brush


class _Painter:
    """QPainter as a context manager, so end() always runs."""

    def __init__(self, target: QPixmap) -> None:
        self._painter = QPainter(target)

    def __enter__(self) -> QPainter:
        return self._painter

    def __exit__(self, *exc: object) -> None:
        self._painter.end()
