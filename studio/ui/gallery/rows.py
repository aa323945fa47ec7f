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
        self._paths: list[str | None] = []  # relative to the outputs root, as the library has it
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
        return self._paths[row]

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
        self._paths, self._items = [], []
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
        del self._paths[row], self._items[row]
        self._rows = None

    def put(self, row: int, item: GalleryItem) -> None:
        """The row's item as read again (same output id)."""
        self._flags[row] = _flags(item)
        self._paths[row] = item.output.local_path
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
