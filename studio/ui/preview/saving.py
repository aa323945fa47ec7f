"""The "Save as…" flow for an output: a non-blocking file dialog, then a copy on a worker thread."""

from __future__ import annotations

import asyncio
import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from studio.ui.background import spawn_if_running
from studio.ui.file_folders import SAVE, remember_folder, start_folder
from studio.ui.preview.save_target import (
    file_suffix,
    name_filters,
    suggested_file_name,
)

if TYPE_CHECKING:
    from studio.ui.preview.item import PreviewItem

_log = logging.getLogger(__name__)


def write_output_copy(source: Path | None, text: str | None, target: Path) -> None:
    """Copy an output file (or write its text) to `target`; blocking, plain data only."""
    if source is not None:
        if source.resolve() != target.resolve():
            shutil.copyfile(source, target)
    else:
        target.write_text(text or "", encoding="utf-8")


class SaveAsFlow(QObject):
    """One "Save as…" at a time for a dialog parent; starts in the last folder saved to (kept
    for the next start), else the user's folder for the output's kind.

    Signals:
        saved(str): the copy was written to this path.
        failed(str, str): the target path and why it could not be written.
    """

    saved = Signal(str)
    failed = Signal(str, str)

    def __init__(self, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._dialog_parent = dialog_parent
        self._item: PreviewItem | None = None

    def start(self, item: PreviewItem) -> None:
        """Open the dialog with .open() (never exec: we may be inside a coroutine)."""
        dialog = QFileDialog(self._dialog_parent, self.tr("Save output as"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.setNameFilters(name_filters(item))
        dialog.setDefaultSuffix(file_suffix(item))
        dialog.setDirectory(str(start_folder(SAVE, item.kind)))
        dialog.selectFile(suggested_file_name(item))
        dialog.fileSelected.connect(self._on_dialog_file_selected)
        dialog.finished.connect(dialog.deleteLater)
        self._item = item
        dialog.open()

    def _on_dialog_file_selected(self, target: str) -> None:
        item, self._item = self._item, None
        if item is None or not target:
            return
        path = Path(target)
        remember_folder(SAVE, path.parent)
        # No key: one save never cancels another. The copy never runs on the GUI thread.
        task = spawn_if_running(
            self._copy_in_thread(item, path),
            on_error=lambda message: self._report_if_alive(path, message),
        )
        if task is None:
            self._report(path, self.tr("saving needs the application's event loop"))

    async def _copy_in_thread(self, item: PreviewItem, target: Path) -> None:
        error = await asyncio.to_thread(_copy_reporting_error, item, target)
        self._report_if_alive(target, error)

    def _report_if_alive(self, target: Path, error: str | None) -> None:
        if shiboken6.isValid(self):
            self._report(target, error)

    def _report(self, target: Path, error: str | None) -> None:
        if error is None:
            self.saved.emit(str(target))
        else:
            _log.warning("saving %s failed: %s", target, error)
            self.failed.emit(str(target), error)


def _copy_reporting_error(item: PreviewItem, target: Path) -> str | None:
    try:
        write_output_copy(item.path, item.text, target)
    except OSError as exc:
        return str(exc.strerror or exc)
    return None
