"""The gallery's list model: library outputs for one filter, read in a thread 200 rows at a time.

No query runs on the GUI thread: a filter change or a refresh, and every page that Qt asks for
through fetchMore(), is read by ``asyncio.to_thread`` and comes back as plain GalleryItems. One
read runs at a time; while it runs the rows on show stay as they were (and with them the filter
of ``filter()``). A newer filter or refresh makes an older answer stale (a generation counter);
requests that pile up while a read runs collapse into the newest one.

Signals:
    total_changed(int) — how many outputs match the filter (all pages, loaded or not).
"""

from __future__ import annotations

import asyncio
import dataclasses
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from typing_extensions import override

from studio.core.library import GalleryItem, Library, OutputFilter
from studio.core.media import THUMB_SIZE
from studio.ui.background import spawn
from studio.ui.chain.outputs_drag import outputs_mime
from studio.ui.gallery.describe import prompt_excerpt, tooltip_text
from studio.ui.gallery.placeholders import placeholder_pixmap
from studio.ui.gallery.thumbs import thumb_key

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from studio.ui.gallery.thumbs import ThumbnailLoader

PAGE_SIZE: Final = 200
URI_LIST: Final = "text/uri-list"


class GalleryRole(IntEnum):
    """Custom data roles of GalleryModel."""

    ITEM = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    FAVOURITE = Qt.ItemDataRole.UserRole + 3
    DURATION = Qt.ItemDataRole.UserRole + 4
    OUTPUT_ID = Qt.ItemDataRole.UserRole + 5
    THUMB_KEY = Qt.ItemDataRole.UserRole + 6
    TRASHED = Qt.ItemDataRole.UserRole + 7


def item_thumb_key(item: GalleryItem, size: int = THUMB_SIZE) -> str | None:
    return None if item.file is None else thumb_key(item.file, size)


@dataclasses.dataclass(frozen=True)
class _Read:
    """One question for the library: rows [offset, offset + limit) of a filter.

    A reload starts at the first row and counts too: its answer replaces every row.
    """

    generation: int
    output_filter: OutputFilter
    offset: int
    limit: int
    is_reload: bool = False


@dataclasses.dataclass(frozen=True)
class _Answer:
    total: int | None  # counted for a reload only
    items: list[GalleryItem]


def _read_rows(library: Library, read: _Read) -> _Answer:
    """Runs in a worker thread (never on the GUI thread)."""
    output_filter = read.output_filter
    total = library.count_outputs(output_filter) if read.is_reload else None
    return _Answer(total, library.page_outputs(output_filter, read.offset, read.limit))


