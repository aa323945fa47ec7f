"""The gallery panel: filter bar, thumbnail grid, count, undo banner and detail pane, wired.

The library is only ever asked in a worker thread (rows by the model, the filter bar's model and
endpoint lists here, curation by the commands); ``settled()`` awaits whatever is on its way.

Signals:
    recall_requested(object) — a Recall (Remix / Use all / Use prompt, or a dropped file).
    detail_requested(object) — the user activated a GalleryItem (double-click or Enter).
    send_requested(list, object) — Send to… for these output ids (at this QPoint, or None).
    frames_requested(list), extend_requested(list) — Frames… / Extend shot for these ids.
    comparison_requested(str) — the detail's link to the comparison an output came from.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.core.library import OutputFilter
from studio.ui.background import spawn
from studio.ui.banner import VIEW_CONTEXT, Banner
from studio.ui.chain.outputs_drag import dragged_outputs
from studio.ui.gallery.action_bar import ActionBar
from studio.ui.gallery.actions import make_actions
from studio.ui.gallery.commands import GalleryCommands
from studio.ui.gallery.detail import DetailPane
from studio.ui.gallery.filter_bar import FilterBar, is_narrowed
from studio.ui.gallery.grid import GalleryGrid
from studio.ui.gallery.model import GalleryModel, GalleryRole
from studio.ui.gallery.thumbs import ThumbnailLoader
from studio.ui.plural import english_plural

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Iterable

    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QDragEnterEvent, QDropEvent, QHideEvent, QShowEvent

    from studio.core.chain import Lineage
    from studio.core.library import ComparisonRecord, GalleryItem, Library

    ComparisonLookup = Callable[[str], Awaitable[ComparisonRecord | None]]


_TAKE_ARRIVED = QEvent.Type(QEvent.registerEventType())  # see GalleryPanel.showEvent
FIRST_PAGE_WAIT_S: Final = 0.03  # the longest showing an empty panel waits for its first page


@dataclass(frozen=True)
class _ViewState:
    """What a refresh keeps: the rows' filter, the scroll position, the selection by output id."""

    output_filter: OutputFilter
    scroll: int
    selected: list[int]
    current: int | None


def _read_sources(library: Library) -> tuple[list[str], list[str]]:
    """The filter bar's model and endpoint names; runs in a worker thread."""
    return library.distinct_models(), library.distinct_endpoints()


def empty_message(trash_view: bool, narrowed: bool) -> str:
    """What an empty grid says: why it is empty and, when filters hide outputs, the way out."""
    if narrowed:
        where = (
            QCoreApplication.translate("GalleryPanel", "Nothing in the trash matches")
            if trash_view
            else QCoreApplication.translate("GalleryPanel", "No outputs match")
        )
        clear = QCoreApplication.translate("GalleryPanel", "clear filters")
        return f'{where} — <a href="clear">{clear}</a>'
    if trash_view:
        return QCoreApplication.translate("GalleryPanel", "Trash is empty")
    return QCoreApplication.translate(
        "GalleryPanel", "No outputs yet: everything you generate appears here."
    )


