"""The gallery model's rows: a few bytes for every loaded row, whole items for a window of them.

A gallery scrolled through 100,000 outputs must not keep 100,000 GalleryItems (about 2 KB each,
and work for every full garbage collection). Every loaded row keeps its output id, sort key,
star and trash flags and file path, in flat arrays: enough to select, drag, star, trash and find
it. The GalleryItem itself is kept for blocks of rows used lately (painted, selected, current);
the least recently used blocks beyond a budget are dropped and read again when shown.

No Qt here: GalleryModel turns these changes into model signals.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections import OrderedDict
from dataclasses import replace
from itertools import accumulate
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from studio.core.library import GalleryItem

BLOCK: Final = 256  # rows dropped or read back together
# Blocks whose items stay: about 2,000 items (~4 MB), a hundred screens of tiles. More only
# cost memory: scrolling back further reads a block again off the GUI thread.
KEPT_BLOCKS: Final = 8
_STARRED: Final = 1
_TRASHED: Final = 2

SortKey = tuple[float, int]  # (created_at, id), negated for newest first: rows ascend by it


def _flags(item: GalleryItem) -> int:
    starred = _STARRED if item.output.favourite else 0
    return starred | (_TRASHED if item.output.trashed_at is not None else 0)


class GalleryRows:
    """Loaded rows in filter order; see the module docstring. Rows are 0-based positions."""

    def __init__(self, newest_first: bool = True, kept_blocks: int = KEPT_BLOCKS) -> None:
        self.newest_first = newest_first
        self._kept_blocks = kept_blocks
        self._ids = array("q")
        self._times = array("d")
        self._flags = bytearray()
        self._paths = PathColumn()  # relative to the outputs root, as the library has it
        self._items: list[GalleryItem | None] = []
        self._rows: dict[int, int] | None = {}  # output id -> row; rebuilt after a move
        self._used: OrderedDict[int, None] = OrderedDict()  # blocks with items, oldest first
        # Blocks that must keep their items (selected or current rows), asked when dropping.
        self.keep: Callable[[int, int], bool] = lambda _first, _last: False

    def __len__(self) -> int:
        return len(self._ids)

    # --- reading -------------------------------------------------------------------------------

    def item(self, row: int) -> GalleryItem | None:
        """The row's item, or None when it was dropped (read it again with missing())."""
        if not 0 <= row < len(self._items):
            return None
        found = self._items[row]
        if found is not None:
            self._used[row // BLOCK] = None
            self._used.move_to_end(row // BLOCK)
        return found

    def loaded(self, row: int) -> bool:
        return 0 <= row < len(self._items) and self._items[row] is not None

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def ids(self, rows: Iterable[int]) -> list[int]:
        count = len(self._ids)
        return [self._ids[row] for row in sorted(set(rows)) if 0 <= row < count]

    def path_at(self, row: int) -> str | None:
        return self._paths.get(row)

    def has_file(self, row: int) -> bool:
        return self._paths.has(row)

    def starred(self, row: int) -> bool:
        return bool(self._flags[row] & _STARRED)

    def trashed(self, row: int) -> bool:
        return bool(self._flags[row] & _TRASHED)

    def row_of(self, output_id: int) -> int | None:
        if self._rows is None:
            self._rows = {output_id: row for row, output_id in enumerate(self._ids)}
        return self._rows.get(output_id)

    def sort_key(self, item: GalleryItem) -> SortKey:
        created, output_id = item.output.created_at, item.id
        return (-created, -output_id) if self.newest_first else (created, output_id)

    def position_for(self, item: GalleryItem) -> int:
        """Where an item not yet among the rows would go."""
        key = self.sort_key(item)
        return bisect_left(range(len(self._ids)), key, key=self._key_at)

    def last_key(self) -> tuple[float, int] | None:
        """(created_at, id) of the last row: where the next page starts."""
        if not self._ids:
            return None
        return (self._times[-1], self._ids[-1])

    def missing(self, rows: Iterable[int]) -> list[int]:
        """Output ids of these rows whose items were dropped."""
        count = len(self._items)
        return [self._ids[r] for r in rows if 0 <= r < count and self._items[r] is None]

    # --- changing ------------------------------------------------------------------------------

    def clear(self, newest_first: bool) -> None:
        self.newest_first = newest_first
        self._ids, self._times = array("q"), array("d")
        self._flags = bytearray()
        self._paths, self._items = PathColumn(), []
        self._rows = {}
        self._used.clear()

    def append(self, items: Sequence[GalleryItem]) -> None:
        first = len(self._ids)
        self._ids.extend(item.id for item in items)
        self._times.extend(item.output.created_at for item in items)
        self._flags.extend(_flags(item) for item in items)
        self._paths.extend(item.output.local_path for item in items)
        self._items.extend(items)
        if self._rows is not None:
            self._rows.update((item.id, first + n) for n, item in enumerate(items))
        for block in range(first // BLOCK, (len(self._ids) - 1) // BLOCK + 1):
            self._used[block] = None
            self._used.move_to_end(block)

    def insert(self, row: int, item: GalleryItem) -> None:
        self._ids.insert(row, item.id)
        self._times.insert(row, item.output.created_at)
        self._flags.insert(row, _flags(item))
        self._paths.insert(row, item.output.local_path)
        self._items.insert(row, item)
        self._rows = None
        self._used[row // BLOCK] = None

    def insert_run(self, row: int, items: Sequence[GalleryItem]) -> None:
        """Insert items (in row order) from row on."""
        for offset, item in enumerate(items):
            self.insert(row + offset, item)

    def remove(self, row: int) -> None:
        del self._ids[row], self._times[row], self._flags[row]
        self._paths.delete(row)
        del self._items[row]
        self._rows = None

    def put(self, row: int, item: GalleryItem) -> None:
        """The row's item as read again (same output id)."""
        self._flags[row] = _flags(item)
        self._paths.set(row, item.output.local_path)
        self._items[row] = item
        self._used[row // BLOCK] = None
        self._used.move_to_end(row // BLOCK)

    def set_starred(self, row: int, on: bool) -> None:
        self._flags[row] = (self._flags[row] & ~_STARRED) | (_STARRED if on else 0)
        item = self._items[row]
        if item is not None:
            self._items[row] = replace(item, output=replace(item.output, favourite=on))

    def drop_unused(self) -> None:
        """Drop the items of the least recently used blocks beyond the budget (not kept ones)."""
        tries = len(self._used)
        while len(self._used) > self._kept_blocks and tries > 0:
            tries -= 1
            block, _ = self._used.popitem(last=False)
            first = block * BLOCK
            last = min(first + BLOCK, len(self._items)) - 1
            if self.keep(first, last):
                self._used[block] = None  # in use after all: to the young end
                continue
            if first <= last:
                self._items[first : last + 1] = [None] * (last + 1 - first)

    def _key_at(self, row: int) -> SortKey:
        created, output_id = self._times[row], self._ids[row]
        return (-created, -output_id) if self.newest_first else (created, output_id)


class PathColumn:
    """One optional string per row, packed into one buffer: a str object per row costs ~50
    bytes over its text (100,000 rows of 20-character paths: 7 MB as strs, 3 MB here)."""

    def __init__(self) -> None:
        self._text = bytearray()  # UTF-8, row after row
        self._sizes = array("i")  # bytes of each row's text; -1: none
        # Where each row's text starts, and the end: rebuilt after a change in the middle.
        self._starts: array[int] | None = array("q", [0])

    def __len__(self) -> int:
        return len(self._sizes)

    def has(self, row: int) -> bool:
        return self._sizes[row] >= 0

    def get(self, row: int) -> str | None:
        size = self._sizes[row]
        if size < 0:
            return None
        start = self._start(row)
        return self._text[start : start + size].decode("utf-8", "surrogatepass")

    def extend(self, texts: Iterable[str | None]) -> None:
        encoded = [_encoded(text) for text in texts]
        self._text += b"".join(data for data in encoded if data is not None)
        sizes = [-1 if data is None else len(data) for data in encoded]
        self._sizes.extend(sizes)
        if self._starts is not None:
            ends = accumulate((max(size, 0) for size in sizes), initial=self._starts[-1])
            next(ends)  # the first is the current end
            self._starts.extend(ends)

    def insert(self, row: int, text: str | None) -> None:
        data = _encoded(text)
        start = self._start(row)
        self._text[start:start] = data or b""
        self._sizes.insert(row, -1 if data is None else len(data))
        self._starts = None

    def set(self, row: int, text: str | None) -> None:
        data = _encoded(text)
        start, old = self._start(row), max(self._sizes[row], 0)
        self._text[start : start + old] = data or b""
        self._sizes[row] = -1 if data is None else len(data)
        if len(data or b"") != old:
            self._starts = None

    def delete(self, row: int) -> None:
        start = self._start(row)
        del self._text[start : start + max(self._sizes[row], 0)]
        del self._sizes[row]
        self._starts = None

    def _start(self, row: int) -> int:
        if self._starts is None:
            self._starts = array("q", accumulate((max(s, 0) for s in self._sizes), initial=0))
        return self._starts[row]


def _encoded(text: str | None) -> bytes | None:
    return None if text is None else text.encode("utf-8", "surrogatepass")
