"""The marketplace's list model of endpoints and its capability/tag/text filter proxy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from typing_extensions import override

from studio.ui.icons import capability_icon
from studio.ui.plain import plain_tooltip

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QWidget

    from studio.core.api import Endpoint

_Index = QModelIndex | QPersistentModelIndex
KNOWN_CAPABILITIES = ("image", "video", "audio", "transcribe", "chat", "embeddings")
EndpointRole = Qt.ItemDataRole.UserRole + 1
CapabilityRole = Qt.ItemDataRole.UserRole + 2
SearchTextRole = Qt.ItemDataRole.UserRole + 3
SubtitleRole = Qt.ItemDataRole.UserRole + 4


class MarketplaceModel(QAbstractListModel):
    """Rows of Endpoint values, in the order the API gave them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._endpoints: list[Endpoint] = []

    def set_endpoints(self, endpoints: Sequence[Endpoint]) -> None:
        self.beginResetModel()
        self._endpoints = list(endpoints)
        self.endResetModel()

    def endpoints(self) -> list[Endpoint]:
        return list(self._endpoints)

    def row_of(self, slug: str) -> int:
        return next((i for i, e in enumerate(self._endpoints) if e.slug == slug), -1)

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._endpoints)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._endpoints):
            return None
        endpoint = self._endpoints[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return endpoint.name or endpoint.slug
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(f"{endpoint.slug}\n{endpoint.description}".strip())
        if role == Qt.ItemDataRole.DecorationRole:
            return capability_icon(endpoint.capability)
        if role == SubtitleRole:
            return " · ".join(part for part in (endpoint.provider, endpoint.mode) if part)
        if role == EndpointRole:
            return endpoint
        if role == CapabilityRole:
            return endpoint.capability
        if role == SearchTextRole:
            fields = (endpoint.name, endpoint.slug, endpoint.model, endpoint.provider)
            return " ".join((*fields, *endpoint.tags, endpoint.description)).casefold()
        return None


class MarketplaceFilter(QSortFilterProxyModel):
    """Capability, tag and incremental text filters over MarketplaceModel."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._capability = ""
        self._tag = ""
        self._words: list[str] = []

    def set_capability(self, capability: str) -> None:
        self.beginFilterChange()
        self._capability = capability
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def tag(self) -> str:
        """The tag rows must carry ("" for any)."""
        return self._tag

    def set_tag(self, tag: str) -> None:
        self.beginFilterChange()
        self._tag = tag
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_search(self, text: str) -> None:
        self.beginFilterChange()
        self._words = text.casefold().split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @override
    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        endpoint = model.data(index, EndpointRole)
        if endpoint is None:
            return False
        if self._capability and endpoint.capability != self._capability:
            return False
        if self._tag and self._tag not in endpoint.tags:
            return False
        haystack = str(model.data(index, SearchTextRole))
        return all(word in haystack for word in self._words)
