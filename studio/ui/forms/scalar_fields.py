"""Editors for one-line strings, enums, booleans and fixed (const) values."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QCompleter, QLineEdit, QWidget
from typing_extensions import override

from studio.ui.forms.base import FieldWidget
from studio.ui.forms.enum_combo import EnumCombo
from studio.ui.i18n.field_words import field_title

if TYPE_CHECKING:
    from studio.core.schema import FieldSpec


def blank_is_unset(spec: FieldSpec, text: str) -> Any:
    """Empty text means unset, unless the field has a non-empty default the user just cleared."""
    if text:
        return text
    cleared_default = spec.has_default and isinstance(spec.default, str) and spec.default != ""
    return "" if cleared_default and not spec.required else None


class StringField(FieldWidget):
    """A line edit; `examples` become completer suggestions."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._edit = QLineEdit()
        examples = [str(e) for e in spec.examples if isinstance(e, str | int | float)]
        if examples:
            completer = QCompleter(examples, self._edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self._edit.setCompleter(completer)
            self._edit.setPlaceholderText(self.tr("e.g. %1").replace("%1", examples[0]))
        self._edit.textChanged.connect(self.changed)
        self.body.addWidget(self._edit)
        self.reset()

    @override
    def value(self) -> Any:
        return blank_is_unset(self.spec, self._edit.text())

    @override
    def set_value(self, value: Any) -> None:
        self._edit.setText("" if value is None else str(value))

    @override
    def editor(self) -> QWidget:
        return self._edit


class EnumField(FieldWidget):
    """A combo box with readable labels; a "not set" entry when the field has no default."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        unsettable = not spec.has_default or spec.nullable or spec.default is None
        self._combo = EnumCombo(spec.enum, spec.enum_labels, "—" if unsettable else None)
        self._combo.currentIndexChanged.connect(self.changed)
        self.body.addWidget(self._combo)
        self.reset()

    @override
    def value(self) -> Any:
        return self._combo.current_value()

    @override
    def set_value(self, value: Any) -> None:
        self._combo.select_value(value)

    @override
    def editor(self) -> QWidget:
        return self._combo


class BooleanField(FieldWidget):
    """A check box; without a default, a three-way choice (API default / Yes / No)."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._has_state = spec.has_default and isinstance(spec.default, bool)
        self._check: QCheckBox | None = None
        self._combo: EnumCombo | None = None
        if self._has_state:
            self.show_title = False
            self._check = QCheckBox(field_title(spec.title) + (" *" if spec.required else ""))
            self._check.toggled.connect(self.changed)
            self.body.addWidget(self._check)
        else:
            self._combo = EnumCombo(
                (True, False), (self.tr("Yes"), self.tr("No")), self.tr("API default")
            )
            self._combo.currentIndexChanged.connect(self.changed)
            self.body.addWidget(self._combo)
        self.reset()

    @override
    def value(self) -> Any:
        if self._check is not None:
            return self._check.isChecked()
        return self._combo.current_value() if self._combo is not None else None

    @override
    def set_value(self, value: Any) -> None:
        if self._check is not None:
            self._check.setChecked(value if isinstance(value, bool) else bool(self.spec.default))
        elif self._combo is not None:
            self._combo.select_value(value)

    @override
    def editor(self) -> QWidget:
        return self._check or self._combo or self


class ConstField(FieldWidget):
    """A fixed value, shown read-only and always sent when required."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        shown = spec.const if isinstance(spec.const, str) else json.dumps(spec.const)
        self._edit = QLineEdit(shown)
        self._edit.setReadOnly(True)
        self._edit.setToolTip(self.tr("Fixed by the endpoint"))
        self.body.addWidget(self._edit)

    @override
    def value(self) -> Any:
        return self.spec.const

    @override
    def set_value(self, value: Any) -> None:
        """A const cannot change; nothing to show."""

    @override
    def editor(self) -> QWidget:
        return self._edit
