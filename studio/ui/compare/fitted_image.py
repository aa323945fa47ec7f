"""A light image view for comparison columns: the whole picture scaled to fit, nothing else."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from studio.ui.plain import plain_tooltip

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QMouseEvent, QPaintEvent

# Decoding at most this size keeps a 4k output cheap; columns are far narrower than this.
DECODE_LIMIT = 1600


class FittedImage(QWidget):
    """One image file letterboxed into the widget; double-click opens it in the system viewer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 120)
        self._image = QImage()
        self._source_size = QSize()
        self._path: Path | None = None
        self._scaled = QPixmap()

    def load(self, path: Path) -> str:
        """Decode `path`; returns "" on success, else why it failed."""
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid() and max(size.width(), size.height()) > DECODE_LIMIT:
            reader.setScaledSize(
                size.scaled(DECODE_LIMIT, DECODE_LIMIT, Qt.AspectRatioMode.KeepAspectRatio)
            )
        image = reader.read()
        if image.isNull():
            self.clear()
            return f"Cannot show {path.name}: {reader.errorString()}"
        self._image = image
        self._source_size = size if size.isValid() else image.size()
        self._path = path
        self._scaled = QPixmap()
        self.setToolTip(plain_tooltip(f"{path.name} · {self.size_text()}\nDouble-click to open"))
        self.update()
        return ""

    def clear(self) -> None:
        self._image = QImage()
        self._source_size = QSize()
        self._path = None
        self._scaled = QPixmap()
        self.setToolTip("")
        self.update()

    def has_image(self) -> bool:
        return not self._image.isNull()

    def source_size(self) -> QSize:
        """The file's pixel size (before any scaling for display)."""
        return QSize(self._source_size)

    def size_text(self) -> str:
        size = self._source_size
        return f"{size.width()} × {size.height()}" if size.isValid() else ""

    @override
    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        if self._image.isNull():
            return
        ratio = self.devicePixelRatioF()
        target = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        if self._scaled.isNull() or self._scaled.deviceIndependentSize().toSize() != target:
            self._scaled = QPixmap.fromImage(
                self._image.scaled(
                    target * ratio,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self._scaled.setDevicePixelRatio(ratio)
        # Top-aligned: the results of all columns start on one line, easy to compare.
        area = QRect((self.width() - target.width()) // 2, 0, target.width(), target.height())
        painter = QPainter(self)
        painter.drawPixmap(area.topLeft(), self._scaled)
        painter.end()

    @override
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._path)))
        super().mouseDoubleClickEvent(event)
