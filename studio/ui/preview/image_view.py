"""Image preview: the zoomable canvas plus a bar with fit / 100 % / zoom buttons and image facts."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedLayout, QToolButton, QVBoxLayout, QWidget

from studio.core.media import too_large_to_decode
from studio.ui.preview.image_canvas import KEY_STEP, ImageCanvas
from studio.ui.preview.text_format import human_size

if TYPE_CHECKING:
    from pathlib import Path

# Generated images reach 8192² (an upscaler's 4×); Qt's default 256 MB limit would refuse those.
ALLOCATION_LIMIT_MB = 1024


class ImageView(QWidget):
    """One image at a time, with its pixel size, format and file size in the bottom bar."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = ImageCanvas(self)
        self._message = QLabel(self)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.canvas)
        self._stack.addWidget(self._message)
        self._zoom_label = QLabel(self)
        self._info_label = QLabel(self)
        self._info_label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(self._stack, 1)
        layout.addLayout(self._build_bar())
        self.canvas.zoom_changed.connect(self._on_canvas_zoom_changed)
        self._image_size = QSize()

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 0, 4, 2)
        for text, tip, slot in (
            ("Fit", "Fit to window (F)", self.canvas.fit),
            ("1:1", "Actual size, 100 % (1)", self.canvas.actual_size),
            ("−", "Zoom out (-)", self._zoom_out),
            ("+", "Zoom in (+)", self._zoom_in),
        ):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            bar.addWidget(button)
        self._zoom_label.setMinimumWidth(self._zoom_label.fontMetrics().horizontalAdvance("3200 %"))
        bar.addWidget(self._zoom_label)
        bar.addStretch(1)
        bar.addWidget(self._info_label)
        return bar

    def load(self, path: Path) -> bool:
        """Decode and show `path`; on failure show why and return False."""
        reader = QImageReader(str(path))
        reader.setAutoTransform(True)
        QImageReader.setAllocationLimit(max(QImageReader.allocationLimit(), ALLOCATION_LIMIT_MB))
        image_format = bytes(reader.format().data()).decode()  # empty once read() has run
        header = reader.size()  # from the file's header: nothing decoded yet
        if too_large_to_decode(header.width(), header.height()):
            # A decompression bomb would freeze the window and take gigabytes: not decoded.
            self._show_message(
                f"{path.name} is too large to preview ({header.width()} × {header.height()} "
                "pixels). Open it with another application."
            )
            return False
        image = reader.read()
        if image.isNull():
            self._show_message(f"Cannot show {path.name}: {reader.errorString()}")
            return False
        self._image_size = image.size()
        self.canvas.set_image(image)
        self._stack.setCurrentWidget(self.canvas)
        self._info_label.setText(self._describe(path, image_format))
        return True

    def clear(self) -> None:
        self.canvas.clear_image()
        self._image_size = QSize()
        self._info_label.clear()
        self._zoom_label.clear()
        self._stack.setCurrentWidget(self.canvas)

    def image_size(self) -> QSize:
        """Size of the decoded image (after EXIF rotation); empty when nothing is shown."""
        return QSize(self._image_size)

    def zoom_factor(self) -> float:
        return self.canvas.zoom_factor()

    def info_text(self) -> str:
        """The bar's summary, e.g. "1024 × 768 · PNG · 1.2 MB"."""
        return self._info_label.text()

    def is_fit(self) -> bool:
        return self.canvas.is_fit()

    def _show_message(self, text: str) -> None:
        self.clear()
        self._message.setText(text)
        self._stack.setCurrentWidget(self._message)

    def _describe(self, path: Path, image_format: str) -> str:
        size = self._image_size
        parts = [f"{size.width()} × {size.height()}", image_format.upper()]
        with contextlib.suppress(OSError):
            parts.append(human_size(path.stat().st_size))
        return " · ".join(part for part in parts if part)

    def _zoom_in(self) -> None:
        self.canvas.zoom_by(KEY_STEP)

    def _zoom_out(self) -> None:
        self.canvas.zoom_by(1 / KEY_STEP)

    def _on_canvas_zoom_changed(self, factor: float) -> None:
        self._zoom_label.setText(f"{factor * 100:.0f} %")
