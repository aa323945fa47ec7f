"""The window's keyboard ways in: go to the prompt, the queue or the gallery's search, save the
output on show, and the shortcut sheet. Each is a menu action, so the menus show its keys."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from collections.abc import Callable

    from studio.ui.keyboard.sheet import ShortcutSheet
    from studio.ui.main_window import MainWindow
    from studio.ui.preview import PreviewPane

PROMPT_KEYS = "Ctrl+P"
QUEUE_KEYS = "Ctrl+J"
GALLERY_SEARCH_KEYS = "Ctrl+G"
SAVE_KEYS = "Ctrl+S"
HELP_KEYS = "Ctrl+/"  # beside the platform's help key (F1)


class KeyboardActions(QObject):
    """Actions owned by the window; the window puts them in its menus."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.sheet: ShortcutSheet | None = None
        self.prompt = self._action(self.tr("Go to the &prompt"), self.focus_prompt, PROMPT_KEYS)
        self.queue = self._action(self.tr("Go to the &queue"), self.focus_queue, QUEUE_KEYS)
        self.gallery_search = self._action(
            self.tr("Search the gall&ery"), self.focus_gallery_search, GALLERY_SEARCH_KEYS
        )
        self.save_output = self._action(self.tr("&Save output as…"), self.save_output_as, SAVE_KEYS)
        self.save_output.setToolTip(self.tr("Save a copy of the output on show"))
        self.shortcuts = self._action(
            self.tr("&Keyboard shortcuts"),
            self.show_sheet,
            QKeySequence(QKeySequence.StandardKey.HelpContents),
            HELP_KEYS,
        )

    def _action(self, text: str, slot: Callable[[], None], *keys: str | QKeySequence) -> QAction:
        action = QAction(text, self._window)
        action.setShortcuts([QKeySequence(k) for k in keys])
        action.triggered.connect(slot)
        return action

    def focus_prompt(self) -> None:
        """The cursor into the prompt of the endpoint on the page (once its form is built)."""
        self._window.show_create()
        self._window.endpoint_page.focus_form()

    def focus_queue(self) -> None:
        """Focus the queue; with no task chosen yet, the newest one."""
        self._window.show_create()
        jobs = self._window.queue.list
        model = jobs.model()
        if not jobs.currentIndex().isValid() and model is not None and model.rowCount() > 0:
            jobs.setCurrentIndex(model.index(0, 0))
        jobs.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_gallery_search(self) -> None:
        self._window.show_gallery()
        search = self._window.gallery.filter_bar.search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()

    def preview_in_front(self) -> PreviewPane:
        """The preview of the tab in front: the gallery's own, else the Create tab's."""
        window = self._window
        gallery = window.built_gallery  # never built just to be asked
        if gallery is not None and window.modes.currentWidget() is gallery:
            return gallery.detail.preview
        return window.preview

    def save_output_as(self) -> None:
        """ "Save as…" for the output the preview in front shows (a non-blocking file dialog)."""
        preview = self.preview_in_front()
        if preview.current_item() is None:
            self._window.statusBar().showMessage(
                self.tr("Nothing to save yet: choose a finished task or an output first."), 4000
            )
            return
        preview.save_current_as()

    def show_sheet(self) -> None:
        """The shortcut sheet, built now from the window's real actions (opened with open()).

        all_shortcuts() builds the Compare and Gallery tabs when they have not been shown yet
        (their keys live in them): the first F1 pays for that, start-up does not."""
        from studio.ui.keyboard.catalog import all_shortcuts  # imported at the first F1 only
        from studio.ui.keyboard.sheet import ShortcutSheet

        if self.sheet is not None:
            self.sheet.close()
        sheet = ShortcutSheet(all_shortcuts(self._window), self._window)
        sheet.destroyed.connect(self._forget_sheet)
        self.sheet = sheet
        sheet.open()

    def _forget_sheet(self) -> None:
        self.sheet = None
