"""Shared by the gallery tests: a shown GalleryPanel over a library, and row selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel

from studio.ui.gallery import GalleryPanel

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from studio.core.library import Library


def shown_panel(qtbot: QtBot, library: Library, width: int = 1000) -> GalleryPanel:
    widget = GalleryPanel(library)
    qtbot.addWidget(widget)
    widget.resize(width, 700)
    widget.show()
    return widget


def select_rows(panel: GalleryPanel, *rows: int) -> None:
    """Select rows as Ctrl+click would, the first one current."""
    selection = panel.grid.selectionModel()
    flags = QItemSelectionModel.SelectionFlag
    selection.clearSelection()
    for row in rows:
        selection.select(panel.model.index(row), flags.Select)
    selection.setCurrentIndex(panel.model.index(rows[0]), flags.NoUpdate)
