"""The media input: a URL box, "Choose file…", drops, clipboard paste, a thumbnail and details.

Local files and pasted images are sent inline as data URIs. They are read, encoded and
previewed in an executor when an asyncio loop runs (the field is "busy" meanwhile), else inline.
"""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QMimeData,
    QObject,
    QSize,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QImage, QKeyEvent, QKeySequence, QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget
from typing_extensions import override

from studio.core.media import (
    LARGE_FILE_BYTES,
    LoadedMedia,
    MediaPreview,
    data_uri_preview,
    data_uri_size,
    describe_data_uri,
    describe_preview,
    load_local_file,
    load_pixels,
    local_file_from_text,
)
from studio.core.schema import FieldSpec, MediaKind
from studio.ui.background import background, spawn
from studio.ui.file_folders import OPEN, remember_folder, start_folder
from studio.ui.forms.base import HELP_COLOR, FieldWidget
from studio.ui.i18n.core_words import size_text
from studio.ui.plain import plain_label

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from studio.core.chain import Source

THUMB_SIZE = 48
WARNING_COLOR = "#e65100"
PASTED_IMAGE = str(QT_TRANSLATE_NOOP("Forms", "pasted image"))
_LINK_PREFIXES = ("http://", "https://")
PLACEHOLDERS = {
    MediaKind.IMAGE: str(
        QT_TRANSLATE_NOOP("Forms", "Paste an image or its URL, or drop an image file")
    ),
    MediaKind.VIDEO: str(QT_TRANSLATE_NOOP("Forms", "Paste a video URL or drop a video file")),
    MediaKind.AUDIO: str(QT_TRANSLATE_NOOP("Forms", "Paste an audio URL or drop an audio file")),
    MediaKind.FILE: str(QT_TRANSLATE_NOOP("Forms", "Paste a URL or drop a file")),
}
# Loads in flight, so their tasks are not garbage-collected mid-way; the field never holds them.


def mime_has_media(mime: QMimeData) -> bool:
    """Whether a drag carries something a media field can take (URLs or text)."""
    return mime.hasUrls() or (mime.hasText() and bool(mime.text().strip()))


def mime_sources(mime: QMimeData) -> list[str]:
    """Dropped items as texts: local paths for files, URL strings otherwise."""
    if mime.hasUrls():
        return [u.toLocalFile() if u.isLocalFile() else u.toString() for u in mime.urls()]
    return [line.strip() for line in mime.text().splitlines() if line.strip()]


def _names_a_source(text: str) -> bool:
    """Whether pasted text is a URL, data URI or local file (else it is ordinary typing)."""
    first = text.strip().splitlines()[0] if text.strip() else ""
    return "://" in first or first.startswith("data:") or local_file_from_text(first) is not None


def _is_paste(event: QEvent) -> bool:
    return isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Paste)


def file_filter(kind: str) -> str:
    """A QFileDialog name filter for a media kind."""
    patterns = {
        "image": QCoreApplication.translate(
            "Forms", "Images (*.png *.jpg *.jpeg *.webp *.gif *.bmp *.tif *.tiff)"
        ),
        "video": QCoreApplication.translate("Forms", "Videos (*.mp4 *.mov *.webm *.mkv *.avi)"),
        "audio": QCoreApplication.translate(
            "Forms", "Audio (*.mp3 *.wav *.ogg *.flac *.m4a *.aac *.opus)"
        ),
    }
    chosen = patterns.get(kind)
    every = QCoreApplication.translate("Forms", "All files (*)")
    return f"{chosen};;{every}" if chosen else every


