"""Driving the studio with key events only: every key goes to the widget that has the focus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.conftest import wait_until

if TYPE_CHECKING:
    from collections.abc import Callable


def focused() -> QWidget:
    """The widget keys go to now (the active window when nothing inside it has the focus)."""
    widget = QApplication.focusWidget() or QApplication.activeWindow()
    assert widget is not None, "no window is active"
    return widget


def press(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
    """One key (with modifiers) to the focused widget, as the keyboard would send it."""
    widget = focused()
    QTest.keyClick(widget, key, modifiers)
    return widget


def ctrl(key: Qt.Key) -> QWidget:
    return press(key, Qt.KeyboardModifier.ControlModifier)


def type_text(text: str) -> None:
    """Type text into the focused widget, key by key."""
    QTest.keyClicks(focused(), text)


async def activate(window: QWidget) -> None:
    """Make the window the active one (a window manager does this when a window opens)."""
    window.activateWindow()
    await wait_until(lambda: QApplication.activeWindow() is window)


async def focus_lands(target: Callable[[], QWidget | None], limit_s: float = 20) -> QWidget:
    """Wait until the focus is on target() (evaluated each time: forms are rebuilt)."""
    await wait_until(
        lambda: (widget := target()) is not None and QApplication.focusWidget() is widget,
        limit_s,
    )
    widget = target()
    assert widget is not None
    return widget


def tab_cycle(limit: int = 80, backwards: bool = False) -> list[QWidget]:
    """Press Tab (or Shift+Tab) until the focus comes back where it started; every stop."""
    start = focused()
    stops = [start]
    for _ in range(limit):
        if backwards:
            press(Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        else:
            press(Qt.Key.Key_Tab)
        widget = focused()
        if widget is start:
            return stops
        stops.append(widget)
    raise AssertionError(f"Tab never came back to {start!r}: {stops!r}")
