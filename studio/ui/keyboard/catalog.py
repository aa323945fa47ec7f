"""Every keyboard shortcut of the window, read from the real actions and shortcuts.

Menu actions, the actions and QShortcuts of every panel (described by their text or their
whatsThis) and buttons with a shortcut are read from the live window, so the sheet cannot drift
from what the keys do. Keys that widgets handle themselves (arrows in a list, F in the preview)
and those of dialogs that are not open are listed here; tests check the dialogs' lists against
their real shortcuts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QMenu, QWidget

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from studio.ui.main_window import MainWindow


@dataclass(frozen=True)
class KeyHelp:
    """One line of the sheet: the keys (as this platform writes them), what, and where."""

    keys: tuple[str, ...]
    what: str
    where: str

    def keys_text(self) -> str:
        """The keys for display: "Ctrl+Return, Ctrl+Enter"."""
        return ", ".join(self.keys)


def key_text(keys: str | QKeySequence | QKeySequence.StandardKey) -> str:
    """A key sequence as this platform shows it (Ctrl+S; ⌘S on a Mac)."""
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def with_keys(text: str, keys: str | QKeySequence | QKeySequence.StandardKey) -> str:
    """A tooltip ending with its shortcut: "Save a copy (Ctrl+S)"."""
    return f"{text} ({key_text(keys)})"


_CJK_MNEMONIC = re.compile(r"\s*\(&\w\)")  # "设置(&S)…": the letter added for the key, not a word


def plain_text(text: str) -> str:
    """A menu text without its mnemonic marker ("&Quit" → "Quit", "退出(&Q)" → "退出")."""
    text = _CJK_MNEMONIC.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def everywhere() -> str:
    return QCoreApplication.translate("Shortcuts", "Anywhere")


def window_shortcuts(window: MainWindow) -> list[KeyHelp]:
    """The shortcuts of the window's menus, panels and buttons, in that order."""
    areas = _areas(window)
    menu_actions = list(_menu_actions(window.menuBar().actions()))
    found = [
        KeyHelp(_keys_of(action.shortcuts()), plain_text(action.text()), everywhere())
        for action in menu_actions
        if action.shortcuts() and action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut
    ]
    in_menus = {id(action) for action in menu_actions}
    for action in window.findChildren(QAction):
        if action.shortcuts() and id(action) not in in_menus:
            where = _area_of(_owner(action), areas)
            found.append(KeyHelp(_keys_of(action.shortcuts()), plain_text(action.text()), where))
    for shortcut in window.findChildren(QShortcut):
        if shortcut.keys() and shortcut.whatsThis():
            parent = shortcut.parent()
            where = _area_of(parent if isinstance(parent, QWidget) else None, areas)
            found.append(KeyHelp(_keys_of(shortcut.keys()), shortcut.whatsThis(), where))
    for button in window.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty():
            where = _area_of(button, areas)
            found.append(KeyHelp(_join(button.shortcut()), plain_text(button.text()), where))
    return found


def widget_keys() -> list[KeyHelp]:
    """Keys that widgets handle themselves (no action or QShortcut behind them)."""
    models, queue, preview = (
        QCoreApplication.translate("Shortcuts", "Models"),
        QCoreApplication.translate("Shortcuts", "Queue"),
        QCoreApplication.translate("Shortcuts", "Preview"),
    )
    return [
        KeyHelp(
            _join("Tab", "Shift+Tab"),
            QCoreApplication.translate("Shortcuts", "Next / previous field"),
            everywhere(),
        ),
        KeyHelp(
            _join("Down", "Return"),
            QCoreApplication.translate("Shortcuts", "From the search box into the list"),
            models,
        ),
        KeyHelp(
            _join("Return"),
            QCoreApplication.translate("Shortcuts", "Open the model, cursor in its prompt"),
            models,
        ),
        KeyHelp(
            _join("Up"),
            QCoreApplication.translate(
                "Shortcuts", "From the top of the list back to the search box"
            ),
            models,
        ),
        KeyHelp(
            _join("Up", "Down"), QCoreApplication.translate("Shortcuts", "Choose a task"), queue
        ),
        KeyHelp(
            _join("Delete", "Backspace"),
            QCoreApplication.translate("Shortcuts", "Cancel a running task, remove a finished one"),
            queue,
        ),
        KeyHelp(
            _join("Left", "Right"),
            QCoreApplication.translate("Shortcuts", "Previous / next output"),
            preview,
        ),
        KeyHelp(
            _join("PgUp", "PgDown"),
            QCoreApplication.translate("Shortcuts", "Previous / next output"),
            preview,
        ),
        KeyHelp(_join("F"), QCoreApplication.translate("Shortcuts", "Fit the picture"), preview),
        KeyHelp(_join("1"), QCoreApplication.translate("Shortcuts", "Picture at 100%"), preview),
        KeyHelp(_join("+", "-"), QCoreApplication.translate("Shortcuts", "Zoom in / out"), preview),
        KeyHelp(
            _join("Space"),
            QCoreApplication.translate("Shortcuts", "Play / pause video or audio"),
            preview,
        ),
    ]


