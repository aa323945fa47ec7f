"""Media field off the GUI thread: busy while reading, clipboard paste, video/audio thumbnails."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtTest import QTest

from studio.core.schema import FieldKind, FieldSpec, MediaKind
from studio.ui.forms import SchemaForm
from studio.ui.forms.array_fields import ArrayField
from studio.ui.forms.media_field import MediaField
from tests.conftest import wait_until
from tests.fakes.preview_media import make_mp4, make_png, make_wav

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

URI = {"type": "string", "format": "uri"}
SCHEMA = {
    "type": "object",
    "properties": {
        "prompt": {"type": "string", "title": "Prompt"},
        "image_url": {**URI, "title": "Image"},
        "image_urls": {"type": "array", "items": URI, "title": "More images"},
    },
    "required": ["prompt", "image_url"],
}


def spec_of(kind: MediaKind) -> FieldSpec:
    return FieldSpec(name=f"{kind.value}_url", kind=FieldKind.MEDIA, title="In", media=kind)


def make_field(qtbot: QtBot, kind: MediaKind = MediaKind.IMAGE) -> MediaField:
    field = MediaField(spec_of(kind))
    qtbot.addWidget(field)
    return field


def make_form(qtbot: QtBot) -> tuple[SchemaForm, MediaField]:
    form = SchemaForm(SCHEMA)
    qtbot.addWidget(form)
    field = form.field("image_url")
    assert isinstance(field, MediaField)
    return form, field


def decoded(uri: str) -> bytes:
    return base64.b64decode(uri.split(",", 1)[1])


def press_paste(widget: object) -> None:
    QTest.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # type: ignore[call-overload]


@pytest.mark.asyncio
async def test_choosing_a_file_is_busy_then_gives_a_data_uri(qtbot: QtBot, tmp_path: Path) -> None:
    png = make_png(tmp_path / "cat.png", 40, 30)
    form, field = make_form(qtbot)
    form.set_value({"prompt": "a cat", "image_url": "https://example.com/old.png"})
    field.set_local_file(png)
    assert field.is_busy() and form.is_busy()
    assert field.status_text() == "Reading cat.png…"
    assert field.value() == "https://example.com/old.png"  # the previous value meanwhile
    assert not form.validate_for_submit()
    assert field.error_text() == "Still reading cat.png"
    await wait_until(lambda: not field.is_busy())
    assert decoded(field.value()) == png.read_bytes()
    assert field.thumbnail() is not None
    assert (field.status_text() or "").startswith("40×30 · ")
    assert form.validate_for_submit()
    assert field.error_text() is None


@pytest.mark.asyncio
async def test_a_newer_choice_wins_over_a_late_result(qtbot: QtBot, tmp_path: Path) -> None:
    field = make_field(qtbot)
    field.set_local_file(make_png(tmp_path / "first.png", 50, 50))
    field.set_value("https://example.com/typed.png")
    assert not field.is_busy()
    await wait_until(lambda: not field.has_work_in_flight())  # the first read came back, dropped
    assert field.value() == "https://example.com/typed.png"
    assert field.local_file() is None


@pytest.mark.asyncio
async def test_a_field_deleted_while_reading_ignores_the_result(tmp_path: Path) -> None:
    field = MediaField(spec_of(MediaKind.IMAGE))
    field.set_local_file(make_png(tmp_path / "gone.png", 20, 20))
    shiboken6.delete(field)
    await wait_until(lambda: not field.has_work_in_flight())  # no exception from a deleted widget


@pytest.mark.asyncio
async def test_dropping_files_on_a_list_waits_and_fills_each_row(
    qtbot: QtBot, tmp_path: Path
) -> None:
    form, _ = make_form(qtbot)
    urls = form.field("image_urls")
    assert isinstance(urls, ArrayField)
    form.set_value({"prompt": "x", "image_url": "https://x/y.png"})
    files = [make_png(tmp_path / f"{name}.png", 16, 16) for name in "ab"]
    assert urls.add_sources([str(path) for path in files]) == 2
    assert len(urls.rows()) == 2  # the busy first row was not taken for the second file
    assert form.is_busy() and not form.validate_for_submit()
    assert urls.error_text() == "Still reading a.png\nStill reading b.png"
    await wait_until(lambda: not form.is_busy())
    sent = form.value()["image_urls"]
    assert [decoded(uri) for uri in sent] == [path.read_bytes() for path in files]
    assert form.validate_for_submit()


@pytest.mark.asyncio
async def test_pasting_an_image_into_the_focused_field(qtbot: QtBot) -> None:
    field = make_field(qtbot)
    field.show()
    image = QImage(30, 20, QImage.Format.Format_ARGB32)
    image.fill(QColor(200, 40, 40, 128))
    QGuiApplication.clipboard().setImage(image)
    field.editor().setFocus()
    press_paste(field.editor())
    assert field.is_busy()
    await wait_until(lambda: not field.is_busy())
    value = field.value()
    assert value.startswith("data:image/png;base64,")
    pasted = QImage.fromData(decoded(value))
    assert (pasted.width(), pasted.height()) == (30, 20)
    assert pasted.pixelColor(3, 3).alpha() == 128
    assert field.editor().text().startswith("embedded image (")  # type: ignore[attr-defined]
    assert field.thumbnail() is not None
    assert field.warning_text() is None


@pytest.mark.asyncio
async def test_paste_in_the_prompt_box_is_left_alone(qtbot: QtBot) -> None:
    form, field = make_form(qtbot)
    mime = QMimeData()
    mime.setImageData(QImage(8, 8, QImage.Format.Format_RGB32))
    mime.setText("a red fox")
    QGuiApplication.clipboard().setMimeData(mime)
    prompt = form.prompt_editor()
    assert prompt is not None
    press_paste(prompt)
    assert form.value()["prompt"] == "a red fox"
    assert field.value() is None and not field.is_busy() and not field.has_work_in_flight()


def test_plain_text_paste_in_the_media_box_is_ordinary_typing(qtbot: QtBot) -> None:
    field = make_field(qtbot)
    field.set_value("https://example.com/")
    QGuiApplication.clipboard().setText("cat.png")
    field.editor().end(False)  # type: ignore[attr-defined]
    press_paste(field.editor())
    assert field.value() == "https://example.com/cat.png"


def test_pasting_a_copied_file_works_like_a_drop(qtbot: QtBot, tmp_path: Path) -> None:
    png = make_png(tmp_path / "copied.png", 12, 12)
    field = make_field(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png))])
    QGuiApplication.clipboard().setMimeData(mime)
    press_paste(field.editor())  # no running loop here: read at once
    assert field.local_file() == png
    assert decoded(field.value()) == png.read_bytes()


@pytest.mark.asyncio
async def test_a_video_file_gets_a_first_frame_thumbnail(qtbot: QtBot, tmp_path: Path) -> None:
    field = make_field(qtbot, MediaKind.VIDEO)
    field.set_local_file(make_mp4(tmp_path / "clip.mp4", seconds=2.0, size=(160, 90)))
    await wait_until(lambda: not field.is_busy())
    thumb = field.thumbnail()
    assert thumb is not None and (thumb.width(), thumb.height()) == (48, 27)
    assert (field.status_text() or "").startswith("160×90 · 0:02 · ")
    assert field.value().startswith("data:video/mp4;base64,")


@pytest.mark.asyncio
async def test_an_audio_file_gets_a_waveform_and_its_duration(qtbot: QtBot, tmp_path: Path) -> None:
    field = make_field(qtbot, MediaKind.AUDIO)
    field.set_local_file(make_wav(tmp_path / "tone.wav", seconds=1.5))
    await wait_until(lambda: not field.is_busy())
    assert field.thumbnail() is not None
    assert (field.status_text() or "").startswith("0:02 · ")


@pytest.mark.asyncio
async def test_an_embedded_image_gets_its_thumbnail_from_a_worker(
    qtbot: QtBot, tmp_path: Path
) -> None:
    png = make_png(tmp_path / "e.png", 64, 32)
    field = make_field(qtbot)
    field.set_value("data:image/png;base64," + base64.b64encode(png.read_bytes()).decode())
    assert not field.is_busy()  # the value is already there, only the picture comes later
    await wait_until(lambda: field.thumbnail() is not None)
    assert (field.status_text() or "").startswith("64×32 · ")


def test_links_get_a_badge_and_are_never_fetched(qtbot: QtBot) -> None:
    field = make_field(qtbot)
    field.set_value("http://127.0.0.1:8000/files/a.png")
    assert field.badge_text() == "URL" and field.thumbnail() is None
    assert field.value() == "http://127.0.0.1:8000/files/a.png"
    field.set_value(None)
    assert field.badge_text() is None


@pytest.mark.asyncio
async def test_a_large_pasted_image_warns(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("studio.ui.forms.media_field.LARGE_FILE_BYTES", 100)
    field = make_field(qtbot)
    noise = QImage(64, 64, QImage.Format.Format_RGB32)
    for x in range(64):
        noise.setPixelColor(x, x, QColor(x * 4, 255 - x, 7 * x % 256))
    QGuiApplication.clipboard().setImage(noise)
    press_paste(field.editor())
    await wait_until(lambda: not field.is_busy())
    assert "sent inline as a data URI" in (field.warning_text() or "")


def test_a_link_pasted_on_the_field_itself_replaces_the_box(qtbot: QtBot) -> None:
    field = make_field(qtbot)
    field.set_value("https://example.com/old.png")
    QGuiApplication.clipboard().setText("http://127.0.0.1:8123/files/new.png\n")
    press_paste(field)  # e.g. after a click on the thumbnail
    assert field.value() == "http://127.0.0.1:8123/files/new.png"
    assert field.badge_text() == "URL"
