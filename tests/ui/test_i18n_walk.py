"""Built in zh_CN, every screen speaks Chinese: no English UI word is left, nothing is cut off.

The walk reads every label, button, tab, menu, action, placeholder, tooltip, combo item, group
title and item-view row of the main window (marketplace, form, queue, preview), Settings, Compare
and Gallery after a real generation on the simulator. Allowed to stay as they are: what the
server sent (model names, slugs, providers, tags, descriptions, enum values, parameter names),
the prompt typed, paths, and a short list of units, key names, formats and brands.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
)

from studio.sim.catalog import load_catalog_entries
from studio.ui import i18n
from studio.ui.endpoint import RequestDialog
from studio.ui.preview import PreviewPane
from studio.ui.preview.item import PreviewItem, PreviewKind
from studio.ui.settings_dialog import SettingsDialog
from tests.conftest import wait_until
from tests.ui.studio_harness import generate_and_wait, open_endpoint, running_studio

if TYPE_CHECKING:
    from collections.abc import Iterator

    from PySide6.QtGui import QAction

    from studio.ui.main_window import MainWindow

IMAGE = "google/nano-banana/text-to-image"
PROMPT = "雪山日出 sunrise over snowy peaks"
# Units, key names, file formats, protocols and brands: the same words in a Chinese UI.
ALLOWED = {
    *("Mountsea", "Studio", "API", "URL", "URLs", "URI", "JSON", "cURL", "Python", "httpx"),
    *("Ctrl", "Shift", "Enter", "Space", "Delete", "Home", "End", "Backspace", "Return"),
    *("Webhook", "POST", "http", "https", "data", "base64", "zip", "ID", "IDs", "FPS", "CFG"),
    *("PNG", "JPEG", "WebP", "GIF", "BMP", "TIFF", "MP4", "WebM", "QuickTime", "Matroska"),
    *("WAV", "MP3", "M4A", "AAC", "Ogg", "Opus", "FLAC", "SubRip", "WebVTT", "cURL"),
    *("px", "ms", "KB", "kB", "MB", "GB", "Qt", "PySide6"),
    "English",  # the language switch names each language in itself
}
SEPARATORS = re.compile(r"\s*(?:·|\n|,|，|：|:|\s{2,}|—|→|（|）)\s*")
ENGLISH = re.compile(r"[A-Za-z]{2,}")
NOISE = re.compile(r"(?:/[\w.\-]+)+|\*\.\w+|https?://\S+|\bF\d+\b|#[\w.\-]+|\w+[-_.]\w+[\w\-_.]*")


def server_strings() -> set[str]:
    """Every string (and key) in the catalog the simulator serves: the server's own text."""
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.add(value.strip())
        elif isinstance(value, dict):
            for key, item in value.items():
                found.add(str(key))
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(load_catalog_entries())
    return found


def english_left(text: str, server: set[str]) -> list[str]:
    """The English words of ``text`` that are neither server text nor allowed."""
    text = re.sub(r"<br\s*/?>", "\n", text)
    text = re.sub(r"<[^>]+>", "", text).replace("\xa0", " ").replace("\u2011", "-")
    text = text.replace("&", "")
    if text.strip() in server or PROMPT in text:
        return []
    for known in sorted((k for k in server if len(k) > 3), key=len, reverse=True):
        if known in text:  # descriptions, names and slugs inside a longer line
            text = text.replace(known, " ")
    words = []
    for raw in SEPARATORS.split(text):
        part = raw.strip().strip("…*\"'“”#")
        if not part or part in server or part.capitalize() in server:
            continue
        words += [w for w in ENGLISH.findall(NOISE.sub(" ", part)) if w not in ALLOWED]
    return words


def texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a user reads on ``widget`` and its children."""
    for child in [widget, *widget.findChildren(QWidget)]:
        name = type(child).__name__
        yield f"{name} tooltip", child.toolTip()
        yield f"{name} title", child.windowTitle() if child.isWindow() else ""
        yield from own_texts(child)
        for action in child.actions():
            yield from action_texts(action)


def own_texts(child: QWidget) -> Iterator[tuple[str, str]]:
    """The texts particular to the kind of widget ``child`` is."""
    name = type(child).__name__
    if isinstance(child, QLabel | QAbstractButton):
        yield name, child.text()
    elif isinstance(child, QLineEdit | QPlainTextEdit | QTextEdit):
        yield f"{name} placeholder", child.placeholderText()
    elif isinstance(child, QTabBar):
        for index in range(child.count()):
            yield f"{name} tab", child.tabText(index)
            yield f"{name} tab tooltip", child.tabToolTip(index)
    elif isinstance(child, QComboBox):
        yield from ((f"{name} item", child.itemText(i)) for i in range(child.count()))
    elif isinstance(child, QGroupBox):
        yield name, child.title()
    elif isinstance(child, QMenu):
        yield f"{name} menu", child.title()
    elif isinstance(child, QAbstractItemView) and child.model() is not None:
        yield from rows_of(child)


def action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    yield "action", action.text()
    if action.toolTip() != action.text().replace("&", ""):
        yield "action tooltip", action.toolTip()
    yield "action icon text", action.iconText()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield "menu", menu.title()
        for inner in menu.actions():
            yield from action_texts(inner)


def rows_of(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(QModelIndex())
    for column in range(columns):
        header = model.headerData(column, Qt.Orientation.Horizontal)
        yield "header", str(header) if header is not None else ""
    for row in range(min(model.rowCount(QModelIndex()), 50)):
        for column in range(columns):
            index = model.index(row, column, QModelIndex())
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield f"{type(view).__name__} row", value


def leftovers(widget: QWidget, server: set[str]) -> list[str]:
    return sorted(
        {
            f"{where}: {text!r} → {words}"
            for where, text in texts_of(widget)
            if text and (words := english_left(text, server))
        }
    )


def cut_off(widget: QWidget) -> list[str]:
    """Visible one-line labels and buttons whose text is wider than their room."""
    found = []
    for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
        if not child.isVisibleTo(widget) or child.width() <= 0:
            continue
        text = child.text().replace("&", "")
        if not text or "\n" in text or "<" in text:
            continue
        if isinstance(child, QLabel) and child.wordWrap():
            continue
        icon_only = Qt.ToolButtonStyle.ToolButtonIconOnly
        if isinstance(child, QToolButton) and child.toolButtonStyle() == icon_only:
            continue  # the words are in its tooltip
        room = child.contentsRect().width()
        need = child.fontMetrics().horizontalAdvance(text)
        if isinstance(child, QAbstractButton):
            room = max(room, child.width()) - 8  # a button's frame and padding
            need = child.fontMetrics().horizontalAdvance(text) - 8
            if child.icon().isNull() is False:
                need += child.iconSize().width()
        if need > room + 2:
            found.append(f"{type(child).__name__} {text!r}: needs {need}px, has {room}px")
    return found


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[QApplication]:
    i18n.install(qapp, "zh_CN")
    yield qapp
    i18n.install(qapp, "en")


async def settled_studio(window: MainWindow) -> None:
    window.resize(1280, 800)
    await wait_until(lambda: window.size().width() == 1280)


@pytest.mark.asyncio
@pytest.mark.usefixtures("chinese")
async def test_every_screen_speaks_chinese() -> None:
    server = server_strings()
    async with running_studio() as (window, controller):
        await settled_studio(window)
        await open_endpoint(controller, IMAGE)
        page = window.endpoint_page
        assert page.form is not None
        page.form.set_value({"prompt": PROMPT})
        job = await generate_and_wait(controller, IMAGE)
        window.queue.select_job(job.local_id)
        problems = {"create": leftovers(window, server)}
        menu = window.queue.context_menu_for(job)
        problems["queue menu"] = leftovers(menu, server)
        menu.close()
        page.show_request.click()
        request = window.findChild(RequestDialog)
        assert request is not None
        problems["request"] = leftovers(request, server)
        request.close()

        controller.open_settings()
        dialog = window.findChild(SettingsDialog)
        assert dialog is not None
        problems["settings"] = leftovers(dialog, server)
        dialog.reject()

        window.show_compare()
        compare = window.compare
        assert compare is not None
        compare.picker.set_task("image-to-video")
        await wait_until(compare.isVisible)
        problems["compare"] = leftovers(compare, server)

        window.show_gallery()
        gallery = window.gallery
        await wait_until(lambda: gallery.model.rowCount() > 0)
        gallery.grid.setCurrentIndex(gallery.model.index(0))
        await wait_until(lambda: gallery.current_item() is not None)
        problems["gallery"] = leftovers(gallery, server)
    left = {screen: found for screen, found in problems.items() if found}
    assert not left, "\n".join(f"[{s}] {line}" for s, lines in left.items() for line in lines)


@pytest.mark.asyncio
@pytest.mark.usefixtures("chinese")
async def test_nothing_is_cut_off_at_1280_by_800() -> None:
    async with running_studio() as (window, controller):
        await settled_studio(window)
        await open_endpoint(controller, IMAGE)
        found = {"create": cut_off(window)}
        window.show_compare()
        await wait_until(lambda: window.compare is not None and window.compare.isVisible())
        found["compare"] = cut_off(window)
        window.show_gallery()
        await wait_until(window.gallery.isVisible)
        found["gallery"] = cut_off(window)
    left = {screen: lines for screen, lines in found.items() if lines}
    assert not left, "\n".join(f"[{s}] {line}" for s, lines in left.items() for line in lines)


@pytest.mark.usefixtures("chinese")
def test_a_preview_without_a_file_yet_is_named_by_its_kind_in_chinese() -> None:
    # The gallery's detail can show an output before its file's path has come from a thread.
    pane = PreviewPane()
    pane.show_outputs([PreviewItem(kind=PreviewKind.IMAGE, path=None, url="https://x/y.png")])
    assert pane.title_label.text() == "图片"
