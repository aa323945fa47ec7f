"""The shortcut sheet (F1 or Ctrl+/): every shortcut of the window, grouped by where it works,
with a search box that matches what a key does, where, or the keys themselves ("ctrl+t")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from studio.ui.keyboard.catalog import area_order
from studio.ui.keyboard.typing_guard import guard_typing
from studio.ui.plain import plain_label

if TYPE_CHECKING:
    from collections.abc import Sequence

    from studio.ui.keyboard.catalog import KeyHelp


class ShortcutSheet(QDialog):
    """A searchable list of KeyHelp lines; open it with open(), never exec()."""

    def __init__(self, lines: Sequence[KeyHelp], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self._lines = list(lines)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search shortcuts: a word or keys (ctrl+t)…"))
        self.search.setClearButtonEnabled(True)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.empty = plain_label(self.tr("No shortcut matches."))
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._fill)
        self.search.installEventFilter(self)
        guard_typing(self)
        self._fill("")
        self.resize(620, 640)

    def shown_lines(self) -> list[tuple[str, str, str]]:
        """(keys, what, where) of every line shown now, in order (tests, the README check)."""
        found = []
        for group_index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(group_index)
            if group is None:
                continue
            for index in range(group.childCount()):
                item = group.child(index)
                if item is not None:
                    found.append((item.text(0), item.text(1), group.text(0)))
        return found

    def _fill(self, query: str) -> None:
        words = query.lower().split()
        self.tree.clear()
        places: dict[str, list[KeyHelp]] = {}
        for line in self._lines:
            if _matches(line, words):
                for where in line.where.split(", "):
                    places.setdefault(where, []).append(line)
        order = area_order()
        ranked = sorted(places, key=lambda w: order.index(w) if w in order else len(order))
        for where in ranked:
            group = self._add_group(where)
            for line in places[where]:
                item = QTreeWidgetItem([line.keys_text(), line.what])
                item.setToolTip(1, line.what)
                group.addChild(item)
        groups = ranked
        self.tree.expandAll()
        self.empty.setVisible(not groups)
        self.tree.setVisible(bool(groups))

    def _add_group(self, where: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem([where])
        font = QFont(group.font(0))
        font.setBold(True)
        group.setFont(0, font)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(group)
        group.setFirstColumnSpanned(True)  # only once in the tree does spanning take
        return group

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search box goes into the list, as in the model search.
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and self.tree.isVisible()
        ):
            self.tree.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)


def _matches(line: KeyHelp, words: Sequence[str]) -> bool:
    """Every word in the keys, the text or the place ("ctrl+t" matches "Ctrl+T")."""
    haystack = f"{line.keys_text()} {line.what} {line.where}".lower()
    return all(word in haystack for word in words)