class MediaField(FieldWidget):
    """Holds one of: a typed URL, a local file (sent as a data URI) or an embedded data URI.

    While a file or pasted image is being read, value() keeps the previous value and
    local_errors() reports "Still reading <name>", so a submit waits for it.
    """

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._kind = spec.media or MediaKind.FILE
        self._local: Path | None = None
        self._data_uri: str | None = None
        self._read_error: str | None = None
        self._reading: str | None = None  # the name being read: the field is busy
        self._held_value: Any = None  # value() while busy
        self._generation = 0  # bumped on every change, so a late result for an old one is dropped
        self._dialog: QFileDialog | None = None
        self._output: Source | None = None  # the library output whose file this holds
        self._reading_path: Path | None = None
        self._overlay: tuple[Path, QPixmap] | None = None  # a painted mask's file, shown in red
        self._paint_mask: Callable[[], None] | None = None
        self._build_widgets()
        self.setAcceptDrops(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # a click on the thumbnail focuses for paste
        self.reset()

    def _build_widgets(self) -> None:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self._thumb = QLabel()
        self._thumb.setFixedSize(THUMB_SIZE, THUMB_SIZE)
        self._thumb.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._thumb.setStyleSheet(
            "border: 1px solid palette(mid); border-radius: 3px; font-size: 10px;"
        )
        self._thumb.hide()
        self._edit = QLineEdit()
        self._edit.setPlaceholderText(QCoreApplication.translate("Forms", PLACEHOLDERS[self._kind]))
        self._edit.setAcceptDrops(False)  # drops go to the field, which knows about files
        self._edit.textEdited.connect(self._on_text_edited)
        self._edit.installEventFilter(self)
        self._choose = QPushButton(self.tr("Choose file…"))
        self._choose.clicked.connect(self._on_choose_clicked)
        self._paint = QPushButton(self.tr("Paint mask…"))
        self._paint.setToolTip(self.tr("Paint where the picture may change: white = edit"))
        self._paint.clicked.connect(self._on_paint_clicked)
        self._paint.hide()
        row.addWidget(self._thumb)
        row.addWidget(self._edit, 1)
        row.addWidget(self._paint)
        row.addWidget(self._choose)
        self.body.addLayout(row)
        self._status = plain_label(color=HELP_COLOR, small=True)
        self._status.hide()
        self.body.addWidget(self._status)
        self._warning = plain_label(color=WARNING_COLOR, small=True)
        self._warning.hide()
        self.body.addWidget(self._warning)
        self._source_note = plain_label(color=WARNING_COLOR, small=True)
        self._source_note.hide()
        self.body.addWidget(self._source_note)

    @override
    def value(self) -> Any:
        if self._reading is not None:
            return self._held_value
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
        """Uses a local file: read once into a data URI (in a worker if it can), path shown."""
        if self._output is not None and self._output.file != path:
            self._output = None
        if self._overlay is not None and self._overlay[0] != path:
            self._overlay = None
        self._show_source_note("")
        self._edit.setToolTip("")
        self._reading_path = path
        job = partial(load_local_file, path, self._kind.value)
        self._load(path.name, job, path, str(path), self.value())

    def set_image(self, image: QImage, name: str = PASTED_IMAGE) -> None:
        """Uses an image (e.g. from the clipboard), sent as a PNG data URI."""
        if name == PASTED_IMAGE:
            name = QCoreApplication.translate("Forms", PASTED_IMAGE)
        self._output = self._overlay = None
        rgba = image.convertToFormat(QImage.Format.Format_RGBA8888)
        pixels = bytes(rgba.constBits())  # one copy, so the worker never touches a QImage
        job = partial(
            load_pixels, pixels, rgba.width(), rgba.height(), rgba.bytesPerLine(),
            image.hasAlphaChannel(),
        )  # fmt: skip
        self._load(name, job, None, f"{name}…", self.value())

    def local_file(self) -> Path | None:
        """The local file in use, if the value came from one."""
        return self._local

    def set_output(self, source: Source) -> bool:
        """Holds a library output: its local file (sent inline), remembered for lineage.

        A source whose file is gone is not taken: the field says why and keeps its value.
        """
        if not source.usable or source.file is None:
            problem = source.problem or self.tr("It has no file to send.")
            self._show_source_note(self.tr("%1 cannot be used: %2").replace("%1", source.name)
                                   .replace("%2", problem))  # fmt: skip
            return False
        already = self._local == source.file or (
            self._reading is not None and self._reading_path == source.file
        )
        if not already:
            self.set_local_file(source.file)
        self._output = source
        self._show_source_note("")
        self._edit.setText(source.name)  # the file's name; the full path in the tooltip
        self._edit.setCursorPosition(0)
        self._edit.setToolTip(str(source.file))
        return True

    def output(self) -> Source | None:
        """The library output the field holds (None for a file, paste or URL from elsewhere)."""
        return self._output

    def source_note(self) -> str | None:
        """What the field says about a library output it could not take, if anything."""
        return self._source_note.text() if self._source_note.isVisibleTo(self) else None

    def note_source_problem(self, text: str) -> None:
        """Says under the field that its library output has a problem (e.g. its file is gone)."""
        self._show_source_note(text)

    def _show_source_note(self, text: str) -> None:
        self._source_note.setText(text)
        self._source_note.setVisible(bool(text))

    def enable_mask_painting(self, paint: Callable[[], None]) -> None:
        """Shows "Paint mask…", which calls ``paint`` (the form knows the picture to paint on)."""
        self._paint_mask = paint
        self._paint.show()

    def paint_button(self) -> QPushButton:
        return self._paint

    def set_mask(self, path: Path, overlay: QImage) -> None:
        """Uses a painted mask file, shown as ``overlay`` (the picture with the mask in red)."""
        self._overlay = (path, QPixmap.fromImage(overlay))
        self.set_local_file(path)
        self._edit.setText(self.tr("painted mask · %1").replace("%1", path.name))
        self._edit.setToolTip(str(path))

    def overlay(self) -> QPixmap | None:
        """The red-overlay thumbnail of a painted mask, while the field holds it."""
        return self._overlay[1] if self._overlay is not None else None

    def _on_paint_clicked(self) -> None:
        if self._paint_mask is not None:
            self._paint_mask()

    def is_busy(self) -> bool:
        """Whether a file or image is still being read."""
        return self._reading is not None

    def handle_mime(self, mime: QMimeData) -> bool:
        """Takes the first dropped/pasted file or URL; returns whether anything was taken."""
        sources = mime_sources(mime)
        if not sources:
            return False
        self.set_value(sources[0])
        return True

    def paste_from_clipboard(self) -> bool:
        """Takes local files, then an image, then URL text from the clipboard; False if none."""
        clipboard = QGuiApplication.clipboard()
        mime = clipboard.mimeData()
        if mime is None:
            return False
        if mime.hasUrls() and any(url.isLocalFile() for url in mime.urls()):
            return self.handle_mime(mime)
        if mime.hasImage():
            image = clipboard.image()
            if not image.isNull():
                self.set_image(image)
                return True
        if mime.hasUrls() or (mime.hasText() and _names_a_source(mime.text())):
            return self.handle_mime(mime)
        return False

    def warning_text(self) -> str | None:
        """The large-file warning currently shown, if any."""
        return self._warning.text() if self._warning.isVisibleTo(self) else None

    def status_text(self) -> str | None:
        """The grey line under the box: "Reading x…", or details like "640×360 · 0:05 · 2 MB"."""
        return self._status.text() if self._status.isVisibleTo(self) else None

    def thumbnail(self) -> QPixmap | None:
        """The thumbnail currently shown, if any."""
        pixmap = self._thumb.pixmap()
        return pixmap if self._thumb.isVisibleTo(self) and not pixmap.isNull() else None

    def badge_text(self) -> str | None:
        """The word shown instead of a thumbnail ("URL" for links, never fetched), if any."""
        return self._thumb.text() if self._thumb.isVisibleTo(self) and self._thumb.text() else None

    @override
    def local_errors(self) -> list[str]:
        if self._reading is not None:
            return [self.tr("Still reading %1").replace("%1", self._reading)]
        return [self._read_error] if self._read_error else []

    @override
    def editor(self) -> QWidget:
        return self._edit

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only this field's own box: other text fields keep their normal Ctrl+V.
        if watched is self._edit and _is_paste(event) and self.paste_from_clipboard():
            return True
        return super().eventFilter(watched, event)

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_paste(event):
            event.accept()  # Ctrl+V here is ours, not a window shortcut's
            return True
        return super().event(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_paste(event) and self.paste_from_clipboard():
            event.accept()
            return
        super().keyPressEvent(event)

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if mime_has_media(event.mimeData()):
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        if self.handle_mime(event.mimeData()):
            event.acceptProposedAction()

    def _load(
        self, name: str, job: Callable[[], LoadedMedia], local: Path | None, shown: str, held: Any
    ) -> None:
        """Runs `job` in the executor (inline without a loop); value() is `held` meanwhile."""
        generation = self._start_change()
        self._edit.setText(shown)
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # plain synchronous use (no qasync loop): read right here
            self._apply_loaded(job(), local)
            return
        self._reading, self._held_value = name, held
        self._warning.hide()
        self._show_status(self.tr("Reading %1…").replace("%1", name))
        spawn(self._load_in_worker(job, local, generation), key=(self, "read"))

    async def _load_in_worker(
        self, job: Callable[[], LoadedMedia], local: Path | None, generation: int
    ) -> None:
        try:
            loaded = await asyncio.get_running_loop().run_in_executor(None, job)
        except Exception as error:  # a failed read must end "busy", not leave it stuck
            loaded = LoadedMedia(
                None, 0, self.tr("Can't read the file: %1").replace("%1", str(error))
            )
        if shiboken6.isValid(self) and generation == self._generation:
            self._apply_loaded(loaded, local)

    def _apply_loaded(self, loaded: LoadedMedia, local: Path | None) -> None:
        self._reading, self._held_value = None, None
        self._local, self._data_uri, self._read_error = local, loaded.data_uri, loaded.error
        if local is None and loaded.data_uri is not None:
            self._edit.setText(describe_data_uri(loaded.data_uri))
        self._show_preview(loaded.size, loaded.preview)
        self.changed.emit()

    def has_work_in_flight(self) -> bool:
        """A file read or preview decode of this field is still running in the background."""
        owner = background()
        return owner.is_running((self, "read")) or owner.is_running((self, "preview"))

    def _start_change(self) -> int:
        """Drops any load in flight (its result will be ignored); returns the new generation."""
        self._generation += 1
        self._reading, self._held_value = None, None
        return self._generation

    def _show_text(self, text: str) -> None:
        self._edit.setText(text)
        self._use_typed_text()

    def _use_typed_text(self) -> None:
        self._start_change()
        self._output = self._overlay = None
        self._show_source_note("")
        self._local = self._data_uri = self._read_error = None
        self._show_preview(0, MediaPreview())
        self.changed.emit()

    def _show_embedded(self, uri: str) -> None:
        generation = self._start_change()
        self._output = self._overlay = None
        self._local, self._data_uri, self._read_error = None, uri, None
        self._edit.setText(describe_data_uri(uri))
        size = data_uri_size(uri)
        self._show_preview(size, MediaPreview())
        self.changed.emit()
        self._preview_later(uri, size, generation)

    def _preview_later(self, uri: str, size: int, generation: int) -> None:
        """Decodes an embedded image's thumbnail in a worker (inline without a loop)."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            self._show_preview(size, data_uri_preview(uri))
            return
        spawn(self._preview_in_worker(uri, size, generation), key=(self, "preview"))

    async def _preview_in_worker(self, uri: str, size: int, generation: int) -> None:
        preview = await asyncio.get_running_loop().run_in_executor(None, data_uri_preview, uri)
        if shiboken6.isValid(self) and generation == self._generation:
            self._show_preview(size, preview)

    def _on_text_edited(self, text: str) -> None:
        local = local_file_from_text(text)
        if local is not None:  # the typed path is not a value to send, even for a moment
            self._load(
                local.name, partial(load_local_file, local, self._kind.value), local, text, None
            )
        else:
            self._use_typed_text()

    def _on_choose_clicked(self) -> None:
        # open() instead of exec(): no nested event loop under qasync.
        # The folder of the last file chosen, else Pictures/Videos/Music by kind.
        folder = str(start_folder(OPEN, self._kind.value))
        dialog = QFileDialog(self, self._choose_title(), folder, file_filter(self._kind))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self._on_file_selected)
        self._dialog = dialog
        dialog.open()

    def _on_file_selected(self, name: str) -> None:
        if name:
            remember_folder(OPEN, Path(name))
            self.set_local_file(Path(name))

    def _show_status(self, text: str) -> None:
        self._status.setText(text)
        self._status.setVisible(bool(text))

    def _show_preview(self, size: int, preview: MediaPreview) -> None:
        large = size > LARGE_FILE_BYTES
        self._warning.setText(
            self.tr("Large file (%1): will be sent inline as a data URI").replace(
                "%1", size_text(size)
            )
            if large
            else ""
        )
        self._warning.setVisible(large)
        self._show_status(describe_preview(preview, size) if self._holds_file() else "")
        pixmap = self._thumbnail_pixmap(preview.thumbnail)
        if self._overlay is not None and self._overlay[0] == self._local:
            pixmap = self._scaled(self._overlay[1])
        badge = "" if not pixmap.isNull() else self._badge()
        self._thumb.setPixmap(pixmap)
        self._thumb.setText(badge)
        self._thumb.setToolTip(
            self.tr("Linked file: sent as a URL, not downloaded here") if badge == "URL" else ""
        )
        self._thumb.setVisible(not pixmap.isNull() or bool(badge))

    def _holds_file(self) -> bool:
        return self._local is not None or self._data_uri is not None

    def _badge(self) -> str:
        if self._data_uri is not None or self._local is not None:
            return "" if self._read_error else self._kind_word()
        return "URL" if self._edit.text().strip().lower().startswith(_LINK_PREFIXES) else ""

    def _choose_title(self) -> str:
        titles = {
            MediaKind.IMAGE: self.tr("Choose image file"),
            MediaKind.VIDEO: self.tr("Choose video file"),
            MediaKind.AUDIO: self.tr("Choose audio file"),
        }
        return titles.get(self._kind, self.tr("Choose file"))

    def _kind_word(self) -> str:
        return "" if self._kind is MediaKind.FILE else self._kind.value.upper()

    def _scaled(self, pixmap: QPixmap) -> QPixmap:
        ratio = self.devicePixelRatioF()
        side = round(THUMB_SIZE * ratio)
        scaled = pixmap.scaled(
            side,
            side,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        scaled.setDevicePixelRatio(ratio)
        return scaled

    def _thumbnail_pixmap(self, encoded: bytes | None) -> QPixmap:
        """The worker's encoded thumbnail at the shown size (sharp on HiDPI screens)."""
        image = QImage.fromData(encoded) if encoded else QImage()
        if image.isNull():
            return QPixmap()
        ratio = self.devicePixelRatioF()
        box = QSize(round(THUMB_SIZE * ratio), round(THUMB_SIZE * ratio))
        if image.width() > box.width() or image.height() > box.height():
            image = image.scaled(
                box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        return pixmap
