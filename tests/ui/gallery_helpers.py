"""Shared by the gallery tests: a shown GalleryPanel over a library, row selection, and page
reads held until a test lets them go."""

from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel

from studio.ui.gallery import GalleryPanel

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    import pytest

    from studio.core.library import GalleryItem, Library


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


def hold_page_reads(library: Library, monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Page reads of library wait (5 s at most) until the returned event is set."""
    gate = threading.Event()
    real_page = library.page_outputs

    def held(*args: Any, **kwargs: Any) -> list[GalleryItem]:
        gate.wait(5)
        return real_page(*args, **kwargs)

    monkeypatch.setattr(library, "page_outputs", held)
    return gate
