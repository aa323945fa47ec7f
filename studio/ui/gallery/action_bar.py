"""The gallery's bottom row of action buttons, with a "⋯" menu for the less used ones.

Not a QToolBar: that one hides what does not fit behind a "»" button (QA found "Export to
folder" there at 1024 px), and once it has shown that button it kept it over the others. Here
every button always shows: the row's minimum width is all of them, so the splitter beside it
gives way instead, and the labels are short (menus keep the long names).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMenu, QToolButton, QWidget

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QAction


class ActionBar(QWidget):
    """Groups of flat buttons (one per action, shown while the action is visible), then "⋯"."""

    def __init__(
        self,
        groups: Sequence[Sequence[QAction]],
        more: Sequence[QAction | None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._buttons: dict[QAction, QToolButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        for number, group in enumerate(groups):
            if number:
                layout.addWidget(_separator())
            for action in group:
                layout.addWidget(self._button_for(action))
        self.more_menu = QMenu(self)
        for entry in more:
            if entry is None:
                self.more_menu.addSeparator()
            else:
                self.more_menu.addAction(entry)
        self.more_button = _more_button(self.more_menu)
        layout.addWidget(self.more_button)

    def button(self, action: QAction) -> QToolButton | None:
        return self._buttons.get(action)

    def actions_shown(self) -> list[QAction]:
        """The actions whose buttons are in the row now, in order."""
        return [action for action, button in self._buttons.items() if not button.isHidden()]

    def _button_for(self, action: QAction) -> QToolButton:
        button = QToolButton(self)  # a parentless button shown would flash up as a window
        button.setDefaultAction(action)  # text is the action's icon text: the short label
        button.setAutoRaise(True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setVisible(action.isVisible())
        self._buttons[action] = button
        action.changed.connect(self._on_action_changed)
        return button

    def _on_action_changed(self) -> None:
        # QToolButton follows its action's text and state, but not whether it is visible.
        for action, button in self._buttons.items():
            button.setVisible(action.isVisible())


def _separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.Shape.VLine)
    line.setFrameShadow(QFrame.Shadow.Sunken)
    line.setFixedHeight(16)
    return line


def _more_button(menu: QMenu) -> QToolButton:
    button = QToolButton()
    button.setText("⋯")
    button.setToolTip(QCoreApplication.translate("ActionBar", "More actions"))
    button.setAutoRaise(True)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0px; }")
    button.setMenu(menu)
    return button
