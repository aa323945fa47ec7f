"""The marketplace's list model of endpoints, with each row's search text computed once.

``MarketplaceModel`` holds the catalog in the API's order. When the catalog is set it also
precomputes, per row, the case-folded text a search looks in (``search_texts``) and the shorter
title text (name, slug, model, provider) a match ranks by (``title_texts``), so filtering never
builds or case-folds a row's text again (see ``studio.ui.marketplace.search``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
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


def title_text(endpoint: Endpoint) -> str:
    """What a row is called: name, slug, model and provider, case-folded."""
    fields = (endpoint.name, endpoint.slug, endpoint.model, endpoint.provider)
    return " ".join(fields).casefold()


def search_text(endpoint: Endpoint) -> str:
    """Everything a search looks in: the title, the tags and the description, case-folded."""
    return " ".join((title_text(endpoint), *endpoint.tags, endpoint.description)).casefold()


class MarketplaceModel(QAbstractListModel):
    """Rows of Endpoint values, in the order the API gave them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._endpoints: list[Endpoint] = []
        self._rows: dict[str, int] = {}
        self.search_texts: list[str] = []
        self.title_texts: list[str] = []

    def set_endpoints(self, endpoints: Sequence[Endpoint]) -> None:
        self.beginResetModel()
        self._endpoints = list(endpoints)
        # The first row of a slug wins, as a scan from the top would find it.
        self._rows = {}
        for row, endpoint in enumerate(self._endpoints):
            self._rows.setdefault(endpoint.slug, row)
        self.title_texts = [title_text(endpoint) for endpoint in self._endpoints]
        self.search_texts = [search_text(endpoint) for endpoint in self._endpoints]
        self.endResetModel()

    def endpoints(self) -> list[Endpoint]:
        return list(self._endpoints)

    def endpoint_at(self, row: int) -> Endpoint:
        return self._endpoints[row]

    def row_of(self, slug: str) -> int:
        return self._rows.get(slug, -1)

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._endpoints)

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._endpoints):
            return None
        return self.row_data(index.row(), role)

    def row_data(self, row: int, role: int) -> Any:
        """data() for a row known to exist (the filter asks through here, once per call)."""
        endpoint = self._endpoints[row]
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
            return self.search_texts[row]
        return None
