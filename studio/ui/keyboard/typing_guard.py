"""Shortcuts never fire while the user types: keys without Ctrl, Alt or Meta go to the text field.

Qt's text fields already claim printable keys, Delete, Backspace, Left/Right and Home/End before
shortcuts see them, but not Up/Down, Page Up/Down or Return in a line edit or spin box; and a
focused button never claims Space. The guard, an event filter on a window, claims those too: it
sees a ShortcutOverride only when no widget inside claimed it. Command keys (with Ctrl, Alt or
Meta, e.g. Ctrl+Enter to generate), Escape and the function keys (F1) still act.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from typing_extensions import override

_COMMAND = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_ALWAYS_SHORTCUTS = frozenset(
    {Qt.Key.Key_Escape, *(Qt.Key(Qt.Key.Key_F1.value + i) for i in range(35))}
)


def is_text_input(widget: QWidget | None) -> bool:
    """Whether the user types into this widget (read-only text views do not count)."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QAbstractSpinBox):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        return bool(widget.textInteractionFlags() & Qt.TextInteractionFlag.TextEditable)
    return False


def is_command(event: QKeyEvent) -> bool:
    """Whether a key is meant as a command wherever the focus is (Ctrl+…, Alt+…, F1, Escape)."""
    return bool(event.modifiers() & _COMMAND) or event.key() in _ALWAYS_SHORTCUTS


def widget_wants(widget: QWidget | None, event: QKeyEvent) -> bool:
    """Whether the focused widget should get this key rather than a shortcut."""
    if widget is None or is_command(event):
        return False
    if is_text_input(widget):
        return True
    return isinstance(widget, QAbstractButton) and event.key() == Qt.Key.Key_Space


class TypingGuard(QObject):
    """Installed on a window: keys typed into its text fields stay there."""

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            focus = QApplication.focusWidget()
            if widget_wants(focus, event):
                event.accept()  # the key goes to the focused widget as a normal key press
                return True
        return False


def guard_typing(window: QWidget) -> TypingGuard:
    """Install the guard on `window` (once; the guard lives as long as the window)."""
    existing = window.findChild(TypingGuard, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if existing is not None:
        return existing
    guard = TypingGuard(window)
    window.installEventFilter(guard)
    return guard
