"""What the gallery's actions do: star, trash with undo, restore, empty, export, open, recall.

Every library call runs in a worker thread. Writes (star, trash, undo, restore, empty) take their
turn one after the other, each followed by reading again the rows it changed (the library says
which), so the next one acts on the rows the last left.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from studio.core.library import (
    ExportResult,
    GalleryItem,
    LibraryError,
    RecallMode,
    TrashToken,
    make_recall,
)
from studio.core.media import read_metadata
from studio.ui.background import spawn
from studio.ui.banner import VIEW_CONTEXT

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Coroutine

    from studio.ui.gallery.actions import GalleryActions
    from studio.ui.gallery.panel import GalleryPanel


class GalleryCommands(QObject):
    """Acts on the panel's selection; slow work (export, emptying, reading files) in a thread."""

    def __init__(self, panel: GalleryPanel) -> None:
        super().__init__(panel)
        self._panel = panel
        self._library = panel.library
        self._last_trash: TrashToken | None = None
        self._undo_banner_shown = False
        self._writes = asyncio.Lock()  # one write (and its refresh) at a time, in order
        self._running: set[asyncio.Task[Any]] = set()
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.confirm_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None

    def connect_actions(self, actions: GalleryActions) -> None:
        actions.star.triggered.connect(self.toggle_star)
        actions.trash.triggered.connect(self.trash_selection)
        actions.undo_trash.triggered.connect(self.undo_last_trash)
        actions.restore.triggered.connect(self.restore_selection)
        actions.empty_trash.triggered.connect(self.ask_empty_trash)
        actions.open_file.triggered.connect(self.open_current_file)
        actions.open_folder.triggered.connect(self.open_current_folder)
        actions.export_folder.triggered.connect(lambda: self.ask_export(as_zip=False))
        actions.export_zip.triggered.connect(lambda: self.ask_export(as_zip=True))
        actions.remix.triggered.connect(lambda: self.recall(RecallMode.REMIX))
        actions.use_all.triggered.connect(lambda: self.recall(RecallMode.USE_ALL))
        actions.use_prompt.triggered.connect(lambda: self.recall(RecallMode.USE_PROMPT))

    # --- curation ------------------------------------------------------------------------------

    def toggle_star(self) -> None:
        """Star the selection, or unstar it when every selected item is already starred."""
        ids = self._panel.selected_ids()
        if ids:
            self._write(lambda: self._toggle_star(ids))

    async def _toggle_star(self, ids: list[int]) -> None:
        # Decided in turn, on the rows as earlier writes left them: S pressed twice toggles twice.
        model = self._panel.model
        ids = [output_id for output_id in ids if model.row_of(output_id) is not None]
        if not ids:
            return
        on = not all(model.is_starred(output_id) for output_id in ids)
        changed = await asyncio.to_thread(self._library.set_favourite, ids, on)
        self._hide_undo_banner()
        if model.filter().favourites_only and not on:
            await self._panel.updated(changed)
        else:
            model.set_favourite_flags(changed, on)
            self._panel.detail.show_item(self._panel.current_item())

    def trash_selection(self) -> None:
        ids = self._panel.selected_ids()
        if not ids or self._panel.in_trash_view():
            return
        next_row = min(self._panel.model.row_of(output_id) or 0 for output_id in ids)
        self._write(lambda: self._trash(ids, next_row))

    async def _trash(self, ids: list[int], next_row: int) -> None:
        token = await asyncio.to_thread(self._library.trash, ids)
        if not token.output_ids:
            return  # already in the trash (Delete pressed twice): keep the undo of the first
        self._last_trash = token
        await self._panel.updated(token.output_ids)
        self._select_row(next_row)  # the selection moves on to the next tile
        self._show_undo_banner(len(token.output_ids))

    def _show_undo_banner(self, count: int) -> None:
        noun = "output" if count == 1 else "outputs"
        self._say(f"Moved {count} {noun} to the trash.", action="Undo")
        self._undo_banner_shown = True

    def _hide_undo_banner(self) -> None:
        """Another action came after the trashing: its banner would now be stale."""
        if self.undo_banner_up():
            self._panel.banner.hide()
        self._undo_banner_shown = False

    def undo_banner_up(self) -> bool:
        """The banner now offers to undo the last trashing (not dismissed, not replaced)."""
        return self._undo_banner_shown and not self._panel.banner.isHidden()

    def _say(self, text: str, *, level: str = "info", action: str = "") -> None:
        """Every gallery message goes here, so the banner's undo state stays true.

        A message without an action ("Exported…") belongs to this visit of the gallery: it closes
        when the user leaves it. The trash's Undo stays while it can still be used.
        """
        self._undo_banner_shown = False
        context = "" if action else VIEW_CONTEXT
        self._panel.banner.show_message(text, level=level, action=action, context=context)

    def can_undo_trash(self) -> bool:
        return self._last_trash is not None

    def undo_last_trash(self) -> None:
        token, self._last_trash = self._last_trash, None
        if token is None:
            return
        self._hide_undo_banner()
        self._write(lambda: self._undo_trash(token))

    async def _undo_trash(self, token: TrashToken) -> None:
        try:
            restored = await asyncio.to_thread(self._library.undo_trash, token)
        except BaseException:
            if self._last_trash is None:
                self._last_trash = token  # not undone: Ctrl+Z may try again
            raise
        await self._panel.updated(restored)

    def restore_selection(self) -> None:
        """Restore the selection; what is left to undo of the last trashing is said again."""
        ids = self._panel.selected_ids()
        if ids:
            self._write(lambda: self._restore(ids))

    async def _restore(self, ids: list[int]) -> None:
        restored = set(await asyncio.to_thread(self._library.restore, ids))
        token = self._last_trash
        left = () if token is None else tuple(i for i in token.output_ids if i not in restored)
        if token is not None and left:
            self._last_trash = TrashToken(left, token.trashed_at)
            if self.undo_banner_up():
                self._show_undo_banner(len(left))
        else:
            self._last_trash = None
            self._hide_undo_banner()
        await self._panel.updated(restored)

    def ask_empty_trash(self) -> None:
        box = QMessageBox(self._panel)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle("Empty trash")
        box.setText("Delete everything in the trash for good? The files are removed too.")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.accepted.connect(lambda: self._spawn(self.empty_trash(), "empty"))
        box.finished.connect(box.deleteLater)
        self.confirm_box = box
        box.open()

    async def empty_trash(self) -> int:
        async with self._writes:
            removed = await asyncio.to_thread(self._library.empty_trash)
            self._last_trash = None
            self._hide_undo_banner()
            await self._panel.refreshed()
        return len(removed)

    # --- files ---------------------------------------------------------------------------------

    def ask_export(self, *, as_zip: bool) -> None:
        ids = self._panel.selected_ids()
        if not ids:
            return
        dialog = QFileDialog(self._panel, "Export as zip" if as_zip else "Export to folder")
        if as_zip:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setNameFilter("Zip archives (*.zip)")
            dialog.setDefaultSuffix("zip")
            dialog.selectFile("gallery-export.zip")
        else:
            dialog.setFileMode(QFileDialog.FileMode.Directory)
            dialog.setOption(QFileDialog.Option.ShowDirsOnly)
        dialog.fileSelected.connect(
            lambda chosen: self._spawn(self.export(ids, Path(chosen), as_zip=as_zip))
        )
        dialog.finished.connect(dialog.deleteLater)
        self.file_dialog = dialog
        dialog.open()

    async def export(self, output_ids: list[int], dest: Path, *, as_zip: bool) -> ExportResult:
        result = await asyncio.to_thread(self._library.export, output_ids, dest, as_zip=as_zip)
        copied = len(output_ids) - len(result.missing)
        text = f"Exported {copied} of {len(output_ids)} to {dest}."
        if result.missing:
            text += f" {len(result.missing)} had no file on disk."
        self._say(text)
        return result

    def open_item(self, item: GalleryItem) -> None:
        if item.file is not None:
            self.open_url(QUrl.fromLocalFile(str(item.file)))

    def open_current_file(self) -> None:
        item = self._panel.current_item()
        if item is not None:
            self.open_item(item)

    def open_current_folder(self) -> None:
        item = self._panel.current_item()
        if item is not None and item.file is not None:
            self.open_url(QUrl.fromLocalFile(str(item.file.parent)))

    # --- recall --------------------------------------------------------------------------------

    def recall(self, mode: RecallMode) -> None:
        item = self._panel.current_item()
        if item is not None:
            self._spawn(self._recall(item.id, mode), "recall")

    async def _recall(self, output_id: int, mode: RecallMode) -> None:
        try:
            recalled = await asyncio.to_thread(self._library.recall, output_id, mode)
        except LibraryError as error:
            self.show_error(str(error))
            return
        self._panel.recall_requested.emit(recalled)

    def recall_from_dropped_file(self, path: str) -> None:
        self._spawn(self.recall_from_file(Path(path)), "drop")

    async def recall_from_file(self, path: Path) -> bool:
        """Read a file's stored request off the GUI thread; emit it as "Use all"."""
        try:
            request = await asyncio.to_thread(read_metadata, path)
        except OSError as error:
            self.show_error(f"Could not read {path.name}: {error}")
            return False
        if request is None or not request.get("input"):
            self._say(f"{path.name} has no Mountsea Studio parameters to recall.", level="warning")
            return False
        recalled = make_recall(str(request.get("endpoint") or ""), request["input"], "use_all")
        self._panel.recall_requested.emit(recalled)
        return True

    # --- helpers -------------------------------------------------------------------------------

    def _select_row(self, row: int) -> None:
        model = self._panel.model
        if model.rowCount() == 0:
            return
        index = model.index(min(row, model.rowCount() - 1))
        self._panel.grid.setCurrentIndex(index)

    def show_error(self, text: str) -> None:
        """A failure of the gallery's own work, in the panel's banner."""
        self._say(text, level="error")

    def running(self) -> set[asyncio.Task[Any]]:
        """The commands' coroutines still on their way."""
        return set(self._running)

    async def aclose(self) -> None:
        tasks = self.running()
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.wait(tasks)

    def _write(self, work: Callable[[], Awaitable[None]]) -> None:
        """Run a write after the ones before it (the coroutine is made when its turn comes)."""
        self._spawn(self._in_turn(work))

    async def _in_turn(self, work: Callable[[], Awaitable[None]]) -> None:
        async with self._writes:
            await work()

    def _spawn(self, work: Coroutine[Any, Any, Any], what: str = "") -> None:
        task = spawn(work, key=(self, what) if what else None, on_error=self.show_error)
        self._running.add(task)
        task.add_done_callback(self._running.discard)
