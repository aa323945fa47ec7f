"""Gallery fixes from a QA walkthrough: undo banner, 1024 px action bar, dark names, empty grid."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import pytest_asyncio
from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

from bench.fill import build_library
from studio.ui.gallery import GalleryPanel
from studio.ui.theme import apply_theme, contrast_ratio
from tests.conftest import wait_until
from tests.ui.gallery_helpers import open_panel, select_rows

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator
    from pathlib import Path

    from PySide6.QtGui import QColor
    from pytestqt.qtbot import QtBot

    from studio.core.library import Library

ROWS = 12


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = build_library(tmp_path / "lib", ROWS, ROWS)
    yield library
    library.close()


@pytest_asyncio.fixture
async def panel(qapp: QApplication, lib: Library) -> AsyncIterator[GalleryPanel]:
    async with open_panel(lib, 1100) as widget:
        yield widget


async def _show_trash(panel: GalleryPanel, on: bool = True) -> None:
    panel.filter_bar.trash.setChecked(on)
    await panel.settled()


async def _do(panel: GalleryPanel, action: str) -> None:
    """Trigger a gallery action and wait for the library's answer and the rows it changed."""
    getattr(panel.gallery_actions, action).trigger()
    await panel.settled()


# --- the undo banner ---------------------------------------------------------------------------


@pytest.mark.asyncio
async def test_restoring_the_trashed_output_hides_its_undo_banner(panel: GalleryPanel) -> None:
    select_rows(panel, 0)
    await _do(panel, "trash")
    assert panel.banner.isVisibleTo(panel) and "Moved 1 output" in panel.banner.text.text()
    await _show_trash(panel)
    select_rows(panel, 0)
    await _do(panel, "restore")
    assert not panel.banner.isVisibleTo(panel)
    assert not panel.commands.can_undo_trash()  # nothing left for Ctrl+Z to put back


@pytest.mark.asyncio
async def test_restoring_part_of_a_trashing_updates_the_banner(
    panel: GalleryPanel, lib: Library
) -> None:
    select_rows(panel, 0, 1)
    await _do(panel, "trash")
    assert "Moved 2 outputs" in panel.banner.text.text()
    await _show_trash(panel)
    select_rows(panel, 0)
    await _do(panel, "restore")
    assert panel.banner.isVisibleTo(panel)
    assert panel.banner.text.text() == "Moved 1 output to the trash."
    panel.banner.action.click()  # Undo puts back the one still in the trash
    await panel.settled()
    assert panel.model.total() == 0 and not panel.banner.isVisibleTo(panel)


@pytest.mark.asyncio
async def test_another_action_hides_the_undo_banner_but_dismissal_is_kept(
    panel: GalleryPanel,
) -> None:
    select_rows(panel, 0)
    await _do(panel, "trash")
    select_rows(panel, 0)
    await _do(panel, "star")
    assert not panel.banner.isVisibleTo(panel)
    assert panel.commands.can_undo_trash()  # Ctrl+Z still knows the last trashing

    select_rows(panel, 0, 1)
    await _do(panel, "trash")
    panel.banner.close_button.click()  # dismissed by the user …
    await _show_trash(panel)
    select_rows(panel, 0)
    await _do(panel, "restore")
    assert not panel.banner.isVisibleTo(panel)  # … stays dismissed


# --- the action bar at a 1024 px window --------------------------------------------------------


def _cut_off(panel: GalleryPanel) -> list[str]:
    """Labels of visible actions whose buttons are hidden or not wholly inside the window."""
    bar = panel.toolbar
    window = panel.window()
    cut = []
    for action in vars(panel.gallery_actions).values():
        button = bar.button(action)
        if button is None or not action.isVisible():
            continue
        corner = button.mapTo(window, button.rect().bottomRight())
        inside = window.rect().contains(corner) and bar.width() >= bar.minimumSizeHint().width()
        if not (button.isVisible() and inside):
            cut.append(action.iconText())
    return cut


def _label_fits(panel: GalleryPanel) -> bool:
    label = panel.count_label
    return label.fontMetrics().horizontalAdvance(label.text()) <= label.width()


@pytest.mark.asyncio
async def test_action_bar_fits_a_1024_window_in_both_views(qtbot: QtBot, lib: Library) -> None:
    window = QTabWidget()  # as in the main window: the gallery is a tab
    qtbot.addWidget(window)
    panel = GalleryPanel(lib)
    try:
        await _check_action_bar(window, panel)
    finally:
        await panel.aclose()


async def _check_action_bar(window: QTabWidget, panel: GalleryPanel) -> None:
    window.addTab(QWidget(), "Create")
    window.addTab(panel, "Gallery")
    window.setCurrentWidget(panel)
    window.resize(1024, 700)
    window.show()
    await wait_until(lambda: panel.toolbar.width() > 0)
    bar = panel.toolbar
    for trash_view in (False, True):
        await _show_trash(panel, trash_view)
        # Lay out what the switch changed; no processEvents() inside a coroutine.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        assert _cut_off(panel) == [], f"trash view: {trash_view}"
        assert _label_fits(panel), panel.count_label.text()
        shown = {action.iconText() for action in bar.actions_shown()}
        assert "Export…" in shown
        assert {"Restore", "Empty trash"} <= shown if trash_view else {"Star", "Trash"} <= shown
    assert bar.more_button.isVisible()
    texts = [action.text() for action in bar.more_menu.actions()]
    assert {"Open folder", "Export to folder…", "Export as zip…", "Undo trash"} <= set(texts)


# --- names in the detail pane after a live theme switch ----------------------------------------


def _name_colour(panel: GalleryPanel, name: str) -> QColor:
    found = panel.detail.facts.document().find(name)
    assert not found.isNull()
    return found.charFormat().foreground().color()


@pytest.mark.asyncio
async def test_parameter_names_stay_legible_after_a_live_dark_switch(
    restore_theme: QApplication, panel: GalleryPanel
) -> None:
    apply_theme(restore_theme, "light")
    select_rows(panel, 0)
    panel.grid.setCurrentIndex(panel.model.index(0))
    light = _name_colour(panel, "Endpoint")
    apply_theme(restore_theme, "dark")
    dark = _name_colour(panel, "Endpoint")
    base = restore_theme.palette().color(QPalette.ColorRole.Base)
    assert dark != light
    assert contrast_ratio(dark, base) >= 3.0
    assert contrast_ratio(light, base) < 3.0  # what the pane showed before the fix


# --- empty states ------------------------------------------------------------------------------


def _empty_text(panel: GalleryPanel) -> str:
    label = panel.grid.empty_label
    return label.text() if label.isVisibleTo(panel) else ""


@pytest.mark.asyncio
async def test_empty_trash_says_so(panel: GalleryPanel) -> None:
    assert _empty_text(panel) == ""
    await _show_trash(panel)
    assert _empty_text(panel) == "Trash is empty"


@pytest.mark.asyncio
async def test_search_without_results_offers_to_clear_filters(panel: GalleryPanel) -> None:
    panel.filter_bar.favourites.setChecked(True)
    panel.filter_bar.search.setText("zzzz-nothing-like-this")
    panel.filter_bar.flush_search()
    await panel.settled()
    assert panel.model.total() == 0
    shown = _empty_text(panel)
    assert shown.startswith("No outputs match — ") and "clear filters</a>" in shown
    panel.grid.empty_label.linkActivated.emit("clear")
    await panel.settled()
    assert panel.model.total() == ROWS and _empty_text(panel) == ""
    bar = panel.filter_bar
    assert bar.search.text() == "" and not bar.favourites.isChecked()
