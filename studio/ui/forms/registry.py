"""Maps field kinds to widget classes; unknown kinds (and widgets that fail) fall back to JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studio.core.schema import FieldKind
from studio.ui.forms.wheel_guard import guard_wheel

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from studio.core.schema import FieldSpec
    from studio.ui.forms.base import FieldWidget

_REGISTRY: dict[FieldKind, type[FieldWidget]] = {}


def register_field_widget(kind: FieldKind, widget_class: type[FieldWidget]) -> None:
    """Uses `widget_class` for fields of `kind` from now on."""
    _ensure_builtin()
    _REGISTRY[kind] = widget_class


def widget_class_for(kind: FieldKind) -> type[FieldWidget]:
    """The widget class registered for `kind` (the JSON editor when none is)."""
    _ensure_builtin()
    from studio.ui.forms.json_field import JsonField

    return _REGISTRY.get(kind, JsonField)


def create_field_widget(spec: FieldSpec, parent: QWidget | None = None) -> FieldWidget:
    """The editor for `spec`; a widget that cannot cope with its spec becomes a JSON editor.

    Its spin boxes, combos and sliders ignore the wheel unless focused (see wheel_guard).
    """
    from studio.ui.forms.json_field import JsonField

    try:
        widget = widget_class_for(spec.kind)(spec, parent)
    except Exception:  # a surprising schema must never take the whole form down
        widget = JsonField(spec, parent)
    guard_wheel(widget)
    return widget


def _ensure_builtin() -> None:
    if _REGISTRY:
        return
    from studio.ui.forms.array_fields import ArrayField, TupleField
    from studio.ui.forms.choice_fields import ChoiceField, PresetField
    from studio.ui.forms.json_field import JsonField
    from studio.ui.forms.media_field import MediaField
    from studio.ui.forms.number_field import NumberField
    from studio.ui.forms.object_field import ObjectField
    from studio.ui.forms.scalar_fields import BooleanField, ConstField, EnumField, StringField
    from studio.ui.forms.text_field import TextField

    _REGISTRY.update(
        {
            FieldKind.STRING: StringField,
            FieldKind.TEXT: TextField,
            FieldKind.ENUM: EnumField,
            FieldKind.INTEGER: NumberField,
            FieldKind.NUMBER: NumberField,
            FieldKind.BOOLEAN: BooleanField,
            FieldKind.CONST: ConstField,
            FieldKind.MEDIA: MediaField,
            FieldKind.OBJECT: ObjectField,
            FieldKind.ARRAY: ArrayField,
            FieldKind.TUPLE: TupleField,
            FieldKind.PRESET: PresetField,
            FieldKind.CHOICE: ChoiceField,
            FieldKind.JSON: JsonField,
        }
    )
