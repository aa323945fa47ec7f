"""One media input of a comparison (a start image, references, a video, audio): choose or drop a
file; it is read and described in a worker thread, and named in the table by its file name."""

from __future__ import annotations

import asyncio
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget
from typing_extensions import override

from studio.core.compare import MediaFacts
from studio.core.media import describe_preview, load_local_file
from studio.ui.background import spawn_if_running
from studio.ui.file_folders import OPEN, remember_folder, start_folder
from studio.ui.plain import plain_tooltip

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from studio.core.media import LoadedMedia
    from studio.ui.compare.tasks import MediaSlot

THUMB = 48


@dataclass(frozen=True)
class ChosenFile:
    """A file read for sending: its data URI, name and what it is."""

    uri: str
    name: str
    facts: MediaFacts | None
    thumbnail: bytes | None = None


def _read(path: Path, kind: str) -> LoadedMedia:
    return load_local_file(path, kind)


class MediaSlotWidget(QWidget):
    """Signals: changed() — a file was chosen, read, or cleared."""

    changed = Signal()

    def __init__(self, slot: MediaSlot, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slot = slot
        self._files: list[ChosenFile] = []
        self._loading = 0
        self.setAcceptDrops(True)
        self.title = QLabel(label, self)
        self.thumb = QLabel(self)
        self.thumb.setFixedSize(THUMB, THUMB)
        self.thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumb.setFrameShape(QLabel.Shape.StyledPanel)
        self.info = QLabel(self)
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setWordWrap(True)
        self.choose_button = QToolButton(self)
        self.choose_button.setText(self.tr("Choose…"))
        self.choose_button.setToolTip(self.tr("Choose a file, or drop one here"))
        self.clear_button = QToolButton(self)
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(self.tr("Remove"))
        self.choose_button.clicked.connect(self._on_choose_clicked)
        self.clear_button.clicked.connect(self.clear)
        self._lay_out()
        self._show()

    def _lay_out(self) -> None:
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.info)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        text.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumb)
        layout.addLayout(text, 1)

    # --- values ----------------------------------------------------------------------------------

    def value(self) -> str | tuple[str, ...] | None:
        """What the Intent gets: a data URI, a tuple of them (several), or None."""
        if not self._files:
            return None
        if self.slot.multiple:
            return tuple(file.uri for file in self._files)
        return self._files[0].uri

    def files(self) -> list[ChosenFile]:
        return list(self._files)

    def is_loading(self) -> bool:
        return self._loading > 0

    def load_paths(self, paths: list[Path]) -> None:
        """Read these files in a worker (several add up in a multiple slot; one replaces)."""
        if not self.slot.multiple:
            paths = paths[:1]
            self._files = []
        for path in paths:
            self._loading += 1
            task = spawn_if_running(
                self._load(path), on_error=functools.partial(self._on_failed, path)
            )
            if task is None:
                self._loading -= 1
        self._show()

    def set_files(self, files: list[ChosenFile]) -> None:
        """Files as a kept comparison holds them (no reading needed)."""
        self._files = list(files)
        self._show()
        self.changed.emit()

    def clear(self) -> None:
        self._files = []
        self._show()
        self.changed.emit()

    async def _load(self, path: Path) -> None:
        loaded = await asyncio.to_thread(_read, path, self.slot.kind)
        if not shiboken6.isValid(self):
            return
        self._loading -= 1
        if loaded.data_uri is None:
            self._show(loaded.error or self.tr("This file cannot be read."))
            return
        mime = loaded.data_uri[5:].split(",", 1)[0].split(";", 1)[0]
        preview = loaded.preview
        width, height = preview.dimensions or (None, None)
        facts = MediaFacts(path.name, mime, loaded.size, width, height, preview.duration_s)
        chosen = ChosenFile(loaded.data_uri, path.name, facts, preview.thumbnail)
        self._files = [*self._files, chosen] if self.slot.multiple else [chosen]
        self._show(describe_preview(preview, loaded.size))
        self.changed.emit()

    def _on_failed(self, path: Path, message: str) -> None:
        if shiboken6.isValid(self):
            self._loading = max(0, self._loading - 1)
            self._show(f"{path.name}: {message}")

    def _show(self, detail: str = "") -> None:
        self.clear_button.setEnabled(bool(self._files))
        if self._loading:
            self.info.setText(self.tr("Reading…"))
            return
        if not self._files:
            self.thumb.clear()
            self.thumb.setText("＋")
            self.info.setText(detail or self.tr("None yet"))
            return
        names = ", ".join(file.name for file in self._files)
        self.info.setText(f"{names}\n{detail}".strip())
        self.setToolTip(plain_tooltip(names))
        thumbnail = self._files[0].thumbnail
        pixmap = QPixmap()
        if thumbnail and pixmap.loadFromData(thumbnail):
            self.thumb.setPixmap(
                pixmap.scaled(
                    THUMB, THUMB, Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )  # fmt: skip
        else:
            self.thumb.setText(self.slot.kind[:1].upper())

    # --- choosing --------------------------------------------------------------------------------

    def _on_choose_clicked(self) -> None:
        dialog = QFileDialog(self, self.title.text(), str(start_folder(OPEN, self.slot.kind)))
        dialog.setFileMode(
            QFileDialog.FileMode.ExistingFiles
            if self.slot.multiple
            else QFileDialog.FileMode.ExistingFile
        )
        dialog.setNameFilters([self._name_filter(), self.tr("All files (*)")])
        dialog.filesSelected.connect(self._on_dialog_files_selected)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()  # never exec(): the event loop must keep running

    def _name_filter(self) -> str:
        if self.slot.kind == "video":
            return self.tr("Videos (*.mp4 *.mov *.webm *.mkv)")
        if self.slot.kind == "audio":
            return self.tr("Audio (*.mp3 *.wav *.m4a *.ogg *.flac *.mp4 *.webm)")
        return self.tr("Images (*.png *.jpg *.jpeg *.webp *.bmp *.gif)")

    def _on_dialog_files_selected(self, files: list[str]) -> None:
        if files:
            remember_folder(OPEN, Path(files[0]))
        self.load_paths([Path(name) for name in files])

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.load_paths(paths)
