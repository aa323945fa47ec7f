"""The gallery's list model: library outputs for one filter, read in a thread a page at a time.

No query runs on the GUI thread: a filter change, a refresh, every page that Qt asks for through
fetchMore(), the rows a change touched (update_outputs / update_jobs) and items read back are
read in a worker thread and come back as plain GalleryItems. One read runs at a time, in this
order of precedence: reload, updates, read-backs, next page; the first one leaves when asked
(a new panel's first page is read while its widgets are built). A newer filter or refresh makes
older answers stale (a generation counter); filters asked while a read runs collapse into the
newest one, updates pile up into one. While a read runs the rows on show stay as they were.

Rows live in GalleryRows (a few bytes each; whole items for the blocks used lately). The model
is a QStringListModel underneath, holding one empty string per row, so Qt's layout of 100,000
rows never calls into Python: only data() of the tiles on screen does. Its row signals come from
QStringListModel's insertRows/removeRows/setStringList; the Python rows change in the model's
own first-connected slots, so every other listener sees the old rows in the "about to" signals
and the new ones after.

The model has a row for every output the filter matches from its first page on: the rows past
the last one read are rows to come (no item, enabled but not selectable, drawn as empty frames)
until their page arrives. A page then changes data, not rows: QListView lays every row out
again after rows are inserted (~9 ms at 100,000 rows, for each page), never after a change of
data (see GalleryGrid.dataChanged). Pages are read in order, as far as the view asks
(read_up_to) or fetchMore() is called.

Signals:
    total_changed(int) — how many outputs match the filter (all pages, loaded or not).
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass, field
from enum import IntEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QUrl,
    Signal,
)
from typing_extensions import override

from studio.core.library import GalleryItem, Library, OutputFilter
from studio.core.media import THUMB_SIZE
from studio.ui.background import spawn
from studio.ui.chain.outputs_drag import outputs_mime
from studio.ui.gallery import reads
from studio.ui.gallery.describe import prompt_excerpt, tooltip_text
from studio.ui.gallery.placeholders import placeholder_pixmap
from studio.ui.gallery.rows import BLOCK, GalleryRows
from studio.ui.gallery.thumbs import thumb_key
from studio.ui.gil import wait_for_gui
from studio.ui.heap import trim_heap

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from PySide6.QtGui import QPixmap

    from studio.ui.gallery.thumbs import ThumbnailLoader

PAGE_SIZE: Final = 60  # the first page of a filter; later pages are bigger
NEXT_PAGE_SIZE: Final = 600
# A page read to reach rows far ahead (the end key, the scroll bar dragged) is at most this
# big: each page shows as it comes, and a read of the filter's every row would hold them all.
FAR_PAGE_SIZE: Final = 3000
URI_LIST: Final = "text/uri-list"
_WAITING_LIMIT: Final = 2048  # tiles remembered as waiting for a thumbnail
# Combined once: the view asks each painted tile's flags, and Python's enum "|" is not free.
_NO_FLAGS: Final = Qt.ItemFlag.NoItemFlags
_ENABLED: Final = Qt.ItemFlag.ItemIsEnabled
_SELECTABLE: Final = _ENABLED | Qt.ItemFlag.ItemIsSelectable
_DRAGGABLE: Final = _SELECTABLE | Qt.ItemFlag.ItemIsDragEnabled


class GalleryRole(IntEnum):
    """Custom data roles of GalleryModel."""

    ITEM = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    FAVOURITE = Qt.ItemDataRole.UserRole + 3
    DURATION = Qt.ItemDataRole.UserRole + 4
    OUTPUT_ID = Qt.ItemDataRole.UserRole + 5
    THUMB_KEY = Qt.ItemDataRole.UserRole + 6
    TRASHED = Qt.ItemDataRole.UserRole + 7


def item_thumb_key(item: GalleryItem, size: int = THUMB_SIZE, fit: int | None = None) -> str | None:
    return None if item.file is None else thumb_key(item.file, size, fit)


class GalleryModel(QStringListModel):
    """Rows are outputs in filter order; more pages come through canFetchMore/fetchMore."""

    total_changed = Signal(int)

    def __init__(
        self,
        library: Library,
        loader: ThumbnailLoader,
        parent: QObject | None = None,
        *,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._loader = loader
        self._page_size = page_size
        self._next_page_size = max(page_size, NEXT_PAGE_SIZE) if page_size == PAGE_SIZE else (
            page_size)  # fmt: skip
        self._filter = OutputFilter()  # of the rows on show
        self._rows = GalleryRows()
        self._total = 0
        self._wanted = 0  # rows the view shows or is about to: read pages until they came
        self._shown = 0  # of which the view shows these now
        self._generation = 0  # bumped by every filter change and refresh
        self._reload: reads.Reload | None = None
        self._page: reads.Page | None = None
        self._updated_ids: set[int] = set()
        self._updated_jobs: set[str] = set()
        self._fills: set[int] = set()  # output ids whose items were dropped and are wanted
        self._recount = False
        self._reader: asyncio.Task[None] | None = None
        self._closed = False  # aclose() ran: nothing is read any more
        self._sent: _Sent | None = None  # the read on its way
        self._paging_failed = False
        # A page after the last row brought nothing: none are to come, whatever the count says
        # (outputs counted since, e.g. while hidden, sort before it), until a read names some.
        self._read_all = False
        self._page_in_flight = False  # a page read has left and not yet come back
        self._change: Callable[[], None] | None = None  # applied in the slots below
        self._waiting: dict[str, set[int]] = {}  # thumbnail key -> output ids painted without
        self.on_error: Callable[[str], None] | None = None  # where failed reads are shown
        # Connected before anyone else can be: the Python rows change right after Qt's.
        self.rowsInserted.connect(self._apply_change)
        self.rowsRemoved.connect(self._apply_change)
        self.modelReset.connect(self._apply_change)
        loader.thumbnail_ready.connect(self._on_loader_thumbnail_done)
        loader.thumbnail_failed.connect(self._on_loader_thumbnail_done)

    # --- Qt model API --------------------------------------------------------------------------

    @override
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        """More rows are to come (not read yet); true also while the next page is on its way."""
        if parent.isValid() or self._paging_failed or self._read_all:
            return False
        return len(self._rows) < self._total

    @override
    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        """Start reading the next page; its rows are filled in when it arrives (one at a time)."""
        if parent.isValid() or self._page is not None or not self.canFetchMore(parent):
            return
        if self._page_in_flight:
            return  # the page being read ends where this one would start: it would repeat it
        if self._reload is not None:
            return  # its rows replace these: a page after them would be stale
        self._page = self._next_page(self._next_page_size)
        self._start_reading()

    def read_up_to(self, rows: int, ahead: int = 0) -> None:
        """The view shows the first ``rows`` rows and will soon show ``ahead`` more: read pages
        in turn until every one of them has come. Rows on show not read yet (End, the scroll
        bar dragged down) come in bigger pages; rows ahead in pages of the usual size."""
        self._shown = rows
        self._wanted = max(self._wanted, rows + ahead)
        if len(self._rows) < min(self._wanted, self._total):
            self.fetchMore(QModelIndex())

    def loaded_rows(self) -> int:
        """Rows read so far (the first ones); the rows after them are to come."""
        return len(self._rows)

    def _next_page(self, least: int) -> reads.Page:
        rows = self._rows
        far = min(self._shown, self._total) - len(rows)  # rows on show still to come
        limit = max(least, min(far, FAR_PAGE_SIZE))
        return reads.Page(self._filter, len(rows), rows.last_key(), limit)

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return prompt_excerpt(item)
        if role == Qt.ItemDataRole.DecorationRole:
            found = self.thumbnail(item)
            return found if found is not None else placeholder_pixmap(item.output.kind.value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(item)
        return self._custom_data(item, role)

    def _custom_data(self, item: GalleryItem, role: int) -> Any:
        if role == GalleryRole.ITEM:
            return item
        if role == GalleryRole.KIND:
            return item.output.kind.value
        if role == GalleryRole.FAVOURITE:
            return item.output.favourite
        if role == GalleryRole.DURATION:
            return item.output.duration
        if role == GalleryRole.OUTPUT_ID:
            return item.id
        if role == GalleryRole.THUMB_KEY:
            return item_thumb_key(item)
        if role == GalleryRole.TRASHED:
            return item.output.trashed_at is not None
        return None

    @override
    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = 0
    ) -> bool:
        return False  # read-only: the strings underneath are only placeholders for rows

    @override
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        row = index.row()
        if row >= len(self._rows):
            return _ENABLED  # to come: the cursor may go there, a selection does not hold it
        if row >= 0 and self._rows.has_file(row):
            return _DRAGGABLE
        return _SELECTABLE

    @override
    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(role): QByteArray(role.name.lower().encode()) for role in GalleryRole})
        return names

    @override
    def mimeTypes(self) -> list[str]:
        return [URI_LIST]

    @override
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        rows = [row for row in rows if row < len(self._rows)]
        files = [self.file_at(row) for row in rows]
        mime.setUrls([QUrl.fromLocalFile(str(file)) for file in files if file is not None])
        return outputs_mime(mime, output_ids=self._rows.ids(rows))

    @override
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    @override
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.IgnoreAction

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """The filter orders the rows; the placeholder strings underneath are never sorted."""

    @override
    def moveRows(
        self,
        sourceParent: QModelIndex | QPersistentModelIndex,
        sourceRow: int,
        count: int,
        destinationParent: QModelIndex | QPersistentModelIndex,
        destinationChild: int,
    ) -> bool:
        return False

    # --- gallery API ---------------------------------------------------------------------------

    def filter(self) -> OutputFilter:
        """The filter of the rows on show (a newly set one takes over when its rows arrive)."""
        return self._filter

    def total(self) -> int:
        return self._total

    def set_filter(self, output_filter: OutputFilter) -> None:
        """Show another filter from its first page (read in a thread; see settled())."""
        self._ask_reload(reads.Reload(output_filter, self._page_size))

    def refresh(self) -> None:
        """Re-read every loaded row (at least one page): after changes nobody named."""
        wanted = self._reload.output_filter if self._reload is not None else self._filter
        self._ask_reload(reads.Reload(wanted, max(len(self._rows), self._page_size)))

    def update_outputs(self, output_ids: Iterable[int]) -> None:
        """Bring these outputs' rows up to date: changed in place, gone, or newly shown."""
        self._updated_ids.update(output_ids)
        self._start_reading()

    def update_jobs(self, local_ids: Iterable[str]) -> None:
        """Bring the rows of these jobs' outputs up to date (e.g. their files were recorded)."""
        self._updated_jobs.update(local_ids)
        self._start_reading()

    def recount(self) -> None:
        """Count the filter's outputs again (the rows stay as they are)."""
        self._recount = True
        self._start_reading()

    def is_loading(self) -> bool:
        """A read (filter, refresh, update or page) is on its way."""
        return self._reader is not None

    async def settled(self) -> None:
        """Return once no read is on its way: the rows of the last request are on show."""
        while (reader := self._reader) is not None:
            await asyncio.wait({reader})

    async def aclose(self) -> None:
        """Stop reading for good (the answer of a read already running in its thread is
        dropped): the grid may still ask for rows on its way out (a paint, drawing ahead), and
        the library is closed next."""
        self._closed = True
        self._generation += 1
        self._reload, self._page = None, None
        self._updated_ids.clear()
        self._updated_jobs.clear()
        self._fills.clear()
        reader = self._reader
        if reader is not None:
            reader.cancel()
            await asyncio.wait({reader})

    def item_at(self, row: int) -> GalleryItem | None:
        """The row's item; None for a row to come, past the rows, or while a dropped one is
        read back."""
        item = self._rows.item(row)
        if item is None and 0 <= row < len(self._rows):
            self._fills.add(self._rows.id_at(row))
            self._start_reading()
        return item

    def row_of(self, output_id: int) -> int | None:
        return self._rows.row_of(output_id)

    def find(self, output_id: int) -> GalleryItem | None:
        """The loaded row's item of an output, as it is now."""
        row = self._rows.row_of(output_id)
        return None if row is None else self._rows.item(row)

    def items(self, rows: Iterable[int]) -> list[GalleryItem]:
        """The items of these rows that are at hand (see ids() for every row's output id)."""
        found = (self.item_at(row) for row in sorted(set(rows)))
        return [item for item in found if item is not None]

    def ids(self, rows: Iterable[int]) -> list[int]:
        return self._rows.ids(rows)

    def is_starred(self, output_id: int) -> bool:
        row = self._rows.row_of(output_id)
        return row is not None and self._rows.starred(row)

    def file_at(self, row: int) -> Path | None:
        """The absolute file of a row's output (None before download)."""
        path = self._rows.path_at(row)
        return None if path is None else self._library.outputs_root / Path(path)

    def set_keep(self, keep: Callable[[int, int], bool]) -> None:
        """Rows first..last whose items must stay at hand (the view's selection and current)."""
        self._rows.keep = keep

    def thumbnail(self, item: GalleryItem, fit: int | None = None) -> QPixmap | None:
        """The tile's picture; asks the loader for it (a tile asks when it is painted). With fit,
        scaled in the thumbnail process to fit fit × fit device pixels; until it is, the picture
        at another size if one is at hand. None: nothing yet (the tile shows its placeholder)."""
        key = item_thumb_key(item, fit=fit)
        found = self._loader.pixmap(key) if key is not None else None
        if found is not None:
            return found
        if key is not None and item.file is not None and not self._loader.has_failed(key):
            self._loader.request(key, item.file, item.output.kind.value, fit=fit)
            if len(self._waiting) >= _WAITING_LIMIT:
                self._waiting.pop(next(iter(self._waiting)))
            self._waiting.setdefault(key, set()).add(item.id)
            if fit is not None:
                return self._loader.any_pixmap(item.file)
        return None

    def thumbnail_at_hand(self, item: GalleryItem, fit: int | None = None) -> QPixmap | None:
        """The tile's picture if loaded (at fit, else at any size), else None; asks for nothing
        (tiles drawn before they are shown must not push the thumbnails on screen down the
        queue)."""
        key = item_thumb_key(item, fit=fit)
        found = self._loader.pixmap(key) if key is not None else None
        if found is None and fit is not None and item.file is not None:
            found = self._loader.any_pixmap(item.file)
        return found

    # --- reading -------------------------------------------------------------------------------

    def _ask_reload(self, reload: reads.Reload) -> None:
        self._generation += 1  # whatever is on its way now is stale
        self._reload, self._page = reload, None
        self._updated_ids.clear()
        self._updated_jobs.clear()
        self._recount = False
        self._start_reading()

    def _start_reading(self) -> None:
        """Send the first question to its thread at once, then read the rest in turn.

        At once, not at the task's first turn: a panel being built and shown keeps the loop
        busy for tens of milliseconds, which the first page's read overlaps this way.
        """
        if self._closed:
            return
        if self._reader is None and (question := self._next_question()) is not None:
            first = self._send(question)
            self._reader = spawn(
                self._read_in_turn(first), key=(self, "rows"), on_error=self.on_error
            )

    def _send(self, question: reads.Read) -> _Sent:
        """Start reading ``question`` in a worker thread."""
        self._page_in_flight = isinstance(question, reads.Page)
        sent = _Sent(question, self._generation)
        loop = asyncio.get_event_loop()
        sent.answer = loop.run_in_executor(None, _read_into, sent, self._library)
        sent.answer.add_done_callback(_retrieved)  # its task may be cancelled before awaiting it
        self._sent = sent
        return sent

    def take_arrived(self, wait_s: float = 0.0) -> bool:
        """Show the rows of a read that has already come back from its thread, now rather than
        at the loop's next turn; whether there were any (the panel, as it is shown: a first
        page read while the panel was built then shows in its first paint, not the next).
        With `wait_s`, a read still under way is waited for, that long at most: this thread
        then leaves the interpreter to the read, which ends sooner than with the loop running."""
        sent = self._sent
        if sent is None or sent.taken:
            return False
        if sent.arrived is None and wait_s > 0:
            sent.done.wait(wait_s)
        if sent.arrived is None:
            return False
        sent.taken = True
        if sent.generation != self._generation:
            return False
        self._take(sent.question, sent.arrived)
        return True

    def _next_question(self) -> reads.Read | None:
        if self._reload is not None:
            question: reads.Read = self._reload
            self._reload = None
            return question
        if self._updated_ids or self._updated_jobs or self._recount:
            update = reads.Update(
                self._filter, frozenset(self._updated_ids), frozenset(self._updated_jobs)
            )
            self._updated_ids.clear()
            self._updated_jobs.clear()
            self._recount = False
            return update
        fills = [i for i in self._fills if (row := self._rows.row_of(i)) is not None
                 and not self._rows.loaded(row)]  # fmt: skip
        self._fills.clear()
        if fills:
            return reads.Fill(tuple(fills))
        page, self._page = self._page, None
        if page is None and self.canFetchMore(QModelIndex()) and (len(self._rows) < self._wanted):
            page = self._next_page(self._next_page_size)  # the view still waits for rows
        return page

    async def _read_in_turn(self, sent: _Sent) -> None:
        try:
            while True:
                try:
                    answer = await sent.answer
                except Exception:
                    if isinstance(sent.question, reads.Page):
                        self._paging_failed = True  # do not ask again before a refresh
                        self._fit_rows()  # and the rows to come go
                    raise
                finally:
                    self._page_in_flight = False
                if not sent.taken and sent.generation == self._generation:
                    sent.taken = True
                    self._take(sent.question, answer)
                if self._closed or (question := self._next_question()) is None:
                    break
                sent = self._send(question)
        finally:
            self._reader = None
            self._sent = None
            self._page = None
            self._page_in_flight = False

    def _take(self, question: reads.Read, answer: reads.Answer) -> None:
        if isinstance(question, reads.Reload):
            self._replace_rows(question.output_filter, answer)
        elif isinstance(question, reads.Page):
            self._add_page(answer.items)
        elif isinstance(question, reads.Update):
            self._apply_update(answer, named=bool(question.output_ids or question.local_ids))
        else:
            self._put_back(answer.items)

    # --- changing rows -------------------------------------------------------------------------

    def _change_rows(self, qt_change: Callable[[], Any], change: Callable[[], None]) -> None:
        """Run a QStringListModel change; ``change`` updates the Python rows in its signal."""
        self._change = change
        try:
            qt_change()
        finally:
            if self._change is not None:  # no signal came (nothing changed): apply it anyway
                self._change()
                self._change = None

    def _apply_change(self) -> None:
        change, self._change = self._change, None
        if change is not None:
            change()

    def _replace_rows(self, output_filter: OutputFilter, answer: reads.Answer) -> None:
        items = answer.items
        kept = self._rows
        fresh = GalleryRows(output_filter.newest_first)
        fresh.keep = kept.keep
        fresh.append(items)

        total = answer.total if answer.total is not None else len(items)

        def swap() -> None:
            self._rows = fresh
            if output_filter != self._filter:
                self._wanted = self._shown = 0  # the view asks again for the new filter's
            self._filter = output_filter
            self._total = total
            self._paging_failed = False
            self._read_all = False
            self._waiting.clear()

        self._change_rows(lambda: self.setStringList([""] * max(len(items), total)), swap)
        self._rows.drop_unused()
        self.total_changed.emit(self._total)

    def _add_page(self, page: Sequence[GalleryItem]) -> None:
        rows = self._rows
        fresh = [item for item in page if rows.row_of(item.id) is None]
        if not fresh:
            self._read_all = True  # the library changed under us: stop asking
            self._fit_rows()
            return
        first, count = len(rows), self.rowCount()
        if first + len(fresh) > count:  # more came than rows were to come (a stale total)
            self._change_rows(
                lambda: self.insertRows(count, first + len(fresh) - count),
                lambda: rows.append(fresh),
            )
        else:
            rows.append(fresh)  # in rows that were to come: no row is laid out again
        self.dataChanged.emit(self.index(first), self.index(len(rows) - 1))
        rows.drop_unused()

    def _apply_update(self, answer: reads.Answer, *, named: bool = True) -> None:
        """Rows of the asked outputs: changed in place, removed, or inserted in order.

        An output past the last row read is one of the rows to come, for paging to bring
        (keyset pages continue after the last row held), unless every row was read already.
        Rows to come follow the new count only when the update named outputs or jobs.
        """
        rows = self._rows
        every_row_loaded = len(rows) >= self._total
        shown = {item.id: item for item in answer.items}
        gone: list[int] = []
        new: list[tuple[int, GalleryItem]] = []
        for output_id in answer.asked | shown.keys():
            row = rows.row_of(output_id)
            item = shown.get(output_id)
            if row is not None and item is None:
                gone.append(row)
            elif row is not None and item is not None:
                rows.put(row, item)
                index = self.index(row)
                self.dataChanged.emit(index, index)
            elif item is not None:
                position = rows.position_for(item)
                if position < len(rows) or every_row_loaded:
                    new.append((position, item))
                else:
                    self._read_all = False  # it comes in a page after the last row
        for row in sorted(gone, reverse=True):
            self._change_rows(partial(self.removeRows, row, 1), partial(rows.remove, row))
        self._insert(new)
        changed = answer.total is not None and answer.total != self._total
        if answer.total is not None:
            self._total = answer.total
        if named:  # a count alone does not say where its new outputs go (see _read_all)
            self._fit_rows()
        if changed:
            self.total_changed.emit(self._total)

    def _fit_rows(self) -> None:
        """As many rows to come after the rows read as outputs not read yet (none once paging
        failed or read all): added or taken away at the end."""
        ended = self._paging_failed or self._read_all
        to_come = 0 if ended else max(0, self._total - len(self._rows))
        wanted, count = len(self._rows) + to_come, self.rowCount()
        if wanted > count:
            self.insertRows(count, wanted - count)
        elif wanted < count:
            self.removeRows(wanted, count - wanted)

    def _insert(self, new: list[tuple[int, GalleryItem]]) -> None:
        """Insert items at positions taken before any of them went in (one run per position)."""
        rows = self._rows
        by_position: dict[int, list[GalleryItem]] = {}
        for position, item in new:
            by_position.setdefault(position, []).append(item)
        for position in sorted(by_position, reverse=True):  # later rows first: earlier stay put
            run = sorted(by_position[position], key=rows.sort_key)
            self._change_rows(
                partial(self.insertRows, position, len(run)),
                partial(rows.insert_run, position, run),
            )

    def set_favourite_flags(self, output_ids: Iterable[int], on: bool) -> None:
        """Rows of these outputs were starred or unstarred: change them in place."""
        rows = self._rows
        for output_id in output_ids:
            row = rows.row_of(output_id)
            if row is None:
                continue
            rows.set_starred(row, on)
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def _put_back(self, items: Sequence[GalleryItem]) -> None:
        """Items read back after being dropped: put in their rows and repainted."""
        rows = self._rows
        changed: list[int] = []
        for item in items:
            row = rows.row_of(item.id)
            if row is not None and not rows.loaded(row):
                rows.put(row, item)
                changed.append(row)
        for first, last in _runs(changed):
            self.dataChanged.emit(self.index(first), self.index(last))
        rows.drop_unused()

    def _on_loader_thumbnail_done(self, key: str) -> None:
        for output_id in self._waiting.pop(key, ()):
            row = self._rows.row_of(output_id)
            if row is not None:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])


