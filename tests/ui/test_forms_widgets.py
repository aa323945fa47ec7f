"""Widget choice per construct, arrays, preset-or-custom and the JSON fallback."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from studio.ui.forms import SchemaForm, create_field_widget
from studio.ui.forms.array_fields import ArrayField, TupleField
from studio.ui.forms.choice_fields import ChoiceField, PresetField
from studio.ui.forms.json_field import JsonField
from studio.ui.forms.media_field import MediaField
from studio.ui.forms.number_field import NumberField
from studio.ui.forms.object_field import ObjectField
from studio.ui.forms.rows import FieldRow
from studio.ui.forms.scalar_fields import BooleanField, ConstField, EnumField, StringField
from studio.ui.forms.text_field import TextField
from tests.core.test_schema_catalog import ENDPOINTS

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from studio.ui.forms import FieldWidget

CONSTRUCTS: dict[str, Any] = {
    "type": "object",
    "required": ["prompt", "fixed"],
    "properties": {
        "prompt": {"type": "string"},
        "label": {"type": "string", "examples": ["cat", "dog"]},
        "ratio": {"enum": ["1:1", "16:9"], "default": "1:1"},
        "steps": {"type": "integer", "minimum": 1, "maximum": 50, "default": 28},
        "width": {
            "type": "integer",
            "minimum": 16,
            "maximum": 3840,
            "multipleOf": 16,
            "default": 1024,
        },
        "strength": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.5},
        "seed": {"type": "integer"},
        "fast": {"type": "boolean", "default": False},
        "web": {"type": "boolean"},
        "fixed": {"const": "v2"},
        "image_url": {"type": "string", "format": "uri"},
        "box": {"type": "object", "properties": {"a": {"type": "string"}}},
        "tags": {"type": "array", "items": {"type": "string"}, "maxItems": 2},
        "pair": {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}]},
        "size": {
            "anyOf": [
                {"enum": ["square"]},
                {
                    "type": "object",
                    "properties": {"width": {"type": "integer"}, "height": {"type": "integer"}},
                },
            ]
        },
        "either": {"type": ["string", "integer"]},
        "meta": {"type": "object"},
    },
}


@pytest.fixture
def form(qtbot: QtBot) -> SchemaForm:
    widget = SchemaForm(CONSTRUCTS)
    qtbot.addWidget(widget)
    return widget


def field(form: SchemaForm, name: str) -> FieldWidget:
    found = form.field(name)
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("name", "widget_class"),
    [
        ("prompt", TextField),
        ("label", StringField),
        ("ratio", EnumField),
        ("steps", NumberField),
        ("strength", NumberField),
        ("fast", BooleanField),
        ("fixed", ConstField),
        ("image_url", MediaField),
        ("box", ObjectField),
        ("tags", ArrayField),
        ("pair", TupleField),
        ("size", PresetField),
        ("either", ChoiceField),
        ("meta", JsonField),
    ],
)
def test_widget_class_per_kind(form: SchemaForm, name: str, widget_class: type) -> None:
    assert type(field(form, name)) is widget_class


def test_small_ranges_get_a_slider_and_wide_ones_only_a_spin_box(form: SchemaForm) -> None:
    steps, width, strength = (field(form, n) for n in ("steps", "width", "strength"))
    assert isinstance(steps, NumberField) and steps.slider() is not None
    assert isinstance(strength, NumberField) and strength.slider() is not None
    assert isinstance(width, NumberField) and width.slider() is None
    assert width.spin_box() is not None and width.spin_box().singleStep() == 16  # type: ignore[union-attr]
    slider = steps.slider()
    assert slider is not None
    slider.setValue(slider.maximum())
    assert form.value()["steps"] == 50


def test_seed_is_empty_random_with_a_random_button(form: SchemaForm, qtbot: QtBot) -> None:
    seed = field(form, "seed")
    editor = seed.editor()
    assert isinstance(editor, QLineEdit) and editor.placeholderText() == "random"
    assert "seed" not in form.value()
    editor.setText("42")
    assert form.value()["seed"] == 42


def test_boolean_without_default_has_an_unset_state(form: SchemaForm) -> None:
    web = field(form, "web")
    assert isinstance(web.editor(), QComboBox)
    assert "web" not in form.value()
    web.set_value(False)
    assert form.value()["web"] is False
    fast = field(form, "fast")
    assert isinstance(fast.editor(), QCheckBox)


def test_const_is_always_sent_when_required(form: SchemaForm) -> None:
    assert form.value()["fixed"] == "v2"


def test_examples_become_completer_suggestions(form: SchemaForm) -> None:
    editor = field(form, "label").editor()
    assert isinstance(editor, QLineEdit) and editor.completer() is not None
    model = editor.completer().model()
    assert [model.index(i, 0).data() for i in range(model.rowCount())] == ["cat", "dog"]


def test_preset_or_custom_reveals_width_and_height(qtbot: QtBot) -> None:
    form = SchemaForm(ENDPOINTS["openai/gpt-image-2/text-to-image"]["input_schema"])
    qtbot.addWidget(form)
    form.show()
    size = field(form, "image_size")
    assert isinstance(size, PresetField)
    assert not size.custom_field().isVisibleTo(form)
    size.combo().setCurrentIndex(size.combo().count() - 1)
    assert size.is_custom() and size.custom_field().isVisibleTo(form)
    assert form.value()["image_size"] == {"width": 1024, "height": 1024}
    form.set_value({"prompt": "p", "image_size": {"width": 512, "height": 768}})
    assert form.value()["image_size"] == {"width": 512, "height": 768}
    form.set_value({"prompt": "p", "image_size": "square_hd"})
    assert not size.is_custom() and form.value()["image_size"] == "square_hd"


def test_media_array_add_remove_reorder_within_bounds(qtbot: QtBot) -> None:
    form = SchemaForm(ENDPOINTS["google/veo-3.1/reference-to-video"]["input_schema"])
    qtbot.addWidget(form)
    urls = field(form, "image_urls")
    assert isinstance(urls, ArrayField)
    rows = urls.rows()
    assert len(rows) == 1 and not rows[0].remove.isEnabled()  # minItems 1
    urls.remove_item(rows[0])
    assert len(urls.rows()) == 1
    for name in ("a", "b"):
        urls.add_item(f"https://x/{name}.png")
    assert urls.add_item(None) is None  # maxItems 3
    assert not urls._add.isEnabled()
    urls.rows()[0].field.set_value("https://x/0.png")
    assert form.value()["image_urls"] == ["https://x/0.png", "https://x/a.png", "https://x/b.png"]
    urls.move_item(urls.rows()[2], -1)
    assert form.value()["image_urls"] == ["https://x/0.png", "https://x/b.png", "https://x/a.png"]
    urls.remove_item(urls.rows()[0])
    assert form.value()["image_urls"] == ["https://x/b.png", "https://x/a.png"]
    assert urls._add.isEnabled()


def test_array_of_objects_and_strings(qtbot: QtBot) -> None:
    form = SchemaForm(ENDPOINTS["kuaishou/kling-v3/pro/text-to-video"]["input_schema"])
    qtbot.addWidget(form)
    shots = field(form, "multi_prompt")
    assert isinstance(shots, ArrayField) and shots.rows() == []
    shot = shots.add_item({"prompt": "wide shot", "duration": "3"})
    assert isinstance(shot, ObjectField)
    assert form.value()["multi_prompt"] == [{"prompt": "wide shot", "duration": "3"}]


def test_json_fallback_field_parses_and_reports_bad_json(form: SchemaForm) -> None:
    form.set_value({"prompt": "p"})
    meta = field(form, "meta")
    editor = meta.editor()
    assert isinstance(editor, QPlainTextEdit)
    editor.setPlainText('{"a": [1, 2]}')
    assert form.value()["meta"] == {"a": [1, 2]}
    editor.setPlainText("{nope")
    assert "meta" not in form.value()
    assert [e.path for e in form.errors()] == ["meta"]
    assert form.errors()[0].message.startswith("Not valid JSON")


def test_choice_picks_the_alternative_that_fits(form: SchemaForm) -> None:
    either = field(form, "either")
    assert isinstance(either, ChoiceField)
    form.set_value({"prompt": "p", "either": 7})
    assert form.value()["either"] == 7
    form.set_value({"prompt": "p", "either": "seven"})
    assert form.value()["either"] == "seven"


def test_tuple_and_object_values(form: SchemaForm) -> None:
    form.set_value({"prompt": "p", "pair": [3, "x"], "box": {"a": "b"}})
    assert form.value()["pair"] == [3, "x"]
    assert form.value()["box"] == {"a": "b"}
    form.set_value({"prompt": "p"})
    assert "box" not in form.value() and "pair" not in form.value()


def test_unknown_kind_falls_back_to_json(qtbot: QtBot) -> None:
    from studio.core.schema import FieldKind, FieldSpec

    widget = create_field_widget(FieldSpec(name="x", kind=FieldKind.JSON, title="X"))
    qtbot.addWidget(widget)
    assert isinstance(widget, JsonField)


@pytest.mark.parametrize(
    "schema",
    [
        {},
        {"type": "object"},
        {"properties": {"a": 1, "b": True, "c": {"type": "nope"}}},
        {"properties": {"a": {"$ref": "#/$defs/A"}}, "$defs": {"A": {"$ref": "#/$defs/A"}}},
        {"properties": {"a": {"type": "array", "prefixItems": [], "items": False}}},
    ],
)
def test_garbage_schemas_build_a_usable_form(qtbot: QtBot, schema: dict[str, Any]) -> None:
    form = SchemaForm(schema)
    qtbot.addWidget(form)
    assert isinstance(form.value(), dict)
    form.set_value({"a": [1]})
    assert isinstance(form.errors(), list)


def test_free_form_root_is_one_json_editor(qtbot: QtBot) -> None:
    form = SchemaForm({"type": "object"})
    qtbot.addWidget(form)
    assert form.field_names() == set()
    form.set_value({"anything": [1, 2]})
    assert form.value() == {"anything": [1, 2]}


def test_removed_rows_leave_at_once_and_required_lists_may_be_empty(qtbot: QtBot) -> None:
    form = SchemaForm(ENDPOINTS["elevenlabs/elevenlabs-music/music-generate"]["input_schema"])
    qtbot.addWidget(form)
    plan = field(form, "composition_plan")
    assert isinstance(plan, ObjectField)
    plan.set_value({"sections": [{"section_name": "intro"}]})
    styles = plan.fields()["positive_global_styles"]
    assert styles.value() == []  # required, no minItems: sent as an empty list
    sections = plan.fields()["sections"]
    assert isinstance(sections, ArrayField)
    old_row = sections.rows()[0]
    sections.set_value([{"section_name": "verse"}])
    assert old_row.parent() is None and not old_row.isVisible()
    assert [r.field.value()["section_name"] for r in sections.rows()] == ["verse"]


def test_add_button_focuses_the_new_row(qtbot: QtBot) -> None:
    form = SchemaForm(ENDPOINTS["google/veo-3.1/reference-to-video"]["input_schema"])
    qtbot.addWidget(form)
    form.show()
    with qtbot.waitActive(form):
        form.activateWindow()
    urls = field(form, "image_urls")
    assert isinstance(urls, ArrayField)
    urls._add.click()
    new_editor = urls.rows()[-1].field.editor()
    assert len(urls.rows()) == 2
    qtbot.waitUntil(new_editor.isVisible)
    assert new_editor.hasFocus()
    QTest.keyClicks(new_editor, "https://x/typed.png")
    assert urls.rows()[-1].field.value() == "https://x/typed.png"


def test_milliseconds_are_shown_and_typed_in_seconds_and_sent_in_ms(qtbot: QtBot) -> None:
    form = SchemaForm(ENDPOINTS["elevenlabs/elevenlabs-music/music-generate"]["input_schema"])
    qtbot.addWidget(form)
    length = field(form, "music_length_ms")
    editor = length.editor()
    assert isinstance(editor, QLineEdit)
    assert editor.placeholderText() == "3 – 600"  # 3000 – 600000 ms
    assert "seconds" in [label.text() for label in length.findChildren(QLabel)]
    row = length.parent()
    assert isinstance(row, FieldRow) and row.title_label.text() == "Music length"  # not "(ms)"
    QTest.keyClicks(editor, "30")
    assert form.value()["music_length_ms"] == 30000
    editor.setText("2.5")
    assert length.value() is None
    errors = [(e.path, e.message) for e in form.errors()]
    assert ("music_length_ms", "Must be at least 3 s") in errors
    form.set_value({"prompt": "p", "music_length_ms": 45500})
    assert editor.text() == "45.5"
    assert form.value() == {"prompt": "p", "music_length_ms": 45500}
    spin_form = SchemaForm({"properties": {"delay_ms": {"type": "integer", "default": 500}}})
    qtbot.addWidget(spin_form)
    delay = field(spin_form, "delay_ms")
    assert isinstance(delay, NumberField) and delay.spin_box() is not None
    spin = delay.spin_box()
    assert isinstance(spin, QDoubleSpinBox) and spin.suffix() == " s" and spin.text() == "0.5 s"
    assert spin_form.value() == {} and delay.value() == 500
    spin.setValue(1.5)
    assert spin_form.value() == {"delay_ms": 1500}


def test_help_text_has_no_json_type_notes(qtbot: QtBot) -> None:
    form = SchemaForm(ENDPOINTS["kuaishou/kling-v3/pro/text-to-video"]["input_schema"])
    qtbot.addWidget(form)
    shots = field(form, "multi_prompt")
    assert isinstance(shots, ArrayField)
    shots.add_item(None)
    texts = [label.text() for label in form.findChildren(QLabel)]
    texts += [widget.toolTip() for widget in form.findChildren(QWidget)]
    assert any(text == "Video length in seconds." for text in texts)
    assert not any("(string)" in text or "(integer)" in text for text in texts)
