"""The media input: a URL box, "Choose file…", file/URL drops, a thumbnail and a size warning.

Local files are sent inline as data URIs; the box keeps showing the original path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData, QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget
from typing_extensions import override

from studio.core.schema import FieldSpec, MediaKind
from studio.ui.forms.base import FieldWidget, plain_label
from studio.ui.forms.media_data import (
    LARGE_FILE_BYTES,
    decode_data_uri,
    describe_data_uri,
    file_filter,
    file_to_data_uri,
    human_size,
    local_file_from_text,
)

THUMB_SIZE = 48
WARNING_COLOR = "#e65100"


def mime_has_media(mime: QMimeData) -> bool:
    """Whether a drag carries something a media field can take (URLs or text)."""
    return mime.hasUrls() or (mime.hasText() and bool(mime.text().strip()))


def mime_sources(mime: QMimeData) -> list[str]:
    """Dropped items as texts: local paths for files, URL strings otherwise."""
    if mime.hasUrls():
        return [u.toLocalFile() if u.isLocalFile() else u.toString() for u in mime.urls()]
    return [line.strip() for line in mime.text().splitlines() if line.strip()]


class MediaField(FieldWidget):
    """Holds one of: a typed URL, a local file (sent as a data URI) or an embedded data URI."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._kind = spec.media or MediaKind.FILE
        self._local: Path | None = None
        self._data_uri: str | None = None
        self._read_error: str | None = None
        self._dialog: QFileDialog | None = None
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self._thumb = QLabel()
        self._thumb.setFixedSize(THUMB_SIZE, THUMB_SIZE)
        self._thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._thumb.setStyleSheet("border: 1px solid palette(mid); border-radius: 3px;")
        self._thumb.hide()
        self._edit = QLineEdit()
        self._edit.setPlaceholderText(f"Paste a URL or drop {self._kind.value} file here")
        self._edit.setAcceptDrops(False)  # drops go to the field, which knows about files
        self._edit.textEdited.connect(self._on_text_edited)
        self._choose = QPushButton("Choose file…")
        self._choose.clicked.connect(self._on_choose_clicked)
        row.addWidget(self._thumb)
        row.addWidget(self._edit, 1)
        row.addWidget(self._choose)
        self.body.addLayout(row)
        self._warning = plain_label(color=WARNING_COLOR, small=True)
        self._warning.hide()
        self.body.addWidget(self._warning)
        self.setAcceptDrops(True)
        self.reset()

    @override
    def value(self) -> Any:
        if self._local is not None or self._data_uri is not None:
            return self._data_uri
        return self._edit.text().strip() or None

    @override
    def set_value(self, value: Any) -> None:
        text = value if isinstance(value, str) else ""
        local = local_file_from_text(text)
        if local is not None:
            self.set_local_file(local)
        elif text.startswith("data:"):
            self._show_embedded(text)
        else:
            self._show_text(text)

    def set_local_file(self, path: Path) -> None:
        """Uses a local file: read once into a data URI, path shown in the box."""
        self._local, self._read_error, size = path, None, 0
        try:
            size = path.stat().st_size
            self._data_uri = file_to_data_uri(path)
        except OSError as error:
            self._data_uri, self._read_error = None, f"Can't read the file: {error.strerror}"
        self._edit.setText(str(path))
        self._update_preview(size)
        self.changed.emit()

    def local_file(self) -> Path | None:
        """The local file in use, if the value came from one."""
        return self._local

    def handle_mime(self, mime: QMimeData) -> bool:
        """Takes the first dropped/pasted file or URL; returns whether anything was taken."""
        sources = mime_sources(mime)
        if not sources:
            return False
        self.set_value(sources[0])
        return True

    def warning_text(self) -> str | None:
        """The large-file warning currently shown, if any."""
        return self._warning.text() if self._warning.isVisibleTo(self) else None

    def thumbnail(self) -> QPixmap | None:
        """The thumbnail currently shown, if any."""
        pixmap = self._thumb.pixmap()
        return pixmap if self._thumb.isVisibleTo(self) and not pixmap.isNull() else None

    @override
    def local_errors(self) -> list[str]:
        return [self._read_error] if self._read_error else []

    @override
    def editor(self) -> QWidget:
        return self._edit

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if mime_has_media(event.mimeData()):
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        if self.handle_mime(event.mimeData()):
            event.acceptProposedAction()

    def _show_text(self, text: str) -> None:
        self._local = self._data_uri = self._read_error = None
        self._edit.setText(text)
        self._update_preview(0)
        self.changed.emit()

    def _show_embedded(self, uri: str) -> None:
        self._local, self._data_uri, self._read_error = None, uri, None
        self._edit.setText(describe_data_uri(uri))
        self._update_preview(len(uri) * 3 // 4)
        self.changed.emit()

    def _on_text_edited(self, text: str) -> None:
        local = local_file_from_text(text)
        if local is not None:
            self.set_local_file(local)
        else:
            self._local = self._data_uri = self._read_error = None
            self._update_preview(0)
            self.changed.emit()

    def _on_choose_clicked(self) -> None:
        # open() instead of exec(): no nested event loop under qasync.
        dialog = QFileDialog(self, f"Choose {self._kind.value} file", "", file_filter(self._kind))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self._on_file_selected)
        self._dialog = dialog
        dialog.open()

    def _on_file_selected(self, name: str) -> None:
        if name:
            self.set_local_file(Path(name))

    def _update_preview(self, size: int) -> None:
        large = size > LARGE_FILE_BYTES
        self._warning.setText(
            f"Large file ({human_size(size)}): will be sent inline as a data URI" if large else ""
        )
        self._warning.setVisible(large)
        image = self._thumbnail_image() if self._kind is MediaKind.IMAGE else QImage()
        self._thumb.setPixmap(QPixmap.fromImage(image) if not image.isNull() else QPixmap())
        self._thumb.setVisible(not image.isNull())

    def _thumbnail_image(self) -> QImage:
        if self._local is not None:
            return _scaled_read(QImageReader(str(self._local)))
        data = decode_data_uri(self._data_uri) if self._data_uri else None
        if not data:
            return QImage()
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        return _scaled_read(QImageReader(buffer))


def _scaled_read(reader: QImageReader) -> QImage:
    """Decodes straight at thumbnail size (cheap even for big photos)."""
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and not size.isEmpty():
        reader.setScaledSize(
            size.scaled(QSize(THUMB_SIZE, THUMB_SIZE), Qt.AspectRatioMode.KeepAspectRatio)
        )
    return reader.read()