@dataclass
class _Sent:
    """A question on its way in a worker thread, and the rows' generation when it left."""

    question: reads.Read
    generation: int
    answer: asyncio.Future[reads.Answer] = field(init=False)
    arrived: reads.Answer | None = None  # set by the worker as it returns the answer
    done: threading.Event = field(default_factory=threading.Event)  # the worker has returned
    taken: bool = False  # its rows are shown (or were stale): whoever comes second skips them


def _read_into(sent: _Sent, library: Library) -> reads.Answer:
    """In the worker thread: read the question's answer, and leave it where take_arrived()
    finds it before the loop hears of it."""
    try:
        answer = reads.read(library, sent.question, wait_for_gui)
        sent.arrived = answer
    finally:
        sent.done.set()
    trim_heap()  # what the read made and dropped goes back to the system (studio.ui.heap)
    return answer


def _retrieved(answer: asyncio.Future[reads.Answer]) -> None:
    """Mark a failed read's error as seen; whoever awaits the answer still gets it raised."""
    if not answer.cancelled():
        answer.exception()


def _runs(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted rows as runs of consecutive ones, within one block at most."""
    runs: list[tuple[int, int]] = []
    for row in sorted(rows):
        if runs and runs[-1][1] == row - 1 and row // BLOCK == runs[-1][0] // BLOCK:
            runs[-1] = (runs[-1][0], row)
        else:
            runs.append((row, row))
    return runs
