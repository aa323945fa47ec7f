"""When errors show, the Advanced badge, focus on submit, server errors, changed and reset."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from studio.core.schema import FieldError
from studio.core.schema import _form_spec as form_spec_module
from studio.ui.forms import SchemaForm
from tests.conftest import wait_until
from tests.core.test_schema_catalog import ENDPOINTS

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

    from studio.ui.forms import FieldWidget


def make_form(qtbot: QtBot, slug: str) -> SchemaForm:
    form = SchemaForm(ENDPOINTS[slug]["input_schema"])
    qtbot.addWidget(form)
    form.resize(480, 700)
    form.show()
    qtbot.waitExposed(form)
    return form


def field(form: SchemaForm, name: str) -> FieldWidget:
    found = form.field(name)
    assert found is not None
    return found


def test_errors_show_only_after_touch(qtbot: QtBot) -> None:
    form = make_form(qtbot, "google/veo-3.1/text-to-video")
    prompt = field(form, "prompt")
    assert [e.path for e in form.errors()] == ["prompt"]
    assert prompt.error_text() is None
    QTest.keyClicks(prompt.editor(), "a")
    assert prompt.error_text() is None
    QTest.keyClick(prompt.editor(), Qt.Key.Key_Backspace)
    assert prompt.error_text() == "Required"


def test_validate_for_submit_shows_all_and_focuses_the_first(qtbot: QtBot) -> None:
    form = make_form(qtbot, "google/veo-3.1/image-to-video")
    assert form.validate_for_submit() is False
    assert field(form, "prompt").error_text() == "Required"
    assert field(form, "image_url").error_text() == "Required"
    assert form.focusWidget() is form.prompt_editor()
    assert not form.advanced.is_expanded()
    form.set_value({"prompt": "p", "image_url": "https://x/y.png"})
    assert form.validate_for_submit() is True
    assert field(form, "prompt").error_text() is None


def test_submit_opens_advanced_and_focuses_an_error_inside_it(qtbot: QtBot) -> None:
    form = make_form(qtbot, "google/nano-banana/text-to-image")
    form.set_value({"prompt": "p", "safety_tolerance": "9"})
    assert form.advanced.header_text() == "Advanced (1 error)"
    assert not form.advanced.is_expanded()
    assert form.validate_for_submit() is False
    assert form.advanced.is_expanded()
    assert form.focusWidget() is field(form, "safety_tolerance").editor()
    assert field(form, "safety_tolerance").error_text() == "Must be one of: 1, 2, 3, 4, 5, 6"


def test_advanced_badge_counts_invalid_fields_inside(qtbot: QtBot) -> None:
    form = make_form(qtbot, "google/nano-banana/text-to-image")
    assert form.advanced.header_text() == "Advanced"
    form.set_value({"prompt": "p", "safety_tolerance": "9", "output_format": "gif"})
    assert form.advanced.header_text() == "Advanced (2 errors)"
    field(form, "output_format").set_value("png")
    assert form.advanced.header_text() == "Advanced (1 error)"


def test_show_errors_puts_server_errors_in_the_field_slots(qtbot: QtBot) -> None:
    form = make_form(qtbot, "openai/gpt-image-2/text-to-image")
    form.set_value({"prompt": "p", "image_size": {"width": 4096, "height": 1024}})
    form.show_errors(
        [
            FieldError("image_size.width", "Too wide for this model"),
            FieldError("sync_mode", "Not available"),
            FieldError("mystery", "Server says no"),
        ]
    )
    size = field(form, "image_size")
    width = dict(size.child_fields())["width"]
    assert width.error_text() == "Too wide for this model"
    assert field(form, "sync_mode").error_text() == "Not available"
    assert form.advanced.is_expanded()
    assert form._form_error.text() == "mystery: Server says no"
    field(form, "sync_mode").set_value(True)
    assert field(form, "sync_mode").error_text() is None
    assert width.error_text() == "Too wide for this model"


def test_changed_is_emitted_on_edit(qtbot: QtBot) -> None:
    form = make_form(qtbot, "google/veo-3.1/text-to-video")
    with qtbot.waitSignal(form.changed, timeout=1000):
        QTest.keyClicks(field(form, "prompt").editor(), "x")
    with qtbot.waitSignal(form.changed, timeout=1000):
        field(form, "duration").set_value("4s")
    assert form.value() == {"prompt": "x", "duration": "4s"}


def test_reset_to_defaults_forgets_values_and_errors(qtbot: QtBot) -> None:
    form = make_form(qtbot, "google/veo-3.1/text-to-video")
    form.set_value({"prompt": "p", "resolution": "4k", "seed": 5})
    assert form.validate_for_submit() is True
    form.set_value({"resolution": "4k"})
    assert field(form, "prompt").error_text() == "Required"
    form.reset_button.click()
    assert form.value() == {}
    assert field(form, "prompt").error_text() is None


def test_a_prompt_of_only_spaces_is_required(qtbot: QtBot) -> None:
    form = make_form(qtbot, "google/veo-3.1/text-to-video")
    prompt = field(form, "prompt")
    QTest.keyClicks(prompt.editor(), "   ")
    assert prompt.error_text() == "Required"
    assert form.validate_for_submit() is False
    assert form.focusWidget() is form.prompt_editor()
    QTest.keyClicks(prompt.editor(), "cat ")
    assert prompt.error_text() is None
    assert form.validate_for_submit() is True
    assert form.value()["prompt"] == "   cat "  # sent as typed


@pytest.mark.asyncio
async def test_an_edit_before_jsonschema_is_loaded_checks_the_schema_from_a_worker(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(form_spec_module, "validation_loaded", lambda: False)
    form = make_form(qtbot, "google/nano-banana/text-to-image")
    prepared_in: list[str] = []
    prepare = form.spec.prepare

    def noted_prepare() -> None:
        prepared_in.append(threading.current_thread().name)
        prepare()

    monkeypatch.setattr(form.spec, "prepare", noted_prepare)
    assert not form.spec.validator_ready()
    field(form, "output_format").set_value("gif")  # an edit, as from the keyboard
    assert form.advanced.header_text() == "Advanced"  # the schema's check is on its way
    await wait_until(lambda: form.advanced.header_text() == "Advanced (1 error)")
    assert prepared_in and prepared_in[0] != threading.main_thread().name
    assert form.spec.validator_ready()
    field(form, "output_format").set_value("png")  # ready now: checked at once
    assert form.advanced.header_text() == "Advanced"


def test_submit_checks_the_schema_at_once_even_before_jsonschema_is_loaded(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(form_spec_module, "validation_loaded", lambda: False)
    form = make_form(qtbot, "google/nano-banana/text-to-image")
    form.set_value({"prompt": "p", "output_format": "gif"})  # no loop runs: checked at once
    assert form.advanced.header_text() == "Advanced (1 error)"
    assert form.validate_for_submit() is False


def test_a_form_as_it_opened_does_not_import_jsonschema() -> None:
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from studio.ui.forms import SchemaForm\n"
        "from tests.core.test_schema_catalog import ENDPOINTS\n"
        "app = QApplication([])\n"
        "form = SchemaForm(ENDPOINTS['google/veo-3.1/text-to-video']['input_schema'])\n"
        "form.set_value({})\n"
        "print('jsonschema' in sys.modules, [e.path for e in form.errors()])\n"
        "print('jsonschema' in sys.modules)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-c", script]
    done = subprocess.run(
        command, check=False, capture_output=True, text=True, env=env, timeout=120
    )
    assert done.stdout.split("\n")[:2] == ["False ['prompt']", "True"], done.stderr
