"""Nested objects: their properties as labelled rows (then any further keys the schema allows);
optional ones behind an "include" box."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QFrame, QVBoxLayout, QWidget
from typing_extensions import override

from studio.core.schema import FieldSpec, compact
from studio.ui.forms.base import FieldWidget, initial_value
from studio.ui.forms.map_field import ExtraEntries
from studio.ui.forms.registry import create_field_widget
from studio.ui.forms.rows import FieldRow
from studio.ui.i18n.field_words import field_title


class ObjectField(FieldWidget):
    """An optional object without a default is sent only when its box is ticked."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._toggle: QCheckBox | None = None
        if not spec.required and not spec.has_default:
            self.show_title = False
            self._toggle = QCheckBox(field_title(spec.title))
            self._toggle.toggled.connect(self._on_toggled)
            self.body.addWidget(self._toggle)
        self._frame = QFrame()
        self._frame.setFrameShape(QFrame.Shape.StyledPanel)
        inner = QVBoxLayout(self._frame)
        inner.setContentsMargins(10, 8, 10, 8)
        inner.setSpacing(8)
        self._fields: dict[str, FieldWidget] = {}
        for child in spec.children:
            widget = create_field_widget(child)
            widget.changed.connect(self.changed)
            inner.addWidget(FieldRow(widget))
            self._fields[child.name] = widget
        self._extra: ExtraEntries | None = None
        if spec.extra is not None:
            self._extra = ExtraEntries(spec)
            self._extra.changed.connect(self.changed)
            inner.addWidget(self._extra)
        self.body.addWidget(self._frame)
        self.reset()

    def is_included(self) -> bool:
        """Whether the object is part of the value (always, unless it is optional and unticked)."""
        return self._toggle is None or self._toggle.isChecked()

    def set_included(self, included: bool) -> None:
        """Ticks or unticks the include box of an optional object."""
        if self._toggle is not None:
            self._toggle.setChecked(included)

    @override
    def value(self) -> Any:
        if not self.is_included():
            return None
        return {**compact(self.spec.children, self._values()), **self._extra_value()}

    def full_value(self) -> dict[str, Any]:
        """Every property that holds something, defaults included (a custom size is sent whole)."""
        values = {name: value for name, value in self._values().items() if value is not None}
        return {**values, **self._extra_value()}

    def _values(self) -> dict[str, Any]:
        return {name: widget.value() for name, widget in self._fields.items()}

    def _extra_value(self) -> dict[str, Any]:
        value = self._extra.value() if self._extra is not None else None
        return value if isinstance(value, dict) else {}

    @override
    def set_value(self, value: Any) -> None:
        given = value if isinstance(value, dict) else {}
        for child in self.spec.children:
            widget = self._fields[child.name]
            widget.set_value(given[child.name] if child.name in given else initial_value(child))
        if self._extra is not None:
            self._extra.set_value({k: v for k, v in given.items() if k not in self._fields})
        self.set_included(isinstance(value, dict))
        self._frame.setVisible(self.is_included())

    @override
    def child_fields(self) -> list[tuple[str, FieldWidget]]:
        if not self.is_included():
            return []
        extra = self._extra.child_fields() if self._extra is not None else []
        return [*self._fields.items(), *extra]

    @override
    def local_errors(self) -> list[str]:
        return self._extra.local_errors() if self._extra is not None else []

    @override
    def editor(self) -> QWidget:
        if self._toggle is not None and not self._toggle.isChecked():
            return self._toggle
        first = next(iter(self._fields.values()), None)
        return first.editor() if first else self

    def fields(self) -> dict[str, FieldWidget]:
        """The property editors by name."""
        return dict(self._fields)

    def _on_toggled(self, checked: bool) -> None:
        self._frame.setVisible(checked)
        self.changed.emit()
