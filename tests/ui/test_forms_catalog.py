"""SchemaForm over every endpoint of the bundled catalog."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from studio.core.schema import is_sent
from studio.ui.forms import SchemaForm
from tests.core.test_schema_catalog import ENDPOINTS, expected_missing

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

SLUGS = sorted(ENDPOINTS)


def make_form(qtbot: QtBot, slug: str) -> SchemaForm:
    form = SchemaForm(ENDPOINTS[slug]["input_schema"])
    qtbot.addWidget(form)
    return form


def without_defaults(form: SchemaForm, value: dict[str, Any]) -> dict[str, Any]:
    fields = {f.name: f for f in form.spec.fields}
    return {k: v for k, v in value.items() if is_sent(fields[k], v)}


@pytest.mark.parametrize("slug", SLUGS)
def test_initial_value_validates_or_names_the_missing_required_fields(
    qtbot: QtBot, slug: str
) -> None:
    form = make_form(qtbot, slug)
    schema = ENDPOINTS[slug]["input_schema"]
    value = form.value()
    assert value == without_defaults(form, form.spec.defaults())
    assert {e.path for e in form.errors()} == expected_missing(schema, form.spec.defaults())


@pytest.mark.parametrize("slug", SLUGS)
def test_example_round_trips_minus_defaults(qtbot: QtBot, slug: str) -> None:
    form = make_form(qtbot, slug)
    example = ENDPOINTS[slug]["examples"][0]["input"]
    form.set_value(example)
    assert form.value() == without_defaults(form, example)
    assert form.errors() == []
    again = form.value()
    form.set_value(again)
    assert form.value() == again


def test_field_names_and_prompt_editor(qtbot: QtBot) -> None:
    form = make_form(qtbot, "google/veo-3.1/text-to-video")
    assert form.field_names() == set(
        ENDPOINTS["google/veo-3.1/text-to-video"]["input_schema"]["properties"]
    )
    prompt = form.field("prompt")
    assert prompt is not None and form.prompt_editor() is prompt.editor()
    whisper = make_form(qtbot, "openai/whisper-v3/transcribe")
    assert whisper.prompt_editor() is None
