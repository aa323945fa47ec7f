"""Show request with a large local image: the view abbreviates it, the snippets read a file."""

from __future__ import annotations

import base64
import json
import shlex
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QWidget

from studio.core.api import body_preview, curl_snippet, needs_body_file, python_snippet, run_body
from studio.ui.endpoint.request_dialog import RequestDialog
from tests.conftest import wait_until

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

SLUG = "google/veo-3.1/image-to-video"
BASE = "https://api.mountsea.ai"


def big_body() -> dict[str, Any]:
    """A 4.5 MB PNG sent inline, as a local file picked in the form is."""
    data = base64.b64encode(b"\x89PNG" + bytes(round(4.5 * 1024 * 1024) - 4)).decode()
    return run_body({"prompt": "a kite", "image_url": f"data:image/png;base64,{data}"})


def test_inline_media_is_abbreviated_in_the_view() -> None:
    body = big_body()
    preview = json.loads(body_preview(body))
    assert preview["input"]["image_url"] == "data:image/png;base64,… (4.5 MB)"
    assert preview["input"]["prompt"] == "a kite"
    assert len(body_preview(body)) < 200


def test_curl_reads_a_large_body_from_a_file_and_stays_short() -> None:
    body = big_body()
    assert needs_body_file(body)
    curl = curl_snippet(BASE, SLUG, body)
    assert len(curl) < 1000  # far below the 128 KB a shell argument may hold
    words = shlex.split(curl, comments=True)
    assert words[-2:] == ["--data-binary", "@request.json"]
    code = python_snippet(BASE, SLUG, body)
    assert "request.json" in code and len(code) < 1000
    compile(code, "<snippet>", "exec")


def test_a_small_body_stays_inline() -> None:
    body = run_body({"prompt": "it's a cat"})
    assert not needs_body_file(body)
    words = shlex.split(curl_snippet(BASE, SLUG, body))
    assert json.loads(words[words.index("-d") + 1]) == body


@pytest.fixture
def window(qtbot: QtBot) -> QWidget:
    """The window a dialog belongs to (the fixture keeps it alive for the test)."""
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def make_dialog(window: QWidget, body: dict[str, Any]) -> RequestDialog:
    dialog = RequestDialog(BASE, SLUG, body, window)
    dialog.show()
    return dialog


def copy_button(dialog: RequestDialog, tab: int) -> QPushButton:
    page = dialog.tabs.widget(tab)
    assert page is not None
    button = page.findChild(QPushButton)
    assert isinstance(button, QPushButton) and button.text() == "Copy"
    return button


def test_the_dialog_shows_the_short_body_and_copies_the_full_one(window: QWidget) -> None:
    body = big_body()
    dialog = make_dialog(window, body)
    assert "(4.5 MB)" in dialog.text_of(0) and len(dialog.text_of(0)) < 200
    assert "--data-binary @request.json" in dialog.text_of(1)
    assert dialog.note.isVisible() and "request.json" in dialog.note.text()
    copy_button(dialog, 0).click()
    assert json.loads(QGuiApplication.clipboard().text()) == body


def test_a_small_request_needs_no_note(window: QWidget) -> None:
    dialog = make_dialog(window, run_body({"prompt": "p"}))
    assert not dialog.note.isVisible()


@pytest.mark.asyncio
async def test_save_body_writes_the_full_json(window: QWidget, tmp_path: Path) -> None:
    body = big_body()
    dialog = make_dialog(window, body)
    dialog.save_body.click()
    file_dialog = dialog.file_dialog
    assert file_dialog is not None and file_dialog.isVisible()
    assert file_dialog.selectedFiles()[0].endswith("request.json")
    target = tmp_path / "request.json"
    file_dialog.fileSelected.emit(str(target))
    file_dialog.close()
    await wait_until(lambda: dialog.status.text().startswith("Saved"))
    assert json.loads(target.read_text(encoding="utf-8")) == body
    assert dialog.status.text() == "Saved request.json (6.0 MB)"
