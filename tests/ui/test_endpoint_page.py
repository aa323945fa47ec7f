"""The endpoint page: Ctrl+Enter, batches and seeds, webhook checks, values kept on switching."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit

from studio.core.api import EndpointDetail, parse_endpoint_detail
from studio.ui.endpoint.page import EndpointPage
from studio.ui.endpoint.request_dialog import RequestDialog

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

VEO = "google/veo-3.1/text-to-video"
SEEDANCE = "bytedance/seedance-2.0/text-to-video"
IMAGE = "google/nano-banana/text-to-image"
MUSIC = "elevenlabs/elevenlabs-music/music-generate"


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
    assert signal.args == [VEO, "The form is back at its defaults.", typed]
    assert page.form.value() == {}
    page.set_form_value(typed)
    with qtbot.waitSignal(page.form_replaced) as signal:
        page.examples.example_chosen.emit(dict(page.detail.examples[0]["input"]))  # type: ignore[union-attr]
    assert signal.args == [VEO, "The form now holds example 1.", typed]


def test_undo_never_crosses_endpoints(qtbot: QtBot) -> None:
    page = make_page(qtbot, VEO)
    page.show_endpoint(detail(SEEDANCE))
    assert page.form is not None
    page.set_form_value({"prompt": "Veo's words"}, VEO)  # an Undo made on Veo
    assert page.form.value() == {}
    page.set_form_value({"prompt": "mine"}, SEEDANCE)
    assert page.form.value() == {"prompt": "mine"}


def test_the_batch_belongs_to_its_endpoint_and_the_button_says_what_starts(
    qtbot: QtBot,
) -> None:
    page = make_page(qtbot, IMAGE)
    assert page.generate.text() == "Generate · 1 image"
    page.batch.setValue(3)
    assert page.generate.text() == "Generate · 3 images"
    assert page.form is not None
    page.form.set_value({"prompt": "p", "num_images": 2})
    assert page.generate.text() == "Generate · 6 images"  # 3 tasks of 2 images each
    page.show_endpoint(detail(VEO))
    assert page.batch.value() == 1 and page.generate.text() == "Generate · 1 video"
    page.batch.setValue(2)
    assert page.generate.text() == "Generate · 2 videos"
    page.show_endpoint(detail(IMAGE))
    assert page.batch.value() == 3  # what was set there, kept there
    page.show_endpoint(detail(MUSIC))
    assert page.generate.text() == "Generate · 1 track"


def test_more_than_four_videos_ask_first(qtbot: QtBot) -> None:
    page = make_page(qtbot, VEO)
    assert page.form is not None
    page.form.set_value({"prompt": "rain"})
    sent: list[Any] = []
    page.generate_requested.connect(lambda *args: sent.append(args))
    page.batch.setValue(4)
    page.submit()
    assert len(sent) == 1 and len(sent[0][1]) == 4 and page.confirm_box is None
    page.batch.setValue(5)
    page.submit()
    box = page.confirm_box
    assert box is not None and box.isVisible() and len(sent) == 1
    assert "5 videos" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert len(sent) == 1
    page.submit()
    box = page.confirm_box
    assert box is not None
    start = next(b for b in box.buttons() if b.text() == "Start 5 videos")
    start.click()
    assert len(sent) == 2 and len(sent[1][1]) == 5


def test_an_image_prompt_is_offered_to_the_music_form_not_put_in(qtbot: QtBot) -> None:
    page = make_page(qtbot, IMAGE)
    assert page.form is not None
    page.form.set_value({"prompt": "a red fox in snow"})
    with qtbot.waitSignal(page.carry_offered) as signal:
        page.show_endpoint(detail(MUSIC), draft={"music_length_ms": 30000})
    slug, source, titles, values = signal.args
    assert (slug, source, titles) == (MUSIC, "Nano Banana Text to Image", ["Prompt"])
    assert values == {"prompt": "a red fox in snow"}
    assert page.form.value() == {"music_length_ms": 30000}  # the music form's own draft
    before = page.carry_in(MUSIC, values)  # the user chose to carry it over
    assert before == {"music_length_ms": 30000}
    assert page.form.value() == {"music_length_ms": 30000, "prompt": "a red fox in snow"}
    page.set_form_value(before, MUSIC)  # and undid it
    assert page.form.value() == {"music_length_ms": 30000}
    assert page.carry_in(IMAGE, values) is None  # never into another endpoint


def test_within_a_capability_values_fill_only_what_the_draft_leaves_unset(qtbot: QtBot) -> None:
    page = make_page(qtbot, VEO)
    assert page.form is not None
    page.form.set_value({"prompt": "a fox", "aspect_ratio": "9:16"})
    offered: list[Any] = []
    page.carry_offered.connect(lambda *args: offered.append(args))
    page.show_endpoint(detail(SEEDANCE))  # same capability, nothing of its own: quietly
    assert offered == [] and page.form.value()["prompt"] == "a fox"
    page.show_endpoint(detail(VEO), draft={"prompt": "my Veo draft"})
    assert page.form.value() == {"prompt": "my Veo draft", "aspect_ratio": "9:16"}
    assert [(args[2], args[3]) for args in offered] == [(["Prompt"], {"prompt": "a fox"})]
