"""The endpoint page: Ctrl+Enter, batches and seeds, webhook checks, values kept on switching."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from studio.core.api import EndpointDetail, parse_endpoint_detail
from studio.ui.endpoint.page import EndpointPage
from studio.ui.endpoint.request_dialog import RequestDialog

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def detail(slug: str) -> EndpointDetail:
    text = resources.files("studio").joinpath("data/catalog.json").read_text(encoding="utf-8")
    raw = next(item for item in json.loads(text) if item["slug"] == slug)
    return parse_endpoint_detail(raw)


def make_page(qtbot: QtBot, slug: str) -> EndpointPage:
    page = EndpointPage()
    qtbot.addWidget(page)
    page.show_endpoint(detail(slug))
    page.show()
    return page


def test_ctrl_enter_in_the_prompt_generates(qtbot: QtBot) -> None:
    page = make_page(qtbot, "google/nano-banana/text-to-image")
    assert page.form is not None
    prompt = page.form.prompt_editor()
    assert isinstance(prompt, QPlainTextEdit)
    prompt.setFocus()
    qtbot.keyClicks(prompt, "a glass of water")  # type: ignore[no-untyped-call]
    with qtbot.waitSignal(page.generate_requested) as signal:
        qtbot.keyClick(prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # type: ignore[no-untyped-call]
    slug, inputs, webhook, uses = signal.args
    assert slug == "google/nano-banana/text-to-image"
    assert inputs == [{"prompt": "a glass of water"}]
    assert webhook == "" and uses == []
    assert "\n" not in prompt.toPlainText()


def test_invalid_form_is_not_sent(qtbot: QtBot) -> None:
    page = make_page(qtbot, "google/nano-banana/text-to-image")
    sent: list[Any] = []
    page.generate_requested.connect(lambda *args: sent.append(args))
    page.generate.click()
    assert sent == []
    assert page.form is not None and page.form.errors()


def test_batch_with_fresh_seeds(qtbot: QtBot) -> None:
    page = make_page(qtbot, "google/veo-3.1/text-to-video")
    assert page.form is not None and page.random_seed.isVisible()
    page.form.set_value({"prompt": "rain on a window"})
    page.batch.setValue(3)
    page.random_seed.setChecked(True)
    inputs = page.batch_inputs()
    assert len(inputs) == 3
    assert len({item["seed"] for item in inputs}) == 3
    assert all(item["prompt"] == "rain on a window" for item in inputs)


def test_webhook_must_be_http(qtbot: QtBot) -> None:
    page = make_page(qtbot, "google/nano-banana/text-to-image")
    assert page.form is not None
    page.form.set_value({"prompt": "p"})
    page.webhook.setText("ftp://example.com/hook")
    sent: list[Any] = []
    page.generate_requested.connect(lambda *args: sent.append(args))
    page.submit()
    assert sent == [] and page.webhook_error.isVisibleTo(page)
    page.webhook.setText("https://hooks.example.com/mountsea")
    page.submit()
    assert sent[0][2] == "https://hooks.example.com/mountsea"


def test_switching_endpoint_keeps_fitting_values(qtbot: QtBot) -> None:
    page = make_page(qtbot, "google/veo-3.1/text-to-video")
    assert page.form is not None
    page.form.set_value({"prompt": "a fox", "aspect_ratio": "9:16", "duration": "4s"})
    page.show_endpoint(detail("bytedance/seedance-2.0/text-to-video"))
    value = page.form.value()
    assert value["prompt"] == "a fox"
    assert value["aspect_ratio"] == "9:16"  # same name, allowed here too
    assert value.get("duration") != "4s"  # not a member of Seedance's enum


def test_show_request_masks_the_key(qtbot: QtBot) -> None:
    page = make_page(qtbot, "google/nano-banana/text-to-image")
    assert page.form is not None
    page.form.set_value({"prompt": "a kite"})
    with qtbot.waitSignal(page.show_request_requested) as signal:
        page.show_request.click()
    slug, body = signal.args
    assert body == {"input": {"prompt": "a kite"}}
    dialog = RequestDialog("http://127.0.0.1:1", slug, body, page)
    qtbot.addWidget(dialog)
    assert json.loads(dialog.text_of(0)) == body
    assert "$MOUNTSEA_API_KEY" in dialog.text_of(1)
    assert "httpx.post" in dialog.text_of(2)


def test_webhook_sits_under_advanced_request_options(qtbot: QtBot) -> None:
    page = make_page(qtbot, "google/nano-banana/text-to-image")
    assert not page.webhook.isVisibleTo(page)
    page.request_options.click()
    assert page.webhook.isVisibleTo(page)


def test_reset_and_examples_can_be_undone(qtbot: QtBot) -> None:
    page = make_page(qtbot, "google/veo-3.1/text-to-video")
    assert page.form is not None
    typed = {"prompt": "mine", "duration": "4s"}
    page.form.set_value(typed)
    with qtbot.waitSignal(page.form_replaced) as signal:
        page.reset.click()
    assert signal.args == ["defaults", typed]
    assert page.form.value() == {}
    page.set_form_value(typed)
    with qtbot.waitSignal(page.form_replaced) as signal:
        page.examples.example_chosen.emit(dict(page.detail.examples[0]["input"]))  # type: ignore[union-attr]
    assert signal.args == ["example 1", typed]
