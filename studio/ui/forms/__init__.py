"""Forms from JSON schemas: a registry of field widgets and the SchemaForm built from it."""

from studio.ui.forms.base import FieldWidget
from studio.ui.forms.form import SchemaForm
from studio.ui.forms.registry import create_field_widget, register_field_widget, widget_class_for

__all__ = [
    "FieldWidget",
    "SchemaForm",
    "create_field_widget",
    "register_field_widget",
    "widget_class_for",
]