def mask_painter_keys() -> list[KeyHelp]:
    """The mask painter's shortcuts (tests compare them with the dialog's QShortcuts)."""
    where = QCoreApplication.translate("Shortcuts", "Mask painter")
    rows = [
        ("B", QCoreApplication.translate("Shortcuts", "Brush")),
        ("E", QCoreApplication.translate("Shortcuts", "Eraser")),
        ("I", QCoreApplication.translate("Shortcuts", "Invert the mask")),
        ("[", QCoreApplication.translate("Shortcuts", "Smaller brush")),
        ("]", QCoreApplication.translate("Shortcuts", "Larger brush")),
        ("F", QCoreApplication.translate("Shortcuts", "Fit the picture")),
        ("+", QCoreApplication.translate("Shortcuts", "Zoom in")),
        ("-", QCoreApplication.translate("Shortcuts", "Zoom out")),
        ("Ctrl+Z", QCoreApplication.translate("Shortcuts", "Undo")),
    ]
    found = [KeyHelp(_join(keys), what, where) for keys, what in rows]
    return [
        *found,
        KeyHelp(
            _join("Ctrl+Shift+Z", "Ctrl+Y"), QCoreApplication.translate("Shortcuts", "Redo"), where
        ),
    ]


def frame_picker_keys() -> list[KeyHelp]:
    """The frame picker's shortcuts (tests compare them with the dialog's QShortcuts)."""
    where = QCoreApplication.translate("Shortcuts", "Frame picker")
    return [
        KeyHelp(_join("Left"), QCoreApplication.translate("Shortcuts", "One frame back"), where),
        KeyHelp(_join("Right"), QCoreApplication.translate("Shortcuts", "One frame on"), where),
        KeyHelp(
            _join("Home", "End"),
            QCoreApplication.translate("Shortcuts", "First / last frame (on the slider)"),
            where,
        ),
    ]


def send_to_keys() -> list[KeyHelp]:
    """The Send to… list: type to search, arrows and Enter choose."""
    where = QCoreApplication.translate("Shortcuts", "Send to… list")
    return [
        KeyHelp(
            _join("Up", "Down"), QCoreApplication.translate("Shortcuts", "Choose a model"), where
        ),
        KeyHelp(
            _join("Return"),
            QCoreApplication.translate("Shortcuts", "Send to the chosen model"),
            where,
        ),
        KeyHelp(_join("Esc"), QCoreApplication.translate("Shortcuts", "Close the list"), where),
    ]


def area_order() -> list[str]:
    """The sheet's groups, in this order (others after them)."""
    return [
        everywhere(),
        QCoreApplication.translate("Shortcuts", "Models"),
        QCoreApplication.translate("Shortcuts", "Create form"),
        QCoreApplication.translate("Shortcuts", "Queue"),
        QCoreApplication.translate("Shortcuts", "Preview"),
        QCoreApplication.translate("Shortcuts", "Gallery"),
        QCoreApplication.translate("Shortcuts", "Compare"),
        QCoreApplication.translate("Shortcuts", "Send to… list"),
        QCoreApplication.translate("Shortcuts", "Mask painter"),
        QCoreApplication.translate("Shortcuts", "Frame picker"),
    ]


def build_tabs(window: MainWindow) -> None:
    """Build the Compare and Gallery tabs if they have not been shown yet: their shortcuts
    live in their widgets (the window builds them on first show to start faster)."""
    _ = window.compare
    if window.has_gallery():
        _ = window.gallery


def all_shortcuts(window: MainWindow) -> list[KeyHelp]:
    """Every line of the sheet: the window's, then the widgets' own keys, then the dialogs'.

    Builds the Compare and Gallery tabs when they are not built yet (see build_tabs)."""
    build_tabs(window)
    lines = [
        *window_shortcuts(window),
        *widget_keys(),
        *send_to_keys(),
        *mask_painter_keys(),
        *frame_picker_keys(),
    ]
    return merge(lines)


def merge(lines: Sequence[KeyHelp]) -> list[KeyHelp]:
    """One line per (what, where) with all its keys; then one per (keys, what) with all places."""
    by_place: dict[tuple[str, str], list[str]] = {}
    for line in lines:
        keys = by_place.setdefault((line.what, line.where), [])
        keys += [k for k in line.keys if k not in keys]
    by_keys: dict[tuple[tuple[str, ...], str], list[str]] = {}
    for (what, where), keys in by_place.items():
        places = by_keys.setdefault((tuple(keys), what), [])
        if where not in places:
            places.append(where)
    return [KeyHelp(keys, what, ", ".join(places)) for (keys, what), places in by_keys.items()]


def _keys_of(sequences: Iterable[QKeySequence]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(key_text(s) for s in sequences if not s.isEmpty()))


def _join(*keys: str | QKeySequence) -> tuple[str, ...]:
    return tuple(key_text(k) for k in keys)


def _menu_actions(actions: Iterable[QAction]) -> Iterable[QAction]:
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield from _menu_actions(menu.actions())
        elif not action.isSeparator():
            yield action


def _owner(action: QAction) -> QWidget | None:
    widgets = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
    parent = action.parent()
    if not widgets and isinstance(parent, QWidget):
        widgets = [parent]
    return widgets[0] if widgets else None


def _areas(window: MainWindow) -> list[tuple[QWidget, str]]:
    panels: list[tuple[QWidget | None, str]] = [
        (window.marketplace, QCoreApplication.translate("Shortcuts", "Models")),
        (window.endpoint_page, QCoreApplication.translate("Shortcuts", "Create form")),
        (window.queue, QCoreApplication.translate("Shortcuts", "Queue")),
        (window.preview, QCoreApplication.translate("Shortcuts", "Preview")),
        (window.built_gallery, QCoreApplication.translate("Shortcuts", "Gallery")),
        (window.built_compare, QCoreApplication.translate("Shortcuts", "Compare")),
    ]
    return [(panel, name) for panel, name in panels if panel is not None]


def _area_of(widget: QWidget | None, areas: Sequence[tuple[QWidget, str]]) -> str:
    for panel, name in areas:
        if widget is not None and (widget is panel or panel.isAncestorOf(widget)):
            return name
    return everywhere()
