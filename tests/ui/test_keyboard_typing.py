"""Shortcuts never fire while the user types: every single-key shortcut of the window and of the
dialogs is pressed in a text field inside its own context (and, as a control, on a plain widget
there, where it must fire); typing into the real text fields fires nothing."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from studio.core.chain import MaskSource, Source, VideoFacts
from studio.ui.chain.frame_picker import FramePickerDialog
from studio.ui.chain.mask_painter import MaskPainterDialog
from studio.ui.keyboard import guard_typing
from studio.ui.keyboard.catalog import frame_picker_keys, key_text, mask_painter_keys
from tests.conftest import wait_until
from tests.ui.keyboard_helpers import activate, ctrl, focused, press, type_text
from tests.ui.studio_harness import open_endpoint, running_studio

if TYPE_CHECKING:
    from collections.abc import Iterator

    from pytestqt.qtbot import QtBot

_COMMAND = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
_TYPED = "sfw1+-=[]bei rlmpa"


def first_key(sequence: QKeySequence) -> QKeyCombination:
    combination: QKeyCombination = getattr(sequence, "__getitem__")(0)  # the stubs lack it  # noqa: B009
    return combination


def shortcut_keys(root: QWidget) -> list[QKeySequence]:
    found: list[QKeySequence] = []
    for shortcut in root.findChildren(QShortcut):
        found += shortcut.keys()
    return found


def single_keys(sequences: list[QKeySequence]) -> Iterator[QKeySequence]:
    """The sequences a user could type: no Ctrl/Alt/Meta, not a function key or Escape."""
    for sequence in sequences:
        combination = first_key(sequence)
        key = combination.key()
        function_key = Qt.Key.Key_F1.value <= key.value <= Qt.Key.Key_F35.value
        if combination.keyboardModifiers() & _COMMAND or function_key:
            continue
        if key == Qt.Key.Key_Escape:
            continue
        yield sequence


class Probe:
    """A plain focusable widget, a line edit, a text box and a button inside a context."""

    def __init__(self, context: QWidget) -> None:
        self.plain = QWidget(context)
        self.plain.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.line = QLineEdit(context)
        self.text = QPlainTextEdit(context)
        self.spin = QSpinBox(context)
        self.button = QPushButton("probe", context)
        self.clicks = 0
        self.button.clicked.connect(self._on_clicked)
        for widget in (self.plain, self.line, self.text, self.spin, self.button):
            widget.setGeometry(0, 0, 40, 20)
            widget.show()

    def _on_clicked(self) -> None:
        self.clicks += 1

    def remove(self) -> None:
        for widget in (self.plain, self.line, self.text, self.spin, self.button):
            widget.hide()
            widget.deleteLater()


async def focus(widget: QWidget) -> None:
    widget.setFocus()
    await wait_until(lambda: QApplication.focusWidget() is widget, 5)


def click(sequence: QKeySequence) -> None:
    combination = first_key(sequence)
    QTest.keyClick(focused(), combination.key(), combination.keyboardModifiers())


async def check_context(context: QWidget, sequence: QKeySequence, fired: list[str]) -> bool:
    """The key fires on a plain widget in the context and not while typing there; False when
    the context is not live (nothing to check)."""
    probe = Probe(context)
    try:
        await focus(probe.plain)
        fired.clear()
        click(sequence)
        if not fired:
            return False
        for editor in (probe.line, probe.text, probe.spin):
            await focus(editor)
            fired.clear()
            click(sequence)
            assert not fired, f"{sequence.toString()} fired while typing in {editor!r}"
        if first_key(sequence).key() == Qt.Key.Key_Space:  # a focused button takes its Space
            await focus(probe.button)
            fired.clear()
            click(sequence)
            assert not fired and probe.clicks == 1
        return True
    finally:
        probe.remove()


def shortcut_contexts(root: QWidget) -> Iterator[tuple[QWidget, QKeySequence, object]]:
    """(context widget, key, the shortcut or action) for every single key under root."""
    for shortcut in root.findChildren(QShortcut):
        parent = shortcut.parent()
        if isinstance(parent, QWidget) and shortcut.context() != Qt.ShortcutContext.WidgetShortcut:
            for sequence in single_keys(shortcut.keys()):
                yield parent, sequence, shortcut
    for action in root.findChildren(QAction):
        if action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
            continue  # only while that very widget (never a text field) has the focus
        for sequence in single_keys(action.shortcuts()):
            yield root, sequence, action


def record(root: QWidget, fired: list[str]) -> None:
    for shortcut in root.findChildren(QShortcut):
        shortcut.activated.connect(lambda s=shortcut: fired.append(s.whatsThis() or "?"))
        shortcut.activatedAmbiguously.connect(lambda: fired.append("ambiguous"))
    for action in root.findChildren(QAction):
        action.triggered.connect(lambda _=False, a=action: fired.append(a.text()))


async def check_all(root: QWidget, fired: list[str]) -> set[str]:
    checked = set()
    for context, sequence, _owner in list(shortcut_contexts(root)):
        if context.isVisible() and await check_context(context, sequence, fired):
            checked.add(sequence.toString())
    return checked


@pytest.mark.asyncio
async def test_no_single_key_shortcut_of_the_window_fires_while_typing() -> None:
    async with running_studio() as (window, _controller):
        await activate(window)
        for tab in range(window.modes.count()):  # Compare and Gallery are built on first show
            window.modes.setCurrentIndex(tab)
        fired: list[str] = []
        record(window, fired)
        checked: set[str] = set()
        for tab in range(window.modes.count()):
            window.modes.setCurrentIndex(tab)
            checked |= await check_all(window, fired)
        # The Compare results' picture and playback keys were live and checked.
        assert {"F", "1", "+", "=", "-", "W", "Space", "Left", "Right"} <= checked


@pytest.mark.asyncio
async def test_no_single_key_shortcut_of_the_dialogs_fires_while_typing(qtbot: QtBot) -> None:
    mask = MaskPainterDialog(MaskSource(b"\xff" * 4 * 8 * 8, 8, 8), "Mask")
    video = Source(1, "video", None)
    frames = FramePickerDialog(video, VideoFacts(2.0, 64, 48, 25.0))
    for dialog, expected in ((mask, {"B", "E", "I", "F", "+", "-", "[", "]"}),
                             (frames, {"Left", "Right"})):  # fmt: skip
        qtbot.addWidget(dialog)
        dialog.show()
        await activate(dialog)
        fired: list[str] = []
        record(dialog, fired)
        assert await check_all(dialog, fired) >= expected
        dialog.close()


@pytest.mark.asyncio
async def test_the_dialogs_keys_are_the_ones_the_sheet_lists(qtbot: QtBot) -> None:
    mask = MaskPainterDialog(MaskSource(b"\xff" * 4 * 8 * 8, 8, 8), "Mask")
    frames = FramePickerDialog(Source(1, "video", None), VideoFacts(2.0, 64, 48, 25.0))
    for dialog, lines in ((mask, mask_painter_keys()), (frames, frame_picker_keys())):
        qtbot.addWidget(dialog)
        listed = {key for line in lines for key in line.keys}
        real = {key_text(sequence) for sequence in shortcut_keys(dialog)}
        assert real <= listed, real - listed


@pytest.mark.asyncio
async def test_typing_in_the_real_text_fields_fires_nothing() -> None:
    async with running_studio() as (window, controller):
        await activate(window)
        await open_endpoint(controller, "google/nano-banana/text-to-image")
        fired: list[str] = []
        record(window, fired)
        ctrl(Qt.Key.Key_P)
        assert fired == ["Go to the &prompt"]
        fired.clear()
        prompt = focused()
        assert isinstance(prompt, QPlainTextEdit)
        prompt.selectAll()
        type_text(_TYPED)
        press(Qt.Key.Key_Home)
        press(Qt.Key.Key_Delete)
        press(Qt.Key.Key_PageDown)
        assert prompt.toPlainText() == _TYPED[1:]  # Home went to the start, Delete took the s
        ctrl(Qt.Key.Key_F)
        fired.clear()
        type_text("zz" + _TYPED)
        assert window.marketplace.search.text() == "zz" + _TYPED
        ctrl(Qt.Key.Key_G)
        fired.clear()
        type_text(_TYPED)
        press(Qt.Key.Key_Delete)  # at the end: deletes nothing, trashes nothing
        assert window.gallery.filter_bar.search.text() == _TYPED
        assert fired == []
        window.modes.setCurrentIndex(1)  # Compare: its prompt
        compare = window.compare
        assert compare is not None
        compare.form.prompt.setFocus()
        await wait_until(lambda: focused() is compare.form.prompt)
        type_text(_TYPED)
        assert compare.form.prompt.toPlainText() == _TYPED
        assert fired == []


@pytest.mark.asyncio
async def test_the_guard_keeps_the_keys_qt_leaves_to_shortcuts_in_the_field(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    line, button = QLineEdit(window), QPushButton("b", window)
    line.setGeometry(0, 0, 80, 20)
    button.setGeometry(0, 30, 80, 20)
    fired: list[str] = []
    for keys in ("Up", "Down", "PgDown", "Return", "Space", "Ctrl+Return", "F2"):
        shortcut = QShortcut(QKeySequence(keys), window)
        shortcut.activated.connect(lambda k=keys: fired.append(k))
    guard_typing(window)
    assert guard_typing(window) is guard_typing(window)  # installed once
    window.show()
    await activate(window)
    await focus(line)
    for key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Return):
        press(key)
    assert fired == []  # without the guard, each of these fired in a line edit
    ctrl(Qt.Key.Key_Return)
    press(Qt.Key.Key_F2)
    assert fired == ["Ctrl+Return", "F2"]  # commands still act while typing
    clicks: list[bool] = []
    button.clicked.connect(lambda checked=False: clicks.append(checked))
    await focus(button)
    press(Qt.Key.Key_Space)
    assert clicks == [False] and fired == ["Ctrl+Return", "F2"]
