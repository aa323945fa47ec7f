"""A combo box over enum values that keeps value types, has an optional "not set" entry and shows
foreign values (e.g. from an old task) instead of silently dropping them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QComboBox, QWidget

from studio.core.schema import json_equal
from studio.ui.plain import plain_tooltip

NONE_INDEX = -1
FOREIGN_INDEX = -2
CUSTOM_INDEX = -3


class EnumCombo(QComboBox):
    """Items carry an int: the value's position in `values`, or one of the *_INDEX markers."""

    def __init__(
        self,
        values: tuple[Any, ...],
        labels: tuple[str, ...],
        none_label: str | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._values = values
        self._foreign: Any = None
        if none_label is not None:
            self.addItem(none_label, NONE_INDEX)
        for index, value in enumerate(values):
            label = labels[index] if index < len(labels) else str(value)
            self.addItem(label, index)
            if label != str(value):
                tip = plain_tooltip(
                    QCoreApplication.translate("Forms", "Sent as: %1").replace("%1", str(value))
                )
                self.setItemData(self.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)

    def add_custom_entry(self, label: str) -> None:
        """Adds the "Custom…" entry of a preset-or-custom field."""
        self.addItem(label, CUSTOM_INDEX)

    def current_marker(self) -> int:
        """The item data of the current entry."""
        data = self.currentData()
        return data if isinstance(data, int) else NONE_INDEX

    def current_value(self) -> Any:
        """The selected value, None for the "not set" or custom entries."""
        marker = self.current_marker()
        if marker >= 0:
            return self._values[marker]
        return self._foreign if marker == FOREIGN_INDEX else None

    def select_value(self, value: Any) -> None:
        """Selects `value`; a value outside the enum is shown as an extra, flagged entry."""
        self._drop_foreign()
        if value is None:
            self.setCurrentIndex(max(0, self.findData(NONE_INDEX)))
            return
        for index, member in enumerate(self._values):
            if json_equal(member, value):
                self.setCurrentIndex(self.findData(index))
                return
        self._foreign = value
        self.addItem(
            QCoreApplication.translate("Forms", "%1 (not allowed)").replace("%1", str(value)),
            FOREIGN_INDEX,
        )
        self.setCurrentIndex(self.count() - 1)

    def select_marker(self, marker: int) -> None:
        """Selects the entry carrying `marker` (e.g. CUSTOM_INDEX)."""
        self._drop_foreign()
        found = self.findData(marker)
        if found >= 0:
            self.setCurrentIndex(found)

    def _drop_foreign(self) -> None:
        found = self.findData(FOREIGN_INDEX)
        if found >= 0:
            self.removeItem(found)
        self._foreign = None
