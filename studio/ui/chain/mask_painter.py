"""The mask painter: paint where the picture may change (white = edit, black = keep).

Brush and eraser with a size (``[``/``]``), fill, clear, invert, undo/redo, zoom (wheel, +/-, F
fits). The mask is an 8-bit grey image of exactly the picture's size; the canvas shows it as a
red overlay. Strokes draw into the mask and the overlay at once, so nothing is recomputed per
mouse move. The picture comes decoded from a worker (studio.core.chain.load_mask_source), which
refuses one too large to hold before decoding it.

Signals (MaskPainterDialog):
    mask_painted(object) — a PaintedMask: the grey pixels, their size and a small overlay image.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QShortcut,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.core import paths
from studio.core.chain import MaskError, load_mask_source, mask_png
from studio.core.paths import write_atomically
from studio.ui.background import spawn
from studio.ui.plain import plain_label

if TYPE_CHECKING:
    from studio.core.chain import MaskSource
    from studio.ui.forms.media_field import MediaField

HISTORY_BYTES: Final = 256 * 1024 * 1024  # undo steps are whole masks: bounded by memory
OVERLAY = QColor(230, 30, 30)
THUMB_SIDE: Final = 96
MIN_BRUSH, MAX_BRUSH = 1, 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("MaskPainter", text)


@dataclass(frozen=True)
class PaintedMask:
    """What the painter hands back: grey rows (``stride`` bytes each) and a small preview."""

    gray: bytes
    width: int
    height: int
    stride: int
    thumbnail: QImage


class MaskCanvas(QWidget):
    """The picture with its mask in red; paints, erases, zooms and pans.

    Signals:
        changed(): the mask changed (a stroke, fill, clear, invert, undo or redo).
    """

    changed = Signal()

    def __init__(self, source: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(320, 240)
        self.source = source
        self.gray = QImage(source.size(), QImage.Format.Format_Grayscale8)
        self.gray.fill(0)
        self.overlay = QImage(source.size(), QImage.Format.Format_ARGB32_Premultiplied)
        self.overlay.fill(Qt.GlobalColor.transparent)
        self.brush_size = max(4, min(source.width(), source.height()) // 20)
        self.erasing = False
        self._zoom = 1.0
        self._offset = QPointF()
        self._fitted = True
        self._undo: list[QImage] = []
        self._redo: list[QImage] = []
        self._last: QPointF | None = None
        self._pan_from: QPoint | None = None
        self._cursor = QPointF(-1, -1)

    # --- state -----------------------------------------------------------------------------

    def zoom(self) -> float:
        return self._zoom

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def set_mask(self, gray: QImage) -> None:
        """Start from an earlier mask of the same size."""
        if gray.size() == self.gray.size():
            self.gray = gray.convertToFormat(QImage.Format.Format_Grayscale8)
            self._rebuild_overlay()

    # --- whole-mask operations (each one step of undo) ------------------------------------------

    def fill(self) -> None:
        self._remember()
        self.gray.fill(255)
        self._rebuild_overlay()

    def clear(self) -> None:
        self._remember()
        self.gray.fill(0)
        self._rebuild_overlay()

    def invert(self) -> None:
        self._remember()
        self.gray.invertPixels()
        self._rebuild_overlay()

    def undo(self) -> None:
        if self._undo:
            self._redo.append(self.gray.copy())
            self.gray = self._undo.pop()
            self._rebuild_overlay()

    def redo(self) -> None:
        if self._redo:
            self._undo.append(self.gray.copy())
            self.gray = self._redo.pop()
            self._rebuild_overlay()

    def stroke(self, points: list[QPointF]) -> None:
        """Paint (or erase) along points in picture coordinates: one step of undo."""
        self._remember()
        previous = points[0]
        for point in points:
            self._segment(previous, point)
            previous = point
        self.update()

    def _remember(self) -> None:
        self._undo.append(self.gray.copy())
        self._redo.clear()
        self.changed.emit()
        step = max(1, self.gray.sizeInBytes())
        while len(self._undo) > 1 and len(self._undo) * step > HISTORY_BYTES:
            self._undo.pop(0)

    def _segment(self, start: QPointF, end: QPointF) -> None:
        pen = QPen(
            QColor(0, 0, 0) if self.erasing else QColor(255, 255, 255),
            self.brush_size,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
        with_mask = QPainter(self.gray)
        with_mask.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        with_mask.setPen(pen)
        with_mask.drawLine(start, end)
        with_mask.end()
        red = QPainter(self.overlay)
        red.setCompositionMode(
            QPainter.CompositionMode.CompositionMode_Clear
            if self.erasing
            else QPainter.CompositionMode.CompositionMode_Source
        )
        pen.setColor(OVERLAY)
        red.setPen(pen)
        red.drawLine(start, end)
        red.end()

    def _rebuild_overlay(self) -> None:
        self.changed.emit()
        alpha = QImage(
            self.gray.constBits(),
            self.gray.width(),
            self.gray.height(),
            self.gray.bytesPerLine(),
            QImage.Format.Format_Alpha8,
        ).copy()
        self.overlay.fill(OVERLAY)
        painter = QPainter(self.overlay)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_DestinationIn)
        painter.drawImage(0, 0, alpha)
        painter.end()
        self.update()

    # --- view ------------------------------------------------------------------------------

    def fit(self) -> None:
        self._fitted = True
        self._place()
        self.update()

    def zoom_by(self, factor: float, around: QPointF | None = None) -> None:
        around = around if around is not None else QPointF(self.width() / 2, self.height() / 2)
        before = self.to_picture(around)
        self._zoom = max(0.02, min(self._zoom * factor, 32.0))
        self._fitted = False
        self._offset = around - before * self._zoom
        self.update()

    def _place(self) -> None:
        if not self._fitted or self.source.isNull():
            return
        scale = min(self.width() / self.source.width(), self.height() / self.source.height())
        self._zoom = max(scale, 0.02)
        shown = QSize(
            round(self.source.width() * self._zoom), round(self.source.height() * self._zoom)
        )
        self._offset = QPointF(
            (self.width() - shown.width()) / 2, (self.height() - shown.height()) / 2
        )

    def to_picture(self, point: QPointF) -> QPointF:
        return (point - self._offset) / self._zoom

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._place()

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.palette().color(self.backgroundRole()).darker(115))
        target = QRectF(self._offset, QSize(self.source.width(), self.source.height()) * self._zoom)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self._zoom < 1)
        painter.drawImage(target, self.source)
        painter.setOpacity(0.55)
        painter.drawImage(target, self.overlay)
        painter.setOpacity(1.0)
        if self._cursor.x() >= 0:
            painter.setPen(QPen(QColor(255, 255, 255), 1))
            painter.setBrush(QBrush(Qt.BrushStyle.NoBrush))
            radius = self.brush_size * self._zoom / 2
            painter.drawEllipse(self._cursor, radius, radius)
        painter.end()

    # --- mouse -----------------------------------------------------------------------------

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._remember()
            self._last = self.to_picture(event.position())
            self._segment(self._last, self._last)
            self.update()
        elif event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton):
            self._pan_from = event.position().toPoint()

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._cursor = event.position()
        if self._last is not None:
            point = self.to_picture(event.position())
            self._segment(self._last, point)
            self._last = point
        elif self._pan_from is not None:
            now = event.position().toPoint()
            self._offset += QPointF(now - self._pan_from)
            self._pan_from = now
            self._fitted = False
        self.update()

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._last = None
        self._pan_from = None

    @override
    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(1.25**steps, event.position())

    # --- results ---------------------------------------------------------------------------

    def painted(self) -> PaintedMask:
        thumb = self.source.scaled(
            THUMB_SIDE,
            THUMB_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        ).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
        painter = QPainter(thumb)
        painter.setOpacity(0.6)
        painter.drawImage(thumb.rect(), self.overlay)
        painter.end()
        return PaintedMask(
            bytes(self.gray.constBits()),
            self.gray.width(),
            self.gray.height(),
            self.gray.bytesPerLine(),
            thumb,
        )


def image_of(source: MaskSource) -> QImage:
    """The worker's RGBA rows as a QImage that owns its pixels (a copy on the GUI thread)."""
    wrapped = QImage(
        source.pixels, source.width, source.height, source.width * 4, QImage.Format.Format_RGBA8888
    )
    return wrapped.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class MaskPainterDialog(QDialog):
    """The canvas with its tools; "Use mask" hands the mask back, Cancel leaves the field."""

    mask_painted = Signal(object)

    def __init__(self, source: MaskSource, field_title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(tr("Paint mask — %1").replace("%1", field_title))
        self.canvas = MaskCanvas(image_of(source))
        self.size_box = QSpinBox()
        self.size_box.setRange(MIN_BRUSH, MAX_BRUSH)
        self.size_box.setSuffix(" px")
        self.size_box.setValue(self.canvas.brush_size)
        self.size_box.setToolTip(tr("Brush size ([ smaller, ] larger)"))
        self.brush_button = self._tool(tr("Brush"), tr("Paint what may change (B)"), "B")
        self.eraser_button = self._tool(tr("Eraser"), tr("Keep what the brush marked (E)"), "E")
        self.brush_button.setCheckable(True)
        self.eraser_button.setCheckable(True)
        self.brush_button.setChecked(True)
        self.fill_button = self._tool(tr("Fill"), tr("Everything may change"))
        self.clear_button = self._tool(tr("Clear"), tr("Nothing may change"))
        self.invert_button = self._tool(
            tr("Invert"), tr("Swap what changes and what stays (I)"), "I"
        )
        self.undo_button = self._tool(tr("Undo"), tr("Undo (Ctrl+Z)"), "Ctrl+Z")
        self.redo_button = self._tool(tr("Redo"), tr("Redo (Ctrl+Shift+Z)"), "Ctrl+Shift+Z")
        self.fit_button = self._tool(tr("Fit"), tr("Show the whole picture (F)"), "F")
        self.zoom_in_button = self._tool("+", tr("Zoom in (+)"), "+")
        self.zoom_out_button = self._tool("−", tr("Zoom out (-)"), "-")
        self.hint = plain_label(
            tr("White = edit, black = keep. Red shows what may change. Right-drag or middle-drag "
               "pans; the wheel zooms."),
            small=True,
        )  # fmt: skip
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.use_button = buttons.addButton(tr("Use mask"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._on_use)
        buttons.rejected.connect(self.reject)
        tools = QHBoxLayout()
        left = [self.brush_button, self.eraser_button, self.size_box, self.fill_button]
        left += [self.clear_button, self.invert_button, self.undo_button, self.redo_button]
        for widget in left:
            tools.addWidget(widget)
        tools.addStretch(1)
        for widget in (self.zoom_out_button, self.fit_button, self.zoom_in_button):
            tools.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self.hint)
        layout.addWidget(buttons)
        self._connect()
        self.resize(900, 680)
        self._refresh()

    def _tool(self, text: str, tip: str, keys: str = "") -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if keys:
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(button.click)
        return button

    def _connect(self) -> None:
        canvas = self.canvas
        self.brush_button.clicked.connect(lambda: self.set_erasing(False))
        self.eraser_button.clicked.connect(lambda: self.set_erasing(True))
        self.size_box.valueChanged.connect(self._on_size_changed)
        self.fill_button.clicked.connect(lambda: self._then_refresh(canvas.fill))
        self.clear_button.clicked.connect(lambda: self._then_refresh(canvas.clear))
        self.invert_button.clicked.connect(lambda: self._then_refresh(canvas.invert))
        self.undo_button.clicked.connect(lambda: self._then_refresh(canvas.undo))
        self.redo_button.clicked.connect(lambda: self._then_refresh(canvas.redo))
        self.fit_button.clicked.connect(canvas.fit)
        self.zoom_in_button.clicked.connect(lambda: canvas.zoom_by(1.25))
        self.zoom_out_button.clicked.connect(lambda: canvas.zoom_by(0.8))
        for keys, factor in (("[", 1 / 1.25), ("]", 1.25)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda f=factor: self.scale_brush(f))
        redo = QShortcut(QKeySequence("Ctrl+Y"), self)
        redo.activated.connect(self.redo_button.click)
        canvas.changed.connect(self._refresh)

    def set_erasing(self, erasing: bool) -> None:
        self.canvas.erasing = erasing
        self.brush_button.setChecked(not erasing)
        self.eraser_button.setChecked(erasing)

    def scale_brush(self, factor: float) -> None:
        size = self.size_box.value()
        changed = round(size * factor)
        if changed == size:
            changed = size + (1 if factor > 1 else -1)
        self.size_box.setValue(max(MIN_BRUSH, min(changed, MAX_BRUSH)))

    def _on_size_changed(self, size: int) -> None:
        self.canvas.brush_size = size
        self.canvas.update()

    def _then_refresh(self, work: object) -> None:
        if callable(work):
            work()
        self._refresh()

    def _refresh(self) -> None:
        self.undo_button.setEnabled(self.canvas.can_undo())
        self.redo_button.setEnabled(self.canvas.can_redo())

    def _on_use(self) -> None:
        self.mask_painted.emit(self.canvas.painted())
        self.accept()


def masks_dir() -> Path:
    return paths.data_dir() / "masks"


def _read_gray(path: Path | None) -> tuple[bytes, int, int] | None:
    """An earlier mask file as grey rows, to paint on from where it was (blocking)."""
    if path is None:
        return None
    from PIL import Image  # here, in the worker: the studio starts without Pillow (issue 12)

    try:
        with Image.open(path) as image:
            gray = image.convert("L")
            return gray.tobytes(), gray.width, gray.height
    except (OSError, ValueError):
        return None


def _save_png(painted: PaintedMask) -> Path:
    """The mask as a PNG file of its own (blocking): the field sends it inline."""
    data = mask_png(painted.gray, painted.width, painted.height, painted.stride)
    folder = masks_dir()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"mask-{uuid.uuid4().hex[:12]}.png"
    write_atomically(target, data)
    return target


class MaskFlow(QObject):
    """Opens the painter for a mask field over its form's source picture; fills the field."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self.dialog: MaskPainterDialog | None = None  # the one on show (tests paint on it)

    def paint(self, mask: MediaField, source: object) -> None:
        """``source`` is the source field's value: a Path, a data:/URL string, or None."""
        if not source:
            mask.note_source_problem(
                tr("Add the picture to edit first: the mask is painted over it.")
            )
            return
        spawn(self._open(mask, source), key=(self, "open"), on_error=mask.note_source_problem)

    async def _open(self, mask: MediaField, source: object) -> None:
        chosen = source if isinstance(source, Path) else str(source)
        try:
            picture = await asyncio.to_thread(load_mask_source, chosen)
        except MaskError as error:
            mask.note_source_problem(str(error))
            return
        earlier = await asyncio.to_thread(_read_gray, mask.local_file())
        mask.note_source_problem("")
        dialog = MaskPainterDialog(picture, mask.spec.title, self._parent)
        if earlier is not None:
            gray, width, height = earlier
            image = QImage(gray, width, height, width, QImage.Format.Format_Grayscale8).copy()
            dialog.canvas.set_mask(image)
        dialog.mask_painted.connect(lambda painted: self._use(mask, painted))
        self.dialog = dialog
        dialog.open()

    def _use(self, mask: MediaField, painted: PaintedMask) -> None:
        spawn(self._save(mask, painted), key=(self, "save"), on_error=mask.note_source_problem)

    async def _save(self, mask: MediaField, painted: PaintedMask) -> None:
        path = await asyncio.to_thread(_save_png, painted)
        mask.set_mask(path, painted.thumbnail)