class GalleryModel(QAbstractListModel):
    """Rows are GalleryItems in filter order; more pages come through canFetchMore/fetchMore."""

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
        self._filter = OutputFilter()  # of the rows on show
        self._wanted = OutputFilter()  # asked for; its rows may still be on their way
        self._items: list[GalleryItem] = []
        self._ids: dict[int, int] = {}  # output id -> row
        self._rows_by_key: dict[str, list[int]] = {}
        self._total = 0
        self._generation = 0  # bumped by every filter change and refresh
        self._next_read: _Read | None = None
        self._reader: asyncio.Task[None] | None = None
        self._paging_failed = False
        self.on_error: Callable[[str], None] | None = None  # where failed reads are shown
        loader.thumbnail_ready.connect(self._on_loader_thumbnail_ready)
        loader.thumbnail_failed.connect(self._on_loader_thumbnail_ready)

    # --- Qt model API --------------------------------------------------------------------------

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._items)

    @override
    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> bool:
        """More rows exist; true also while the next page is on its way."""
        return not parent.isValid() and not self._paging_failed and len(self._items) < self._total

    @override
    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex) -> None:
        """Start reading the next page; its rows are inserted when it arrives (one at a time)."""
        if parent.isValid() or self._reader is not None or not self.canFetchMore(parent):
            return
        self._ask(_Read(self._generation, self._filter, len(self._items), self._page_size))

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        item = self.item_at(index.row()) if index.isValid() else None
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return prompt_excerpt(item)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnail(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(item)
        return self._custom_data(item, role)

    def _custom_data(self, item: GalleryItem, role: int) -> Any:
        values: dict[int, Any] = {
            GalleryRole.ITEM: item,
            GalleryRole.KIND: item.output.kind.value,
            GalleryRole.FAVOURITE: item.output.favourite,
            GalleryRole.DURATION: item.output.duration,
            GalleryRole.OUTPUT_ID: item.id,
            GalleryRole.THUMB_KEY: item_thumb_key(item),
            GalleryRole.TRASHED: item.output.trashed_at is not None,
        }
        return values.get(role)

    @override
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        item = self.item_at(index.row()) if index.isValid() else None
        if item is not None and item.file is not None:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

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
        items = [self._items[row] for row in rows if row < len(self._items)]
        mime.setUrls([QUrl.fromLocalFile(str(item.file)) for item in items if item.file])
        return outputs_mime(mime, output_ids=[item.id for item in items])

    @override
    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    # --- gallery API ---------------------------------------------------------------------------

    def filter(self) -> OutputFilter:
        """The filter of the rows on show (a newly set one takes over when its rows arrive)."""
        return self._filter

    def total(self) -> int:
        return self._total

    def set_filter(self, output_filter: OutputFilter) -> None:
        """Show another filter from its first page (read in a thread; see settled())."""
        self._wanted = output_filter
        self._reload(self._page_size)

    def refresh(self) -> None:
        """Re-read every loaded row (at least one page), e.g. after a change in the library."""
        self._reload(max(len(self._items), self._page_size))

    def is_loading(self) -> bool:
        """A read (filter, refresh or page) is on its way."""
        return self._reader is not None

    async def settled(self) -> None:
        """Return once no read is on its way: the rows of the last request are on show."""
        while (reader := self._reader) is not None:
            await asyncio.wait({reader})

    async def aclose(self) -> None:
        """Stop reading (the answer of a read already running in its thread is dropped)."""
        self._next_read = None
        reader = self._reader
        if reader is not None:
            reader.cancel()
            await asyncio.wait({reader})

    def item_at(self, row: int) -> GalleryItem | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, output_id: int) -> int | None:
        return self._ids.get(output_id)

    def find(self, output_id: int) -> GalleryItem | None:
        """The loaded row's item of an output, as it is now."""
        row = self._ids.get(output_id)
        return None if row is None else self._items[row]

    def items(self, rows: Iterable[int]) -> list[GalleryItem]:
        return [self._items[row] for row in sorted(set(rows)) if 0 <= row < len(self._items)]

    def set_favourite_flags(self, output_ids: Iterable[int], on: bool) -> None:
        """Update rows in place after the library starred or unstarred them."""
        for output_id in output_ids:
            row = self._ids.get(output_id)
            if row is None:
                continue
            item = self._items[row]
            output = dataclasses.replace(item.output, favourite=on)
            self._items[row] = dataclasses.replace(item, output=output)
            index = self.index(row)
            self.dataChanged.emit(index, index)

    def thumbnail(self, item: GalleryItem) -> Any:
        key = item_thumb_key(item)
        found = self._loader.pixmap(key) if key is not None else None
        return found if found is not None else placeholder_pixmap(item.output.kind.value)

    # --- internals -----------------------------------------------------------------------------

    def _reload(self, rows: int) -> None:
        self._generation += 1  # whatever is on its way now is stale
        self._ask(_Read(self._generation, self._wanted, 0, rows, is_reload=True))

    def _ask(self, read: _Read) -> None:
        """Queue a read; it replaces one not yet started. A single reader runs them in turn."""
        self._next_read = read
        if self._reader is None:
            self._reader = spawn(self._read_in_turn(), key=(self, "rows"), on_error=self.on_error)

    async def _read_in_turn(self) -> None:
        try:
            while (read := self._next_read) is not None:
                self._next_read = None
                try:
                    answer = await asyncio.to_thread(_read_rows, self._library, read)
                except Exception:
                    if not read.is_reload:
                        self._paging_failed = True  # do not ask again before a refresh
                    raise
                if read.generation == self._generation:
                    self._take(read, answer)
        finally:
            self._reader = None
            self._next_read = None

    def _take(self, read: _Read, answer: _Answer) -> None:
        if answer.total is not None:
            self._replace_rows(read.output_filter, answer.total, answer.items)
        else:
            self._add_page(answer.items)

    def _replace_rows(
        self, output_filter: OutputFilter, total: int, items: list[GalleryItem]
    ) -> None:
        self.beginResetModel()
        self._filter = output_filter
        self._total = total
        self._paging_failed = False
        self._items, self._ids, self._rows_by_key = [], {}, {}
        self._append(items)
        self.endResetModel()
        self.total_changed.emit(self._total)

    def _add_page(self, page: list[GalleryItem]) -> None:
        fresh = [item for item in page if item.id not in self._ids]
        if not fresh:
            self._total = len(self._items)  # the library shrank under us: stop asking
            self.total_changed.emit(self._total)
            return
        first = len(self._items)
        self.beginInsertRows(QModelIndex(), first, first + len(fresh) - 1)
        self._append(fresh)
        self.endInsertRows()

    def _append(self, items: list[GalleryItem]) -> None:
        for item in items:
            row = len(self._items)
            self._items.append(item)
            self._ids[item.id] = row
            key = item_thumb_key(item)
            if key is not None:
                self._rows_by_key.setdefault(key, []).append(row)

    def _on_loader_thumbnail_ready(self, key: str) -> None:
        for row in self._rows_by_key.get(key, ()):
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
