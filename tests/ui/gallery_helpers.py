"""Shared by the gallery tests: a shown GalleryPanel over a library, and row selection."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel

from studio.ui.gallery import GalleryPanel

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from studio.core.library import Library


@asynccontextmanager
async def open_panel(
    library: Library, width: int = 1000, height: int = 700, *, show: bool = True
) -> AsyncIterator[GalleryPanel]:
    """A panel with its first rows in; afterwards its reads and thumbnails stop before it goes."""
    widget = GalleryPanel(library)
    widget.resize(width, height)
    if show:
        widget.show()
    try:
        await widget.settled()
        yield widget
    finally:
        await widget.aclose()
        widget.close()
        widget.deleteLater()


def select_rows(panel: GalleryPanel, *rows: int) -> None:
    """Select rows as Ctrl+click would, the first one current."""
    selection = panel.grid.selectionModel()
    flags = QItemSelectionModel.SelectionFlag
    selection.clearSelection()
    for row in rows:
        selection.select(panel.model.index(row), flags.Select)
    selection.setCurrentIndex(panel.model.index(rows[0]), flags.NoUpdate)
