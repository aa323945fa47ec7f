"""The further keys of an open object (`additionalProperties` / `patternProperties` with a
schema): rows of a key and a value editor, so a recalled request keeps every key it had."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QVBoxLayout, QWidget
from typing_extensions import override

from studio.core.schema import FieldKind, FieldSpec
from studio.ui.forms.array_fields import discard_row, tool_button
from studio.ui.forms.base import HELP_COLOR, FieldWidget
from studio.ui.forms.registry import create_field_widget
from studio.ui.plain import plain_label


class EntryRow(QWidget):
    """One entry: its key, its value editor and a remove button."""

    def __init__(self, key: str, field: FieldWidget, owner: ExtraEntries) -> None:
        super().__init__()
        self.field = field
        self.key = QLineEdit(key)
        self.key.setPlaceholderText(QCoreApplication.translate("Forms", "key"))
        self.key.setMaximumWidth(160)
        self.remove = tool_button(
            "✕", QCoreApplication.translate("Forms", "Remove"), lambda: owner.remove_entry(self)
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.key)
        layout.addWidget(field, 1)
        layout.addWidget(self.remove)


class ExtraEntries(FieldWidget):
    """Editor of the keys an object has beyond its listed properties; value() is a dict or None.

    `spec` is the object's spec; its `extra` is the schema of every further value.
    """

    show_title = False

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._value_spec = spec.extra or FieldSpec(name="", kind=FieldKind.JSON, title="Value")
        self._rows: list[EntryRow] = []
        self.body.addWidget(plain_label(self.tr("More entries"), color=HELP_COLOR, small=True))
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._rows_layout.setSpacing(4)
        self.body.addLayout(self._rows_layout)
        self._add = QPushButton(self.tr("+ Add entry"))
        self._add.clicked.connect(self._on_add_clicked)
        footer = QHBoxLayout()
        footer.addWidget(self._add)
        footer.addStretch(1)
        self.body.addLayout(footer)

    def rows(self) -> list[EntryRow]:
        """The entries in order."""
        return list(self._rows)

    def add_entry(self, key: str, value: Any) -> EntryRow:
        """Appends an entry."""
        field = create_field_widget(self._value_spec)
        field.set_value(value)
        field.changed.connect(self.changed)
        row = EntryRow(key, field, self)
        row.key.textChanged.connect(self.changed)
        self._rows.append(row)
        self._rows_layout.addWidget(row)
        self.changed.emit()
        return row

    def remove_entry(self, row: EntryRow) -> None:
        """Takes an entry out."""
        if row in self._rows:
            self._rows.remove(row)
            discard_row(self._rows_layout, row)
            self.changed.emit()

    @override
    def value(self) -> Any:
        entries = {
            row.key.text(): value
            for row in self._rows
            if row.key.text() and (value := row.field.value()) is not None
        }
        return entries or None

    @override
    def set_value(self, value: Any) -> None:
        for row in self._rows:
            discard_row(self._rows_layout, row)
        self._rows = []
        for key, item in (value if isinstance(value, dict) else {}).items():
            self.add_entry(str(key), item)
        self.changed.emit()

    @override
    def child_fields(self) -> list[tuple[str, FieldWidget]]:
        return [(row.key.text(), row.field) for row in self._rows if row.key.text()]

    @override
    def local_errors(self) -> list[str]:
        keys = [row.key.text() for row in self._rows if row.key.text()]
        twice = sorted({key for key in keys if keys.count(key) > 1})
        return [self.tr("Key used twice: %1").replace("%1", ", ".join(twice))] if twice else []

    @override
    def editor(self) -> QWidget:
        return self._rows[0].key if self._rows else self._add

    def _on_add_clicked(self) -> None:
        self.add_entry("", None).key.setFocus()
