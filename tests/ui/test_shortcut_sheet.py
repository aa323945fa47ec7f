"""The shortcut sheet (F1, Ctrl+/): built from the window's real actions and shortcuts, grouped,
searchable; the menus show their keys; every QShortcut says what it does; the README lists them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QApplication, QMenu

from studio.ui.keyboard.catalog import all_shortcuts, key_text, plain_text
from tests.conftest import wait_until
from tests.ui.keyboard_helpers import activate, ctrl, focused, press, type_text
from tests.ui.studio_harness import running_studio

if TYPE_CHECKING:
    from studio.ui.keyboard.sheet import ShortcutSheet
    from studio.ui.main_window import MainWindow

README = Path(__file__).resolve().parents[2] / "README.md"


def menu_actions(window: MainWindow) -> list[QAction]:
    found = []
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            found += [a for a in menu.actions() if not a.isSeparator()]
    return found


async def open_sheet(window: MainWindow) -> ShortcutSheet:
    keys = window.keys
    await wait_until(lambda: keys.sheet is not None and keys.sheet.isVisible(), 5)
    sheet = keys.sheet
    assert sheet is not None
    await wait_until(lambda: QApplication.activeWindow() is sheet, 5)
    return sheet


@pytest.mark.asyncio
async def test_f1_opens_the_sheet_with_every_menu_shortcut_and_it_searches() -> None:
    async with running_studio(start=False) as (window, _controller):
        await activate(window)
        press(Qt.Key.Key_F1)
        sheet = await open_sheet(window)
        assert sheet.isModal() or sheet.windowModality() != Qt.WindowModality.NonModal
        shown = sheet.shown_lines()
        for action in menu_actions(window):
            if action.shortcut().isEmpty() or action is window.generate_action:
                continue
            keys = key_text(action.shortcut())
            assert any(keys in k and plain_text(action.text()) == w for k, w, _ in shown), keys
        assert ("Ctrl+Return, Ctrl+Enter", "Generate", "Create form") in shown
        groups = [g for _k, _w, g in shown]
        assert groups.index("Anywhere") < groups.index("Models") < groups.index("Queue")
        assert focused() is sheet.search  # type to search at once
        type_text("ctrl+t")
        narrowed = sheet.shown_lines()
        assert narrowed and all("Ctrl+T" in keys for keys, _w, _g in narrowed)
        assert {g for _k, _w, g in narrowed} >= {"Queue", "Preview", "Gallery"}
        sheet.search.selectAll()
        type_text("prompt")
        assert ("Ctrl+P", "Go to the prompt", "Anywhere") in sheet.shown_lines()
        type_text(" no such thing")
        assert sheet.shown_lines() == [] and sheet.empty.isVisibleTo(sheet)
        press(Qt.Key.Key_Escape)
        await wait_until(lambda: window.keys.sheet is None, 5)


@pytest.mark.asyncio
async def test_ctrl_slash_opens_it_too() -> None:
    async with running_studio(start=False) as (window, _controller):
        await activate(window)
        ctrl(Qt.Key.Key_Slash)
        sheet = await open_sheet(window)
        assert len(sheet.shown_lines()) == sum(
            len(line.where.split(", ")) for line in all_shortcuts(window)
        )
        sheet.close()


@pytest.mark.asyncio
async def test_the_menus_show_the_keyboard_ways_in() -> None:
    async with running_studio(start=False) as (window, _controller):
        keys = {plain_text(a.text()): key_text(a.shortcut()) for a in menu_actions(window)}
        assert keys["Search models"] == "Ctrl+F"
        assert keys["Go to the prompt"] == "Ctrl+P"
        assert keys["Go to the queue"] == "Ctrl+J"
        assert keys["Search the gallery"] == "Ctrl+G"
        assert keys["Save output as…"] == "Ctrl+S"
        assert keys["Keyboard shortcuts"] == "F1"
        assert keys["Generate"] == "Ctrl+Return"
        # Buttons say their keys in their tooltips.
        assert "(Ctrl+Enter)" in window.endpoint_page.generate.toolTip()
        assert "(Ctrl+S)" in window.preview.save_button.toolTip()
        assert "(Ctrl+T)" in window.preview.send_button.toolTip()
        assert "(Ctrl+Shift+Backspace)" in window.queue.cancel_all_button.toolTip()
        assert "(Ctrl+F)" in window.marketplace.search.placeholderText()
        assert "(Ctrl+G)" in window.gallery.filter_bar.search.placeholderText()


@pytest.mark.asyncio
async def test_every_shortcut_says_what_it_does_and_none_is_ambiguous() -> None:
    async with running_studio(start=False) as (window, _controller):
        for shortcut in window.findChildren(QShortcut):
            assert shortcut.whatsThis(), f"{shortcut.key().toString()} says nothing"
        # A window-wide key means one thing (two would be ambiguous: neither would act).
        seen: dict[str, str] = {}
        for line in all_shortcuts(window):
            if line.where == "Anywhere":
                for key in line.keys:
                    assert seen.setdefault(key, line.what) == line.what, key


@pytest.mark.asyncio
async def test_the_readme_lists_every_shortcut() -> None:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Keyboard\n(.*?)(?=^## )", text, re.MULTILINE | re.DOTALL)
    assert match is not None, "README has no Keyboard section"
    cells = {cell.strip().strip("`") for cell in re.findall(r"`([^`]+)`", match.group(1))}
    async with running_studio(start=False) as (window, _controller):
        for line in all_shortcuts(window):
            for key in line.keys:
                assert key in cells, f"README's Keyboard section lacks {key} ({line.what})"


def test_the_sheet_drops_mnemonic_markers_in_both_languages() -> None:
    assert plain_text("&Quit") == "Quit"
    assert plain_text("Save && close") == "Save & close"
    assert plain_text("将结果另存为(&S)…") == "将结果另存为…"
    assert plain_text("设置(&S)...") == "设置..."
