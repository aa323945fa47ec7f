"""The studio window's right-hand preview: one task's outputs, stepped through one at a time.

The video and audio views (Qt Multimedia) are built the first time an output needs them: the
window paints without them (start-up, issue 12). Once a video or audio task is under way,
``prepare_player()`` loads Qt Multimedia in a worker thread and builds the view in a turn of the
loop of its own, so that the first such output does not stall the window (see
studio.ui.preview.players).
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.ui.i18n.core_words import kind_word
from studio.ui.preview.image_view import ImageView
from studio.ui.preview.item import PreviewItem, PreviewKind
from studio.ui.preview.media_icons import MediaGlyph, media_icon
from studio.ui.preview.saving import SaveAsFlow
from studio.ui.preview.text_view import TextView
from studio.ui.theme import follow_theme

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QHideEvent, QKeyEvent

    from studio.ui.preview.audio_view import AudioView
    from studio.ui.preview.video_view import VideoView

log = logging.getLogger("studio.ui")

STATUS_MS = 3000
_STEP_KEYS = {
    Qt.Key.Key_Left: -1,
    Qt.Key.Key_PageUp: -1,
    Qt.Key.Key_Right: 1,
    Qt.Key.Key_PageDown: 1,
}
_MEDIA_KINDS = frozenset({PreviewKind.IMAGE, PreviewKind.VIDEO, PreviewKind.AUDIO})
_PLAYER_KINDS = frozenset({PreviewKind.VIDEO, PreviewKind.AUDIO})


class PreviewPane(QWidget):
    """Shows a task's outputs with previous/next, "Save as…", "Open folder" and "Copy URL".

    Signals:
        current_changed(int): index of the output now shown in the last show_outputs() list;
            -1 after clear().
        file_saved(str): "Save as…" wrote this path.
        save_failed(str): "Save as…" could not write; the message says why.
        send_requested(object, object): "Send to…" for this output file (Path, QPoint to open at).
        frames_requested(object): "Frames…" for this video file (Path).
        extend_requested(object): "Extend shot" for this video file (Path).
        stepped(int): the user stepped to this output (previous/next button or key).

    Keys while focus is inside the pane: Left/Right (or Page Up/Down) step through the outputs;
    the image and media views add their own (see ImageCanvas, VideoView, AudioView).
    """

    current_changed = Signal(int)
    file_saved = Signal(str)
    save_failed = Signal(str)
    send_requested = Signal(object, object)
    frames_requested = Signal(object)
    extend_requested = Signal(object)
    stepped = Signal(int)

    def __init__(self, parent: QWidget | None = None, *, autoplay_video: bool = True) -> None:
        super().__init__(parent)
        self._autoplay_video = autoplay_video
        self._items: tuple[PreviewItem, ...] = ()
        self._index = -1
        self._saver = SaveAsFlow(self)
        self._saver.saved.connect(self._on_saver_saved)
        self._saver.failed.connect(self._on_saver_failed)
        self._image_view = ImageView(self)
        self._video_view: VideoView | None = None  # built when first needed
        self._audio_view: AudioView | None = None
        self._text_view = TextView(self)
        self._placeholder = QLabel(self.tr("Select a finished task to preview its outputs."), self)
        self._placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._placeholder.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._stack = QStackedWidget(self)
        for view in (self._placeholder, self._image_view, self._text_view):
            self._stack.addWidget(view)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._build_header())
        layout.addWidget(self._stack, 1)
        layout.addLayout(self._build_actions())
        layout.addWidget(self._build_notice())
        self._status_timer.timeout.connect(self.status_label.clear)
        self._refresh_chrome()
        follow_theme(self._on_theme_changed)

    def _build_header(self) -> QHBoxLayout:
        self.previous_button = self._tool_button(self.tr("Previous output (Left)"))
        self.next_button = self._tool_button(self.tr("Next output (Right)"))
        self.counter_label = QLabel(self)
        self.title_label = QLabel(self)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        header = QHBoxLayout()
        header.setContentsMargins(4, 4, 4, 0)
        header.addWidget(self.title_label, 1)
        header.addWidget(self.previous_button)
        header.addWidget(self.counter_label)
        header.addWidget(self.next_button)
        return header

    def _build_actions(self) -> QHBoxLayout:
        self.save_button = self._tool_button(
            self.tr("Save a copy of this output (Ctrl+S)"), self.tr("Save as…")
        )
        self.open_folder_button = self._tool_button(
            self.tr("Show the file's folder"), self.tr("Open folder")
        )
        self.copy_url_button = self._tool_button(
            self.tr("Copy the output's remote URL"), self.tr("Copy URL")
        )
        self.status_label = QLabel(self)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.status_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.send_button = self._tool_button(
            self.tr("Use this output as another model's input (Ctrl+T)"), self.tr("Send to…")
        )
        self.extend_button = self._tool_button(
            self.tr("Continue the shot: its last frame into an image-to-video model (Ctrl+E)"),
            self.tr("Extend shot"),
        )
        self.frames_button = self._tool_button(
            self.tr("Pick a frame of this video as an image (Ctrl+Shift+F)"), self.tr("Frames…")
        )
        self.save_button.clicked.connect(self.save_current_as)
        self.open_folder_button.clicked.connect(self.open_current_folder)
        self.copy_url_button.clicked.connect(self.copy_current_url)
        self.send_button.clicked.connect(self.send_current)
        self.extend_button.clicked.connect(self.extend_current)
        self.frames_button.clicked.connect(self.frames_of_current)
        for keys, what, slot in (("Ctrl+T", self.tr("Send to…"), self.send_current),
                                 ("Ctrl+E", self.tr("Extend shot"), self.extend_current),
                                 ("Ctrl+Shift+F", self.tr("Pick a frame…"),
                                  self.frames_of_current)):  # fmt: skip
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(what)  # the shortcut sheet lists it
            shortcut.activated.connect(slot)
        # The file actions show as icons (their words are in the tooltips) so that the row still
        # fits the narrow preview of a 1024-pixel window next to the creative actions.
        icons = (
            (self.save_button, QStyle.StandardPixmap.SP_DialogSaveButton),
            (self.open_folder_button, QStyle.StandardPixmap.SP_DirOpenIcon),
            (self.copy_url_button, QStyle.StandardPixmap.SP_FileLinkIcon),
        )
        for button, pixmap in icons:
            button.setIcon(self.style().standardIcon(pixmap))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
            button.setToolTip(f"{button.text()}: {button.toolTip()}")
        actions = QHBoxLayout()
        actions.setContentsMargins(4, 0, 4, 4)
        for button in (self.send_button, self.extend_button, self.frames_button):
            actions.addWidget(button)
        for button in (self.save_button, self.open_folder_button, self.copy_url_button):
            actions.addWidget(button)
        actions.addWidget(self.status_label, 1)
        return actions

    def _build_notice(self) -> QLabel:
        """A message that stays until the output changes, e.g. where a file is when we cannot
        open it; selectable so the folder can be copied."""
        self.notice_label = QLabel(self)
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        self.notice_label.setWordWrap(True)
        self.notice_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notice_label.setContentsMargins(4, 0, 4, 4)
        self.notice_label.hide()
        return self.notice_label

    def _tool_button(self, tip: str, text: str = "") -> QToolButton:
        button = QToolButton(self)
        button.setToolTip(tip)
        button.setText(text)
        button.setAutoRaise(True)
        return button

    def _on_theme_changed(self, _dark: bool) -> None:
        colour = self.palette().color(QPalette.ColorRole.ButtonText)
        self.previous_button.setIcon(media_icon(MediaGlyph.PREVIOUS, colour))
        self.next_button.setIcon(media_icon(MediaGlyph.NEXT, colour))

    # -- public API ----------------------------------------------------------------------------

    @property
    def image_view(self) -> ImageView:
        return self._image_view

    @property
    def video_view(self) -> VideoView:
        if self._video_view is None:
            from studio.ui.preview.video_view import VideoView  # see the module docstring

            self._video_view = VideoView(self)
            self._stack.addWidget(self._video_view)
        return self._video_view

    async def prepare_player(self, kind: PreviewKind) -> None:
        """Readies the video or audio view before an output of that kind arrives: Qt
        Multimedia loaded in a worker thread, then the view built (~15 ms) on its own."""
        from studio.ui.preview.players import load_player_libraries

        if kind not in _PLAYER_KINDS or self._player_view(kind) is not None:
            return
        try:
            await asyncio.to_thread(load_player_libraries)
        except (ImportError, OSError):  # the output's own view will say what is missing
            log.warning("Qt Multimedia could not be loaded ahead", exc_info=True)
            return
        await asyncio.sleep(0)  # whatever waited for the loop goes first
        _ = self.video_view if kind == PreviewKind.VIDEO else self.audio_view

    def _player_view(self, kind: PreviewKind) -> QWidget | None:
        return self._video_view if kind == PreviewKind.VIDEO else self._audio_view

    @property
    def audio_view(self) -> AudioView:
        if self._audio_view is None:
            from studio.ui.preview.audio_view import AudioView  # see the module docstring

            self._audio_view = AudioView(self)
            self._stack.addWidget(self._audio_view)
        return self._audio_view

    @property
    def text_view(self) -> TextView:
        return self._text_view

    def show_outputs(self, items: Sequence[PreviewItem]) -> None:
        """Show these outputs, starting with the first; an empty list is the same as clear().

        The same outputs again (a newer snapshot of the same job) change nothing: a playing
        video keeps playing where it is.
        """
        if tuple(items) == self._items and self._items:
            return
        self._items = tuple(items)
        if not self._items:
            self.clear()
            return
        self._index = -1
        self.show_index(0)

    def clear(self) -> None:
        self._stop_media()
        self._image_view.clear()
        self._items = ()
        self._index = -1
        self._stack.setCurrentWidget(self._placeholder)
        self._refresh_chrome()
        self.current_changed.emit(-1)

    def current_item(self) -> PreviewItem | None:
        return self._items[self._index] if 0 <= self._index < len(self._items) else None

    def current_index(self) -> int:
        return self._index

    def count(self) -> int:
        return len(self._items)

    def show_index(self, index: int) -> None:
        if not 0 <= index < len(self._items) or index == self._index:
            return
        self._index = index
        self._stop_media()
        self._stack.setCurrentWidget(self._present(self._items[index]))
        self._refresh_chrome()
        self.current_changed.emit(index)

    def show_next(self) -> None:
        self.show_index(self._index + 1)

    def show_previous(self) -> None:
        self.show_index(self._index - 1)

    def step(self, by: int) -> None:
        """The user's previous/next: shows that output and says so (``stepped``)."""
        before = self._index
        self.show_index(self._index + by)
        if self._index != before:
            self.stepped.emit(self._index)

    def current_widget(self) -> QWidget | None:
        return self._stack.currentWidget()

    # -- presenting ----------------------------------------------------------------------------

    def _present(self, item: PreviewItem) -> QWidget:
        if item.kind in _MEDIA_KINDS and (item.path is None or not item.path.is_file()):
            self._text_view.show_message(self._missing_file_text(item))
            return self._text_view
        if item.path is not None:
            if item.kind == PreviewKind.IMAGE:
                self._image_view.load(item.path)
                return self._image_view
            if item.kind == PreviewKind.VIDEO:
                self.video_view.load(item.path, autoplay=self._autoplay_video)
                return self.video_view
            if item.kind == PreviewKind.AUDIO:
                self.audio_view.load(item.path)
                return self.audio_view
        self._text_view.show_item(item)
        return self._text_view

    @staticmethod
    def _missing_file_text(item: PreviewItem) -> str:
        # With no file, an item's text explains why (e.g. the download error).
        lines = [
            item.text
            or QCoreApplication.translate("PreviewPane", "This output is not downloaded yet.")
        ]
        if item.url:
            lines.append(f"\n{item.url}")
        return "\n".join(lines)

    def _stop_media(self) -> None:
        if self._video_view is not None:
            self._video_view.stop()
        if self._audio_view is not None:
            self._audio_view.stop()

    def _refresh_chrome(self) -> None:
        item = self.current_item()
        self.notice_label.clear()
        self.notice_label.hide()
        several = len(self._items) > 1
        for widget in (self.previous_button, self.counter_label, self.next_button):
            widget.setVisible(several)
        self.counter_label.setText(f"{self._index + 1} / {len(self._items)}" if several else "")
        self.previous_button.setEnabled(self._index > 0)
        self.next_button.setEnabled(self._index < len(self._items) - 1)
        self.title_label.setText(self._title_of(item))
        self.title_label.setToolTip(str(item.path or item.url or "") if item else "")
        has_file = item is not None and item.path is not None
        self.save_button.setEnabled(has_file or (item is not None and item.text is not None))
        self.open_folder_button.setEnabled(has_file)
        self.copy_url_button.setEnabled(item is not None and bool(item.url))
        media = has_file and item is not None and item.kind in _MEDIA_KINDS
        video = has_file and item is not None and item.kind == PreviewKind.VIDEO
        self.send_button.setEnabled(media)
        self.extend_button.setVisible(video)
        self.frames_button.setVisible(video)

    @staticmethod
    def _title_of(item: PreviewItem | None) -> str:
        if item is None:
            return ""
        return item.title or (item.path.name if item.path else kind_word(item.kind).capitalize())

    # -- actions -------------------------------------------------------------------------------

    def save_current_as(self) -> None:
        """Open a non-blocking "Save as" dialog; the copy happens when a file is chosen."""
        item = self.current_item()
        if item is None:
            return
        self._saver.start(item)

    def open_current_folder(self) -> None:
        """Show the file's folder; with no file manager to do it, say where the file is."""
        item = self.current_item()
        if item is None or item.path is None:
            return
        folder = item.path.parent
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._show_notice(
                self.tr("Could not open a file manager. The file is in %1").replace(
                    "%1", str(folder)
                )
            )

    def send_current(self) -> None:
        item = self.current_item()
        if item is not None and item.path is not None and item.kind in _MEDIA_KINDS:
            where = self.send_button.mapToGlobal(self.send_button.rect().bottomLeft())
            self.send_requested.emit(item.path, where)

    def extend_current(self) -> None:
        item = self.current_item()
        if item is not None and item.path is not None and item.kind == PreviewKind.VIDEO:
            self.extend_requested.emit(item.path)

    def frames_of_current(self) -> None:
        item = self.current_item()
        if item is not None and item.path is not None and item.kind == PreviewKind.VIDEO:
            self.frames_requested.emit(item.path)

    def notice_text(self) -> str:
        """The standing message under the actions ("" when none is shown)."""
        return self.notice_label.text() if self.notice_label.isVisibleTo(self) else ""

    def copy_current_url(self) -> None:
        item = self.current_item()
        if item is not None and item.url:
            QGuiApplication.clipboard().setText(item.url)
            self._show_status(self.tr("URL copied"))

    def _on_saver_saved(self, target: str) -> None:
        self._show_status(self.tr("Saved %1").replace("%1", Path(target).name))
        self.file_saved.emit(target)

    def _on_saver_failed(self, target: str, error: str) -> None:
        could_not = self.tr("Could not save %1: %2").replace("%2", error)
        self._show_status(could_not.replace("%1", Path(target).name))
        self.save_failed.emit(could_not.replace("%1", str(target)))

    def _show_notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.show()

    def _show_status(self, text: str) -> None:
        self.status_label.setText(text)
        self._status_timer.start(STATUS_MS)

    # -- Qt events -----------------------------------------------------------------------------

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = _STEP_KEYS.get(Qt.Key(event.key()))
        if step is not None and self._items:
            self.step(step)
            event.accept()
        else:
            super().keyPressEvent(event)

    @override
    def hideEvent(self, event: QHideEvent) -> None:
        if self._video_view is not None:
            self._video_view.pause()
        if self._audio_view is not None:
            self._audio_view.pause()
        if not event.spontaneous():  # the user left this view: its message was about it
            self.notice_label.hide()
        super().hideEvent(event)
