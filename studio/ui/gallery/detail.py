"""The gallery's detail pane: a large preview of the current item and its parameters, read-only.

Signals:
    open_requested(object) — "Open" was pressed for this GalleryItem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.ui.gallery.describe import item_facts
from studio.ui.gallery.placeholders import placeholder_pixmap
from studio.ui.gallery.thumbs import thumb_key

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

    from studio.core.library import GalleryItem
    from studio.ui.gallery.thumbs import ThumbnailLoader

PREVIEW_SIZE: Final = 768  # a larger cached thumbnail: the original is never decoded here


class DetailPane(QWidget):
    """Shows one GalleryItem; the preview comes from the loader like any tile."""

    open_requested = Signal(object)

    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._item: GalleryItem | None = None
        self.preview = QLabel()
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(QSize(200, 160))
        # The pixmap follows the label's size, never the other way round.
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.title = QLabel()
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.open_button = QPushButton("Open")
        self.open_button.setToolTip("Open the file with the system's viewer")
        self.params = QPlainTextEdit()
        self.params.setReadOnly(True)
        self.params.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.preview, 3)
        layout.addWidget(self.title)
        layout.addWidget(self.open_button)
        layout.addWidget(self.params, 2)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        loader.thumbnail_ready.connect(self._on_loader_thumbnail_ready)
        self.show_item(None)

    def item(self) -> GalleryItem | None:
        return self._item

    def show_item(self, item: GalleryItem | None) -> None:
        self._item = item
        self.open_button.setEnabled(item is not None and item.file is not None)
        if item is None:
            self.title.setText("Nothing selected")
            self.params.setPlainText("")
            self.preview.setPixmap(QPixmap())
            return
        self.title.setText(item.prompt or item.endpoint)
        self.params.setPlainText("\n".join(f"{k}: {v}" for k, v in item_facts(item)))
        if item.file is not None:
            self._loader.request(self._key(item), item.file, item.output.kind.value, PREVIEW_SIZE)
        self._update_preview()

    def _key(self, item: GalleryItem) -> str:
        return thumb_key(item.file, PREVIEW_SIZE) if item.file is not None else ""

    def _update_preview(self) -> None:
        item = self._item
        if item is None:
            return
        pixmap = self._loader.pixmap(self._key(item)) if item.file is not None else None
        source = pixmap if pixmap is not None else placeholder_pixmap(item.output.kind.value)
        target = self.preview.size()
        self.preview.setPixmap(
            source.scaled(
                target,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_preview()

    def _on_loader_thumbnail_ready(self, key: str) -> None:
        if self._item is not None and key == self._key(self._item):
            self._update_preview()

    def _on_open_button_clicked(self) -> None:
        if self._item is not None:
            self.open_requested.emit(self._item)
