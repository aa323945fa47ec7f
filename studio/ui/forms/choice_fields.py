"""Alternatives: preset-or-custom (an enum plus "Custom…" revealing an object, e.g. image_size)
and the general any-of choice (a combo picking which alternative to edit)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QStackedWidget, QWidget
from typing_extensions import override

from studio.core.schema import FieldKind, FieldSpec, clamp_number, fits
from studio.ui.forms.base import FieldWidget
from studio.ui.forms.enum_combo import CUSTOM_INDEX, EnumCombo
from studio.ui.forms.object_field import ObjectField
from studio.ui.forms.registry import create_field_widget

CUSTOM_LABEL = str(QT_TRANSLATE_NOOP("Forms", "Custom…"))
_SUGGESTED_SIDE = 1024


class PresetField(FieldWidget):
    """Value is the preset (enum member) or, with "Custom…", the object (e.g. {width, height})."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        presets = next(o for o in spec.options if o.kind is FieldKind.ENUM)
        custom = next(o for o in spec.options if o.kind is FieldKind.OBJECT)
        unsettable = not spec.has_default or spec.nullable or spec.default is None
        self._combo = EnumCombo(presets.enum, presets.enum_labels, "—" if unsettable else None)
        self._combo.add_custom_entry(QCoreApplication.translate("Forms", CUSTOM_LABEL))
        self._combo.currentIndexChanged.connect(self._on_combo_changed)
        self._custom = ObjectField(replace(custom, required=True))
        self._custom.changed.connect(self.changed)
        self._custom.hide()
        self._loading = False
        self.body.addWidget(self._combo)
        self.body.addWidget(self._custom)
        self.reset()

    def is_custom(self) -> bool:
        """Whether "Custom…" is selected."""
        return self._combo.current_marker() == CUSTOM_INDEX

    def combo(self) -> QComboBox:
        """The preset combo (the last entry is "Custom…")."""
        return self._combo

    def custom_field(self) -> ObjectField:
        """The object editor revealed by "Custom…"."""
        return self._custom

    @override
    def value(self) -> Any:
        # A custom size is sent whole: {"width": 512, "height": 512} stays that, even when 512
        # is each side's default.
        return self._custom.full_value() if self.is_custom() else self._combo.current_value()

    @override
    def set_value(self, value: Any) -> None:
        self._loading = True  # a given custom value is shown as it is, never "suggested" over
        try:
            if isinstance(value, dict):
                self._custom.set_value(value)
                self._combo.select_marker(CUSTOM_INDEX)
            else:
                self._combo.select_value(value)
        finally:
            self._loading = False
        self._custom.setVisible(self.is_custom())

    @override
    def child_fields(self) -> list[tuple[str, FieldWidget]]:
        return self._custom.child_fields() if self.is_custom() else []

    @override
    def editor(self) -> QWidget:
        return self._combo

    def _on_combo_changed(self) -> None:
        custom = self.is_custom()
        if custom and not self._loading:
            self._suggest_sizes()
        self._custom.setVisible(custom)
        self.changed.emit()

    def _suggest_sizes(self) -> None:
        """A blank side starts at 1024 (within bounds) when "Custom…" is picked, so the form is
        valid straight away; a side that holds a number (its default, or what was typed) keeps it.
        """
        for name, widget in self._custom.fields().items():
            spec = widget.spec
            sized = spec.kind is FieldKind.INTEGER and name in {"width", "height"}
            if sized and widget.value() is None:
                low, high = spec.bounds.inclusive(True)
                step = spec.bounds.multiple_of or 1.0
                widget.set_value(int(clamp_number(_SUGGESTED_SIDE, low, high, step, integer=True)))


class ChoiceField(FieldWidget):
    """One editor per alternative in a stack; set_value picks the first alternative that fits."""

    def __init__(self, spec: FieldSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._combo = QComboBox()
        self._stack = QStackedWidget()
        self._options: list[FieldWidget] = []
        for option in spec.options:
            widget = create_field_widget(option)
            widget.changed.connect(self.changed)
            self._combo.addItem(option.title)
            self._stack.addWidget(widget)
            self._options.append(widget)
        self._combo.currentIndexChanged.connect(self._on_combo_changed)
        self.body.addWidget(self._combo)
        self.body.addWidget(self._stack)
        self.reset()

    def current_option(self) -> FieldWidget | None:
        """The editor of the selected alternative."""
        index = self._combo.currentIndex()
        return self._options[index] if 0 <= index < len(self._options) else None

    @override
    def value(self) -> Any:
        current = self.current_option()
        return current.value() if current else None

    @override
    def set_value(self, value: Any) -> None:
        index = next((i for i, o in enumerate(self.spec.options) if fits(value, o)), 0)
        self._combo.setCurrentIndex(index)
        current = self.current_option()
        if current is not None:
            current.set_value(value)

    @override
    def child_fields(self) -> list[tuple[str, FieldWidget]]:
        current = self.current_option()
        return current.child_fields() if current else []

    @override
    def editor(self) -> QWidget:
        return self._combo

    def _on_combo_changed(self, index: int) -> None:
        self._stack.setCurrentIndex(index)
        self.changed.emit()
