"""A/B wipe: two results over each other, A left of a divider and B right of it. Drag the divider
to wipe, drag elsewhere to pan, wheel to zoom; the view stays in sync with the columns.

B is drawn over the same area as A, so two pictures of different pixel sizes (or even aspect)
still compare region by region.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from studio.ui.compare.images import ViewState
from studio.ui.preview.image_canvas import KEY_STEP, WHEEL_STEP

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent, QPaintEvent, QResizeEvent, QWheelEvent

GRAB_PX: Final = 10
_MIN_SCALE: Final = 0.02
_MAX_SCALE: Final = 32.0


class WipeView(QWidget):
    """Signals: view_moved(object) — the ViewState after the user zoomed or panned;
    split_changed(float) — the divider moved (a fraction of the width)."""

    view_moved = Signal(object)
    split_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._a = QPixmap()
        self._b = QPixmap()
        self._size = QSize()  # picture A's own pixel size
        self._labels = ("", "")
        self._split = 0.5
        self._state: ViewState | None = None
        self._fit_mode = True
        self._drag: str | None = None  # "split" or "pan"
        self._last = QPointF()

    # --- content ---------------------------------------------------------------------------

    def set_pictures(self, a: QPixmap, a_size: QSize, b: QPixmap, labels: tuple[str, str]) -> None:
        self._a, self._b, self._size, self._labels = a, b, QSize(a_size), labels
        self.fit()

    def has_pictures(self) -> bool:
        return not self._a.isNull() and not self._b.isNull()

    def split(self) -> float:
        return self._split

    def set_split(self, fraction: float) -> None:
        self._split = min(max(fraction, 0.0), 1.0)
        self.split_changed.emit(self._split)
        self.update()

    # --- the synced view -------------------------------------------------------------------

    def view_state(self) -> ViewState | None:
        return self._state if self.has_pictures() else None

    def apply_view(self, state: ViewState) -> None:
        self._fit_mode = False
        self._state = state
        self.update()

    def fit(self) -> None:
        self._fit_mode = True
        if self._size.isEmpty():
            self._state = None
            return
        width, height = self._size.width(), self._size.height()
        scale = min(self.width() / width, self.height() / height) * width
        self._state = ViewState(0.5, 0.5, scale)
        self.update()

    def actual_size(self) -> None:
        if self._size.isEmpty():
            return
        self._fit_mode = False
        centre = self._state or ViewState(0.5, 0.5, 0)
        self._state = ViewState(centre.cx, centre.cy, self._size.width() / self.devicePixelRatioF())
        self._moved()

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        state = self._state
        if state is None or self._size.isEmpty():
            return
        point = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        before = self._picture_fraction(point)
        low, high = (z * self._size.width() for z in (_MIN_SCALE, _MAX_SCALE))
        scale = min(max(state.scale * factor, low), high)
        # Keep the picture point under the pointer where it is.
        height = scale * self._size.height() / self._size.width()
        cx = before.x() - (point.x() - self.width() / 2) / scale
        cy = before.y() - (point.y() - self.height() / 2) / height
        self._fit_mode = False
        self._state = ViewState(cx, cy, scale)
        self._moved()

    def picture_rect(self) -> QRectF:
        """Where picture A (and B over it) is drawn, in widget coordinates."""
        state = self._state
        if state is None or self._size.isEmpty():
            return QRectF()
        width = state.scale
        height = width * self._size.height() / self._size.width()
        left = self.width() / 2 - state.cx * width
        top = self.height() / 2 - state.cy * height
        return QRectF(left, top, width, height)

    def _picture_fraction(self, point: QPointF) -> QPointF:
        rect = self.picture_rect()
        if rect.isEmpty():
            return QPointF(0.5, 0.5)
        return QPointF((point.x() - rect.left()) / rect.width(), (point.y() - rect.top()) /
                       rect.height())  # fmt: skip

    def _moved(self) -> None:
        self.update()
        if self._state is not None:
            self.view_moved.emit(self._state)

    # --- Qt events -------------------------------------------------------------------------

    @override
    def sizeHint(self) -> QSize:
        return QSize(640, 420)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            window = self.palette().color(QPalette.ColorRole.Window)
            painter.fillRect(self.rect(), window.darker(118))
            rect = self.picture_rect()
            if not self.has_pictures() or rect.isEmpty():
                return
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            x = self._split * self.width()
            painter.save()
            painter.setClipRect(QRectF(0, 0, x, self.height()))
            painter.drawPixmap(rect, self._a, QRectF(self._a.rect()))
            painter.setClipRect(QRectF(x, 0, self.width() - x, self.height()))
            painter.drawPixmap(rect, self._b, QRectF(self._b.rect()))
            painter.restore()
            self._paint_divider(painter, x)
        finally:
            painter.end()

    def _paint_divider(self, painter: QPainter, x: float) -> None:
        painter.setPen(QPen(QColor(255, 255, 255, 230), 2))
        painter.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawEllipse(QPointF(x, self.height() / 2), 7, 7)
        metrics = painter.fontMetrics()
        for text, left in ((self._labels[0], True), (self._labels[1], False)):
            width = metrics.horizontalAdvance(text) + 12
            box = QRectF(x - width - 8 if left else x + 8, 8, width, metrics.height() + 6)
            painter.fillRect(box, QColor(0, 0, 0, 150))
            painter.setPen(QColor("white"))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_mode:
            self.fit()

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        near = abs(event.position().x() - self._split * self.width()) <= GRAB_PX
        self._drag = "split" if near else "pan"
        self._last = event.position()
        if near:
            self.set_split(event.position().x() / max(self.width(), 1))

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        near = abs(event.position().x() - self._split * self.width()) <= GRAB_PX
        self.setCursor(Qt.CursorShape.SplitHCursor if near or self._drag == "split" else (
            Qt.CursorShape.OpenHandCursor))  # fmt: skip
        if self._drag == "split":
            self.set_split(event.position().x() / max(self.width(), 1))
        elif self._drag == "pan" and self._state is not None:
            rect = self.picture_rect()
            shift = event.position() - self._last
            self._last = event.position()
            state = self._state
            self._fit_mode = False
            self._state = ViewState(
                state.cx - shift.x() / rect.width(), state.cy - shift.y() / rect.height(),
                state.scale,
            )  # fmt: skip
            self._moved()

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag = None
        super().mouseReleaseEvent(event)

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(WHEEL_STEP**steps, event.position())
            event.accept()


__all__ = ["KEY_STEP", "WipeView"]
