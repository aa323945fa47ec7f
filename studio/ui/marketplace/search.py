"""The marketplace's filter: a list model of only the endpoints matching capability, tag and words.

No Python runs per row per keystroke. The rows that pass the capability and tag filters are
computed when those change; each search word then narrows a list of row numbers with
``itertools.compress`` over the model's precomputed, case-folded search texts (C loops over
``str.__contains__``). Typing further starts from the previous result instead of the whole
catalog: when every earlier word is part of a new word, a row that matches the new words matched
the earlier ones too. The matching rows are shown with those that match in their title (name,
slug, model, provider) first, then those that match only in tags or description, each group in
the catalog's order; with no words the catalog's order stays.

It is a QStringListModel with one (empty) string per shown row, so Qt's own ``index()`` and
``rowCount()`` answer the view (a QListView lays out by asking for every row's index; through a
Python model that alone cost ~3 µs a row); only ``data()`` and ``flags()``, asked for the
painted rows, are Python. It resets when its rows change and maps rows to and from the
MarketplaceModel like a proxy (``map_from_source``/``map_to_source``); the source model only
ever resets.
"""

from __future__ import annotations

import itertools
import operator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from typing_extensions import override

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget

    from studio.ui.marketplace.model import MarketplaceModel

_Index = QModelIndex | QPersistentModelIndex
_FLAGS = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren


def rows_containing(rows: Sequence[int], texts: Sequence[str], word: str) -> list[int]:
    """Those of ``rows`` whose text contains ``word`` (in order), without a Python loop."""
    chosen = texts if len(rows) == len(texts) else list(map(texts.__getitem__, rows))
    return list(itertools.compress(rows, map(operator.contains, chosen, itertools.repeat(word))))


def narrows(before: Sequence[str], after: Sequence[str]) -> bool:
    """Whether every row matching ``after`` also matches ``before`` (each old word in a new one)."""
    return all(any(old in new for new in after) for old in before)


class MarketplaceFilter(QStringListModel):
    """Capability, tag and incremental text filters over a MarketplaceModel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source: MarketplaceModel | None = None
        self._capability = ""
        self._tag = ""
        self._words: list[str] = []
        self._base: list[int] = []  # rows passing capability and tag, catalog order
        self._matches: list[int] = []  # rows of _base matching _words, catalog order
        self._shown: list[int] = []  # _matches in display order

    # --- the filters ------------------------------------------------------------------------------

    def capability(self) -> str:
        """The capability rows must have ("" for any)."""
        return self._capability

    def set_capability(self, capability: str) -> None:
        if capability != self._capability:
            self._capability = capability
            self._refilter(rebase=True)

    def tag(self) -> str:
        """The tag rows must carry ("" for any)."""
        return self._tag

    def set_tag(self, tag: str) -> None:
        if tag != self._tag:
            self._tag = tag
            self._refilter(rebase=True)

    def set_search(self, text: str) -> None:
        words = text.casefold().split()
        if words != self._words:
            before, self._words = self._words, words
            self._refilter(rebase=False, before=before)

    def _refilter(self, *, rebase: bool, before: list[str] | None = None) -> None:
        """Recompute the matching rows and show them (a reset of this model).

        ``before``: the words of the previous result; when the new words narrow it, only the
        words it was not already matched against are looked for, in its rows only.
        """
        source = self._source
        if source is None:
            self._show([])
            return
        if rebase:
            self._base = self._passing_capability_and_tag(source)
        rows, words = self._base, self._words
        if before is not None and narrows(before, words):
            rows, words = self._matches, [word for word in words if word not in before]
        for word in words:
            rows = rows_containing(rows, source.search_texts, word)
        self._matches = rows
        self._show(self._ranked(source, rows))

    def _show(self, rows: list[int]) -> None:
        self._shown = rows
        # One empty C++ string per row: Qt's own index(), rowCount() and layout then run no
        # Python, and data() (below) answers every role, the name included.
        self.setStringList([""] * len(rows))

    def _passing_capability_and_tag(self, source: MarketplaceModel) -> list[int]:
        everything = range(source.rowCount())
        if not self._capability and not self._tag:
            return list(everything)
        endpoints = source.endpoints()
        return [
            row
            for row in everything
            if (not self._capability or endpoints[row].capability == self._capability)
            and (not self._tag or self._tag in endpoints[row].tags)
        ]

    def _ranked(self, source: MarketplaceModel, rows: list[int]) -> list[int]:
        """Rows matching in their title first, then the rest; each in catalog order."""
        if not self._words or not rows:
            return rows
        titled = rows
        for word in self._words:
            titled = rows_containing(titled, source.title_texts, word)
        if len(titled) == len(rows):
            return rows
        first = set(titled)
        return titled + [row for row in rows if row not in first]

    # --- the model -------------------------------------------------------------------------------

    def set_source_model(self, model: MarketplaceModel) -> None:
        """Filter this model (and follow it when its catalog is replaced)."""
        if self._source is not None:
            self._source.modelAboutToBeReset.disconnect(self._on_source_about_to_reset)
            self._source.modelReset.disconnect(self._on_source_reset)
        self._source = model
        model.modelAboutToBeReset.connect(self._on_source_about_to_reset)
        model.modelReset.connect(self._on_source_reset)
        self._refilter(rebase=True)

    def source_model(self) -> MarketplaceModel | None:
        return self._source

    def _on_source_about_to_reset(self) -> None:
        # The source's rows are about to change: show none until they have.
        self._base = self._matches = []
        self._show([])

    def _on_source_reset(self) -> None:
        self._refilter(rebase=True)

    def map_to_source(self, index: _Index) -> QModelIndex:
        """The source model's index of one of these rows (invalid for an invalid index)."""
        source, row = self._source, index.row()
        if source is None or not index.isValid() or not 0 <= row < len(self._shown):
            return QModelIndex()
        return source.index(self._shown[row], 0)

    def map_from_source(self, index: _Index) -> QModelIndex:
        """This model's index of a source row (invalid when the filters hide it)."""
        if not index.isValid() or index.model() is not self._source:
            return QModelIndex()
        try:
            position = self._shown.index(index.row())  # a C loop, asked once per refilter
        except ValueError:
            return QModelIndex()
        return self.index(position, 0)

    @override
    def flags(self, index: _Index) -> Qt.ItemFlag:
        # Not editable, not draggable (a QStringListModel's rows are both).
        return _FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        source, row = self._source, index.row()
        if source is None or not index.isValid() or not 0 <= row < len(self._shown):
            return None
        return source.row_data(self._shown[row], role)
