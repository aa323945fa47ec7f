"""A dismissable message strip for errors and warnings, with an optional action button.

A message may belong to a context (e.g. FORM_CONTEXT: the endpoint on the page); it closes with
it, so an "Undo" never outlives the form it would undo into.

Signals:
    action_triggered() — the action button (e.g. "Open Settings") was pressed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from studio.ui.theme import follow_theme

if TYPE_CHECKING:
    from collections.abc import Callable

FORM_CONTEXT = "form"  # about the endpoint on the page: closes when another one is shown
VIEW_CONTEXT = "view"  # about what a panel shows: closes when the user leaves the panel

# level -> (background, text, border), first on a light window, then on a dark one.
_LIGHT = {
    "error": ("#fdecea", "#611a15", "#f5c6cb"),
    "warning": ("#fff4e5", "#663c00", "#ffd8a8"),
    "info": ("#e8f4fd", "#0d3c61", "#b6dcfb"),
}
_DARK = {
    "error": ("#4a1f1f", "#ffd9d5", "#8c3a35"),
    "warning": ("#45360f", "#ffe7b0", "#8a6a1c"),
    "info": ("#1a3350", "#d3e8ff", "#35618f"),
}


def banner_style(level: str, dark: bool) -> tuple[str, str]:
    """(frame style sheet, text style sheet) for a level; unknown levels look like "info"."""
    colours = _DARK if dark else _LIGHT
    background, text, border = colours.get(level, colours["info"])
    frame = f"QFrame#banner {{ background: {background}; border: 1px solid {border}; }}"
    return frame, f"color: {text};"


class Banner(QFrame):
    """Hidden until show_message(); the text is always plain text."""

    action_triggered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.text = QLabel()
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton()
        self.close_button = QToolButton()
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.close_button)
        self._on_action: Callable[[], None] | None = None
        self.action.clicked.connect(self._on_action_clicked)
        self.close_button.clicked.connect(self.hide)
        self._level = "info"
        self._context = ""
        self._dark = False
        self._styled = False
        follow_theme(self._on_theme)
        self.hide()

    def _on_theme(self, dark: bool) -> None:
        """The theme now and after each change. The strip is styled at its first message:
        most banners never show one, and their three style sheets cost ~1.4 ms of a panel's
        first paint (make bench, gallery)."""
        self._dark = dark
        if self._styled:
            self._restyle(dark)

    def _restyle(self, dark: bool) -> None:
        self._dark = dark
        self._styled = True
        frame, text = banner_style(self._level, dark)
        self.setStyleSheet(frame)
        self.text.setStyleSheet(text)
        self.close_button.setStyleSheet(text)

    def _on_action_clicked(self) -> None:
        callback = self._on_action
        self.hide()
        if callback is not None:
            callback()
        self.action_triggered.emit()

    def show_message(
        self,
        text: str,
        *,
        level: str = "error",
        action: str = "",
        on_action: Callable[[], None] | None = None,
        context: str = "",
    ) -> None:
        """Show `text` (plain); with a `context`, close_context(context) takes it away again."""
        self._level = level
        self._context = context
        self._restyle(self._dark)
        self.text.setText(text)
        self.action.setText(action)
        self.action.setVisible(bool(action))
        self._on_action = on_action
        self.show()

    def context(self) -> str:
        """What the message shown belongs to ("" when it stands on its own, or none is shown)."""
        return self._context if not self.isHidden() else ""

    def close_context(self, context: str) -> None:
        """Close the message if it belongs to `context`."""
        if context and self.context() == context:
            self.hide()
