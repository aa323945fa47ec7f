"""A dismissable message strip for errors and warnings, with an optional action button.

Signals:
    action_triggered() — the action button (e.g. "Open Settings") was pressed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

_STYLES = {
    "error": "background: #fdecea; color: #611a15; border: 1px solid #f5c6cb;",
    "warning": "background: #fff4e5; color: #663c00; border: 1px solid #ffd8a8;",
    "info": "background: #e8f4fd; color: #0d3c61; border: 1px solid #b6dcfb;",
}


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
        self.close_button.setToolTip("Dismiss")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.action)
        layout.addWidget(self.close_button)
        self._on_action: Callable[[], None] | None = None
        self.action.clicked.connect(self._on_action_clicked)
        self.close_button.clicked.connect(self.hide)
        self.hide()

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
    ) -> None:
        self.setStyleSheet(f"QFrame#banner {{ {_STYLES.get(level, _STYLES['info'])} }}")
        self.text.setStyleSheet(_STYLES.get(level, _STYLES["info"]).split(";")[1] + ";")
        self.text.setText(text)
        self.action.setText(action)
        self.action.setVisible(bool(action))
        self._on_action = on_action
        self.show()