class GalleryPanel(QWidget):
    """Everything the user sees of the library's outputs; see the module docstring for signals."""

    recall_requested = Signal(object)
    detail_requested = Signal(object)
    send_requested = Signal(list, object)
    frames_requested = Signal(list)
    extend_requested = Signal(list)
    comparison_requested = Signal(str)

    def __init__(
        self,
        library: Library,
        parent: QWidget | None = None,
        *,
        loader: ThumbnailLoader | None = None,
    ) -> None:
        """``loader``: thumbnails shared with another view (the queue's), else its own."""
        super().__init__(parent)
        self.library = library
        self.views = QTabWidget()
        self._comparison_lookup: ComparisonLookup | None = None
        self.loader = loader if loader is not None else ThumbnailLoader(self)
        self.model = GalleryModel(library, self.loader, self)
        # The first page is read while the widgets are built (a new bar shows every output).
        self.model.set_filter(OutputFilter())
        self.filter_bar = FilterBar()
        self.grid = GalleryGrid(self.loader)
        self.grid.setModel(self.model)
        self.gallery_actions = make_actions(self.grid)
        self.menu = self.gallery_actions.context_menu(self)
        self.count_label = QLabel()
        self.banner = Banner()
        self.detail = DetailPane(self.loader)
        # Where an output's family comes from (the session's lineage(), set by the app).
        self.lineage_of: Callable[[int], Awaitable[Lineage]] | None = None
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.toolbar = self._make_toolbar()
        self.commands = GalleryCommands(self)
        self.model.on_error = self.commands.show_error
        self._sources: asyncio.Task[None] | None = None
        self._lineage_task: asyncio.Task[None] | None = None
        self._kept: _ViewState | None = None
        self._full_item_task: asyncio.Task[None] | None = None
        # Jobs whose outputs were recorded while the panel was hidden: read when it shows
        # (None in it: changes nobody named, so everything is read again).
        self._missed: set[str | None] = set()
        self.model.set_keep(self._keeps_rows)
        self._lay_out()
        self._connect()
        self.setAcceptDrops(True)
        self._refresh_sources()
        self._update_actions()

    def _make_toolbar(self) -> ActionBar:
        actions = self.gallery_actions
        return ActionBar(
            [
                [actions.send_to, actions.remix, actions.use_all, actions.use_prompt],
                [actions.star, actions.trash, actions.restore, actions.empty_trash],
                [actions.open_file, actions.export_folder],
            ],
            [
                actions.extend_shot,
                actions.pick_frame,
                actions.made_from,
                None,
                actions.open_folder,
                actions.export_folder,
                actions.export_zip,
                None,
                actions.undo_trash,
            ],
        )

    def _lay_out(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.banner)
        column.addWidget(self.grid, 1)
        footer = QHBoxLayout()
        # The count may be cut short on a narrow window; the actions beside it may not.
        self.count_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        footer.addWidget(self.count_label, 1)
        footer.addWidget(self.toolbar)
        column.addLayout(footer)
        splitter = self.splitter
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([600, 400])
        splitter.setCollapsible(0, False)
        outputs = QWidget()
        layout = QVBoxLayout(outputs)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.filter_bar)
        layout.addWidget(splitter, 1)
        self.views.setDocumentMode(True)
        self.views.addTab(outputs, self.tr("Outputs"))
        # The bar shows once a second view is added. (Not tabBar().setVisible: making the
        # QTabBar's Python type and its enums cost ~0.6 ms of a first paint.)
        self.views.setTabBarAutoHide(True)
        whole = QVBoxLayout(self)
        whole.setContentsMargins(0, 0, 0, 0)
        whole.addWidget(self.views)

    def _connect(self) -> None:
        self.filter_bar.filter_changed.connect(self._on_filter_bar_filter_changed)
        self.model.total_changed.connect(self._on_model_total_changed)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.modelReset.connect(self._on_model_reset)
        self.model.dataChanged.connect(self._on_model_data_changed)
        selection = self.grid.selectionModel()
        selection.selectionChanged.connect(self._update_actions)
        selection.currentChanged.connect(self._on_grid_current_changed)
        self.grid.activated.connect(self._on_grid_activated)
        self.grid.empty_label.linkActivated.connect(self._on_grid_empty_link_activated)
        self.grid.customContextMenuRequested.connect(self._on_grid_context_menu_requested)
        self.detail.open_requested.connect(self.commands.open_item)
        self.detail.comparison_link.linkActivated.connect(self.comparison_requested)
        self.banner.action_triggered.connect(self.commands.undo_last_trash)
        self.commands.connect_actions(self.gallery_actions)
        actions = self.gallery_actions
        actions.send_to.triggered.connect(lambda: self._send_selection(None))
        actions.extend_shot.triggered.connect(lambda: self._emit_current(self.extend_requested))
        actions.pick_frame.triggered.connect(lambda: self._emit_current(self.frames_requested))
        actions.made_from.triggered.connect(self.show_made_from_current)
        self.detail.lineage.output_clicked.connect(self.select_output)
        detail = self.detail
        detail.send_requested.connect(lambda _path, at: self._send_current(at))
        detail.extend_requested.connect(lambda _path: self._emit_current(self.extend_requested))
        detail.frames_requested.connect(lambda _path: self._emit_current(self.frames_requested))

    # --- state ---------------------------------------------------------------------------------

    def selected_items(self) -> list[GalleryItem]:
        rows = [index.row() for index in self.grid.selectionModel().selectedIndexes()]
        return self.model.items(rows)

    def selected_ids(self) -> list[int]:
        """Output ids of every selected row, in row order (also rows whose items are not kept)."""
        rows = [index.row() for index in self.grid.selectionModel().selectedIndexes()]
        return self.model.ids(rows)

    def current_item(self) -> GalleryItem | None:
        index = self.grid.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() else None

    def add_view(self, title: str, view: QWidget) -> None:
        """Another view of the library beside the outputs (the Comparisons), on its own tab."""
        self.views.addTab(view, title)

    def show_view(self, view: QWidget) -> None:
        self.views.setCurrentWidget(view)

    def set_comparison_lookup(self, lookup: ComparisonLookup) -> None:
        """How the detail finds the comparison an output came from (the session's, off-thread)."""
        self._comparison_lookup = lookup

    def _show_comparison_link(self, item: GalleryItem | None) -> None:
        self.detail.set_comparison_link(None)
        if item is not None and self._comparison_lookup is not None:
            spawn(self._find_comparison(item.local_id), key=(self, "comparison"))

    async def _find_comparison(self, local_id: str) -> None:
        assert self._comparison_lookup is not None
        record = await self._comparison_lookup(local_id)
        current = self.current_item()
        if record is not None and current is not None and current.local_id == local_id:
            self.detail.set_comparison_link(record)

    def splitters(self) -> dict[str, QSplitter]:
        """The panel's resizable splits by name, for the window to save and restore with its own."""
        return {"gallery": self.splitter, "gallery_detail": self.detail.splitter}

    def in_trash_view(self) -> bool:
        return self.model.filter().trash_only

    def set_filter(self, output_filter: OutputFilter) -> None:
        """Show another filter; its rows replace the grid's when they arrive."""
        self.model.set_filter(output_filter)

    def refresh(self) -> None:
        """Re-read every loaded row and the filter's lists, keeping scroll and selection."""
        self._missed.clear()
        self.model.refresh()
        self._refresh_sources()

    async def refreshed(self) -> None:
        """refresh(), returning once the re-read rows are on show."""
        self.refresh()
        await self.model.settled()

    def outputs_recorded(self, local_id: str) -> None:
        """A job's outputs were recorded ('' for: some outputs, not saying whose).

        Shown, the panel reads just that job's rows again; hidden, it only counts (the total
        stays true) and reads them when it is shown again.
        """
        if not self.isVisible():
            self._missed.add(local_id or None)
            self.model.recount()
            return
        if local_id:
            self.model.update_jobs([local_id])
            self._refresh_sources()
        else:
            self.refresh()

    async def updated(self, output_ids: Iterable[int]) -> None:
        """Bring these outputs' rows up to date (after a change made here), then return."""
        self.model.update_outputs(output_ids)
        await self.model.settled()

    def _catch_up(self) -> None:
        missed, self._missed = self._missed, set()
        if None in missed:
            self.refresh()
        elif missed:
            self.model.update_jobs(local_id for local_id in missed if local_id is not None)
            self._refresh_sources()

    def _keeps_rows(self, first: int, last: int) -> bool:
        """Rows the model must keep whole: the current one and the selected ones."""
        current = self.grid.currentIndex()
        if current.isValid() and first <= current.row() <= last:
            return True
        selection = self.grid.selectionModel().selection()
        ranges = (selection.at(i) for i in range(selection.count()))
        return any(r.top() <= last and first <= r.bottom() for r in ranges)

    async def settled(self) -> None:
        """Return once nothing the panel started (rows, lists, curation) is on its way."""
        while True:
            if tasks := self._running():
                await asyncio.wait(tasks)
            elif self.model.is_loading():
                await self.model.settled()
            else:
                return

    def _running(self) -> set[asyncio.Task[Any]]:
        tasks = set(self.commands.running())
        for task in (self._sources, self._lineage_task, self._full_item_task):
            if task is not None and not task.done():
                tasks.add(task)
        return tasks

    def _select_ids(self, output_ids: list[int], current_id: int | None) -> None:
        selection = QItemSelection()
        for output_id in output_ids:
            row = self.model.row_of(output_id)
            if row is not None:
                index = self.model.index(row)
                selection.select(index, index)
        flags = QItemSelectionModel.SelectionFlag
        model = self.grid.selectionModel()
        model.select(selection, flags.ClearAndSelect)
        row = self.model.row_of(current_id) if current_id is not None else None
        if row is not None:
            model.setCurrentIndex(self.model.index(row), flags.NoUpdate)

    def _refresh_sources(self) -> None:
        self._sources = spawn(
            self._load_sources(), key=(self, "sources"), on_error=self.commands.show_error
        )

    async def _load_sources(self) -> None:
        models, endpoints = await asyncio.to_thread(_read_sources, self.library)
        self.filter_bar.set_sources(models, endpoints)

    def _update_actions(self) -> None:
        actions = self.gallery_actions
        count = len(self.grid.selectionModel().selectedIndexes())
        self.detail.set_selected_count(count)
        one = self.current_item() is not None
        trash_view = self.in_trash_view()
        for action in (actions.star, actions.export_folder, actions.export_zip):
            action.setEnabled(count > 0)
        actions.trash.setEnabled(count > 0 and not trash_view)
        # In the trash, Restore and Empty trash take the place of Star and Trash.
        actions.trash.setVisible(not trash_view)
        actions.star.setVisible(not trash_view)
        actions.restore.setEnabled(count > 0 and trash_view)
        actions.restore.setVisible(trash_view)
        actions.empty_trash.setVisible(trash_view)
        actions.empty_trash.setEnabled(trash_view and self.model.total() > 0)
        for action in (actions.remix, actions.use_all, actions.use_prompt, actions.open_file,
                       actions.open_folder, actions.made_from):  # fmt: skip
            action.setEnabled(one)
        current = self.current_item()
        video = current is not None and current.output.kind.value == "video"
        actions.send_to.setEnabled(count > 0 and not trash_view)
        actions.send_to.setVisible(not trash_view)  # the trash is not a place to start from
        actions.extend_shot.setEnabled(video)
        actions.pick_frame.setEnabled(video)
        actions.undo_trash.setEnabled(self.commands.can_undo_trash())

    # --- the creative chain --------------------------------------------------------------------

    def _send_selection(self, at: QPoint | None) -> None:
        ids = self.selected_ids()
        if ids:
            index = self.grid.currentIndex()
            if at is None and index.isValid():
                at = self.grid.viewport().mapToGlobal(self.grid.visualRect(index).center())
            self.send_requested.emit(ids, at)

    def _send_current(self, at: QPoint | None) -> None:
        item = self.current_item()
        if item is not None:
            self.send_requested.emit([item.id], at)

    def _emit_current(self, signal: SignalInstance) -> None:
        item = self.current_item()
        if item is not None:
            signal.emit([item.id])

    def show_made_from_current(self) -> None:
        """Filter the gallery to the current output and everything made from it."""
        item = self.current_item()
        if item is not None:
            name = item.file.name if item.file is not None else str(item.id)
            self.filter_bar.set_made_from(item.id, name)

    def select_output(self, output_id: int) -> None:
        """Select an output; one not on show brings its own family into view first."""
        if self.model.row_of(output_id) is None:
            spawn(
                self._find_and_select(output_id),
                key=(self, "select"),
                on_error=self.commands.show_error,
            )
            return
        self._select_ids([output_id], output_id)
        row = self.model.row_of(output_id)
        if row is not None:
            self.grid.scrollTo(self.model.index(row))

    async def _find_and_select(self, output_id: int) -> None:
        self.filter_bar.set_made_from(output_id, str(output_id))
        await self.model.settled()
        if self.model.row_of(output_id) is not None:
            self.select_output(output_id)

    def _show_lineage_later(self, item: GalleryItem | None) -> None:
        if item is None or self.lineage_of is None:
            return
        self._lineage_task = spawn(
            self._show_lineage(item.id), key=(self, "lineage"), on_error=self.commands.show_error
        )

    async def _show_lineage(self, output_id: int) -> None:
        if self.lineage_of is None:
            return
        lineage = await self.lineage_of(output_id)
        current = self.current_item()
        if current is not None and current.id == output_id:
            self.detail.lineage.show_lineage(lineage)

    # --- handlers ------------------------------------------------------------------------------

    def _on_filter_bar_filter_changed(self, output_filter: OutputFilter) -> None:
        self.set_filter(output_filter)

    def _on_model_about_to_be_reset(self) -> None:
        current = self.current_item()
        self._kept = _ViewState(
            self.model.filter(),
            self.grid.verticalScrollBar().value(),
            self.selected_ids(),
            None if current is None else current.id,
        )

    def _on_model_reset(self) -> None:
        """Rows of the same filter came back (a refresh): the view stays where it was."""
        kept, self._kept = self._kept, None
        if kept is not None and kept.output_filter == self.model.filter():
            # A reset lays rows out later; the old scroll position only exists once they are.
            self.grid.doItemsLayout()
            self._select_ids(kept.selected, kept.current)
            self.grid.verticalScrollBar().setValue(kept.scroll)
        self._show_in_detail(self.current_item())
        self._show_lineage_later(self.current_item())
        self._update_actions()

    def _on_model_total_changed(self, total: int) -> None:
        if self.in_trash_view():
            text = self.tr("%1 in trash").replace("%1", QLocale().toString(total))
        else:
            text = english_plural(self.tr("%n output(s)", "", total), total)
        self.count_label.setText(text)
        self.grid.set_empty_message(
            "" if total else empty_message(self.in_trash_view(), is_narrowed(self.model.filter()))
        )

    def _on_grid_empty_link_activated(self, _link: str) -> None:
        self.filter_bar.clear_filters()

    def _on_grid_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        item = self.model.item_at(current.row()) if current.isValid() else None
        self._show_in_detail(item)
        self._show_lineage_later(item)
        self._show_comparison_link(item)
        self._update_actions()

    def _on_model_data_changed(
        self, first: QModelIndex, last: QModelIndex, roles: list[int] | None = None
    ) -> None:
        """The current row was read again (its file recorded, starred…) or came (End pressed
        before its page): show it as it is now, with the actions it allows."""
        if roles == [Qt.ItemDataRole.DecorationRole]:
            return  # a thumbnail arrived
        current = self.grid.currentIndex()
        if current.isValid() and first.row() <= current.row() <= last.row():
            self._show_in_detail(self.current_item())
            self._update_actions()

    def _show_in_detail(self, item: GalleryItem | None) -> None:
        """Show an item; a lean one (its input left out) is read whole in a thread, and shown
        at once only if another output was on show."""
        shown = self.detail.item()
        if item is None or item.complete or shown is None or shown.id != item.id:
            self.detail.show_item(item)
        if item is not None and not item.complete:
            self._full_item_task = spawn(
                self._show_whole(item.id), key=(self, "whole"), on_error=self.commands.show_error
            )

    async def _show_whole(self, output_id: int) -> None:
        whole = await asyncio.to_thread(self.library.gallery_item, output_id)
        current = self.current_item()
        if whole is not None and current is not None and current.id == output_id:
            self.detail.show_item(whole)

    def _on_grid_activated(self, index: QModelIndex) -> None:
        item = index.data(GalleryRole.ITEM)
        if item is not None:
            self.detail_requested.emit(item)

    def _on_grid_context_menu_requested(self, position: QPoint) -> None:
        self._update_actions()
        self.menu.popup(self.grid.viewport().mapToGlobal(position))

    # --- dropping a file recalls its parameters ------------------------------------------------

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # A first page read while the panel was built shows in its first paint; one nearly
        # back is waited for a moment (FIRST_PAGE_WAIT_S) rather than painting an empty grid.
        # Not back yet: asked once more by an event that comes before the paint's own (a
        # posted update request has a low priority), without waiting for it.
        wait_s = FIRST_PAGE_WAIT_S if self.model.rowCount() == 0 else 0.0
        if not self.model.take_arrived(wait_s) and self.model.is_loading():
            QCoreApplication.postEvent(
                self, QEvent(_TAKE_ARRIVED), Qt.EventPriority.HighEventPriority.value
            )
        if self._missed:
            self._catch_up()

    @override
    def customEvent(self, e: QEvent) -> None:
        """Only events of registered types come here: an override of event() had every event
        of the panel cross into Python."""
        if e.type() == _TAKE_ARRIVED:
            self.model.take_arrived()
        else:
            super().customEvent(e)

    @override
    def hideEvent(self, event: QHideEvent) -> None:
        if not event.spontaneous():  # the user left the gallery (not: the window was minimised)
            self.banner.close_context(VIEW_CONTEXT)
        super().hideEvent(event)

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from_own_grid = event.source() is self.grid
        ours = dragged_outputs(event.mimeData()) is not None  # outputs are sent, not recalled
        if event.mimeData().hasUrls() and not from_own_grid and not ours:
            event.acceptProposedAction()
        else:
            event.ignore()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        local = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not local or event.source() is self.grid or dragged_outputs(event.mimeData()):
            event.ignore()
            return
        event.acceptProposedAction()
        self.commands.recall_from_dropped_file(local[0])

    async def aclose(self) -> None:
        """Stop reading, thumbnail work and background commands (call before the app quits)."""
        await self.commands.aclose()
        tasks = [self._sources, self._lineage_task, self._full_item_task]
        waiting = {task for task in tasks if task is not None and not task.done()}
        for task in waiting:
            task.cancel()
        if waiting:
            await asyncio.wait(waiting)
        await self.model.aclose()
        await self.loader.aclose()
