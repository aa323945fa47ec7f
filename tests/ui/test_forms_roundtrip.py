"""Forms give back exactly what they were given: set_value(v); value() == v, construct by construct
(Recall and Use all depend on it)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from studio.core.schema import json_equal
from studio.ui.forms import SchemaForm
from studio.ui.forms.array_fields import TupleField
from studio.ui.forms.choice_fields import PresetField
from studio.ui.forms.map_field import ExtraEntries
from studio.ui.forms.object_field import ObjectField

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

SIZE_WITH_DEFAULTS = {
    "anyOf": [
        {"enum": ["square", "portrait"]},
        {
            "type": "object",
            "properties": {
                "width": {"type": "integer", "default": 512},
                "height": {"type": "integer", "default": 512},
            },
        },
    ]
}
SHOT = {
    "type": "object",
    "required": ["kind"],
    "properties": {"kind": {"enum": ["text", "image"]}},
    "dependencies": {
        "kind": {
            "oneOf": [
                {"properties": {"kind": {"const": "text"}, "text": {"type": "string"}}},
                {"properties": {"kind": {"const": "image"}, "url": {"type": "string"}}},
            ]
        }
    },
}
CASES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "size-at-its-defaults": ({"size": SIZE_WITH_DEFAULTS}, {"size": {"width": 512, "height": 512}}),
    "size-custom": ({"size": SIZE_WITH_DEFAULTS}, {"size": {"width": 640, "height": 512}}),
    "size-preset": ({"size": SIZE_WITH_DEFAULTS}, {"size": "portrait"}),
    "additional-properties": (
        {
            "labels": {
                "type": "object",
                "properties": {"main": {"type": "string"}},
                "additionalProperties": {"type": "string"},
            }
        },
        {"labels": {"main": "a", "extra": "b", "more": "c"}},
    ),
    "pattern-properties": (
        {
            "weights": {
                "type": "object",
                "properties": {"base": {"type": "number"}},
                "patternProperties": {"^w_": {"type": "number"}},
            }
        },
        {"weights": {"base": 1, "w_a": 0.5, "w_b": 1.5}},
    ),
    "free-form-map": (
        {"meta": {"type": "object", "additionalProperties": {"type": "integer"}}},
        {"meta": {"a": 1, "b": 2}},
    ),
    "tuple-additional-items": (
        {
            "points": {
                "type": "array",
                "items": [{"type": "integer"}, {"type": "string"}],
                "additionalItems": {"type": "integer"},
            }
        },
        {"points": [1, "a", 2, 3]},
    ),
    "prefix-items-then-items": (
        {
            "points": {
                "type": "array",
                "prefixItems": [{"type": "string"}],
                "items": {"type": "string", "format": "uri"},
            }
        },
        {"points": ["label", "https://x/1", "https://x/2"]},
    ),
    "objects-with-dependencies-one-of": (
        {"shots": {"type": "array", "items": SHOT}},
        {"shots": [{"kind": "text", "text": "hi"}, {"kind": "image", "url": "https://x/y.png"}]},
    ),
}


def make_form(qtbot: QtBot, properties: dict[str, Any], **root: Any) -> SchemaForm:
    form = SchemaForm({"type": "object", "properties": properties, **root})
    qtbot.addWidget(form)
    return form


@pytest.mark.parametrize("case", list(CASES))
def test_set_value_then_value_gives_it_back(qtbot: QtBot, case: str) -> None:
    properties, value = CASES[case]
    form = make_form(qtbot, properties)
    form.set_value(value)
    assert form.value() == value and json_equal(form.value(), value)
    form.set_value(form.value())  # and again, through the widgets' own output
    assert form.value() == value


def test_open_object_at_the_root_keeps_further_keys(qtbot: QtBot) -> None:
    form = make_form(qtbot, {"prompt": {"type": "string"}}, additionalProperties={"type": "number"})
    value = {"prompt": "p", "guidance": 3.5, "eta": 0.1}
    form.set_value(value)
    assert form.value() == value
    assert form.errors() == []


def test_a_size_with_defaults_shows_them_and_a_preset_switch_keeps_typed_sides(
    qtbot: QtBot,
) -> None:
    form = make_form(qtbot, {"size": SIZE_WITH_DEFAULTS})
    size = form.field("size")
    assert isinstance(size, PresetField)
    form.set_value({"size": {"width": 512, "height": 512}})
    assert size.is_custom()
    size.combo().setCurrentIndex(size.combo().findText("Square"))
    assert form.value() == {"size": "square"}
    size.combo().setCurrentIndex(size.combo().count() - 1)  # back to Custom…: 512s kept
    assert form.value() == {"size": {"width": 512, "height": 512}}


def test_further_entries_are_edited_as_key_and_value_rows(qtbot: QtBot) -> None:
    properties, value = CASES["additional-properties"]
    form = make_form(qtbot, properties)
    form.set_value(value)
    labels = form.field("labels")
    assert isinstance(labels, ObjectField)
    entries = labels.findChild(ExtraEntries)
    assert entries is not None
    assert [row.key.text() for row in entries.rows()] == ["extra", "more"]
    added = entries.add_entry("new", None)
    added.field.set_value("d")
    assert form.value()["labels"] == {**value["labels"], "new": "d"}
    added.key.setText("extra")
    assert [e.message for e in form.errors()] == ["Key used twice: extra"]
    entries.remove_entry(added)
    assert form.value() == value and form.errors() == []


def test_further_tuple_items_are_a_list_after_the_fixed_ones(qtbot: QtBot) -> None:
    properties, value = CASES["tuple-additional-items"]
    form = make_form(qtbot, properties)
    form.set_value(value)
    points = form.field("points")
    assert isinstance(points, TupleField)
    rest = points.rest()
    assert rest is not None and len(rest.rows()) == 2
    rest.add_item(9)
    assert form.value() == {"points": [1, "a", 2, 3, 9]}
