"""The media field: local files become data URIs, drops of files/URLs, thumbnails, size warnings."""

from __future__ import annotations

import base64
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDropEvent, QImage
from PySide6.QtTest import QTest

from studio.core.media import LARGE_FILE_BYTES
from studio.core.schema import FieldKind, FieldSpec, MediaKind
from studio.ui.forms import SchemaForm
from studio.ui.forms.array_fields import ArrayField
from studio.ui.forms.media_field import MediaField
from tests.core.test_schema_catalog import ENDPOINTS

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

IMAGE_SPEC = FieldSpec(name="image_url", kind=FieldKind.MEDIA, title="Image", media=MediaKind.IMAGE)


def write_png(path: Path, size: int = 64) -> Path:
    image = QImage(size, size * 2, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(path))  # format from the .png suffix
    return path


def media_field(qtbot: QtBot) -> MediaField:
    widget = MediaField(IMAGE_SPEC)
    qtbot.addWidget(widget)
    return widget


def drop(widget: MediaField | ArrayField, mime: QMimeData) -> None:
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def test_local_png_becomes_a_data_uri_with_a_thumbnail(qtbot: QtBot, tmp_path: Path) -> None:
    png = write_png(tmp_path / "cat.png")
    field = media_field(qtbot)
    with qtbot.waitSignal(field.changed, timeout=1000):
        field.set_value(str(png))
    value = field.value()
    assert value.startswith("data:image/png;base64,")
    assert base64.b64decode(value.split(",", 1)[1]) == png.read_bytes()
    assert field.local_file() == png
    editor = field.editor()
    assert editor.text() == str(png)  # type: ignore[attr-defined]
    thumb = field.thumbnail()
    assert thumb is not None and max(thumb.width(), thumb.height()) <= 48
    assert field.warning_text() is None


def test_drop_of_a_file_url(qtbot: QtBot, tmp_path: Path) -> None:
    png = write_png(tmp_path / "drop.png")
    field = media_field(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(png))])
    drop(field, mime)
    assert field.local_file() == png
    assert field.value().startswith("data:image/png;base64,")


def test_drop_of_text_url_and_typing_a_url(qtbot: QtBot) -> None:
    field = media_field(qtbot)
    mime = QMimeData()
    mime.setText("https://example.com/a.jpg\n")
    drop(field, mime)
    assert field.value() == "https://example.com/a.jpg"
    QTest.keyClicks(field.editor(), "x")
    assert field.value() == "https://example.com/a.jpgx"
    assert field.local_file() is None


def test_set_value_with_a_data_uri_shows_an_embedded_label(qtbot: QtBot, tmp_path: Path) -> None:
    png = write_png(tmp_path / "e.png", size=200)
    uri = "data:image/png;base64," + base64.b64encode(png.read_bytes()).decode()
    field = media_field(qtbot)
    field.set_value(uri)
    assert field.value() == uri
    kb = len(png.read_bytes()) / 1024
    assert kb < 10  # sizes under ten units keep one decimal (studio.core.units.human_size)
    assert field.editor().text() == f"embedded image ({kb:.1f} KB)"  # type: ignore[attr-defined]
    assert field.thumbnail() is not None


def test_large_file_warning(qtbot: QtBot, tmp_path: Path) -> None:
    big = tmp_path / "big.png"
    big.write_bytes(b"\0" * (LARGE_FILE_BYTES + 1))
    field = media_field(qtbot)
    field.set_value(str(big))
    warning = field.warning_text()
    assert warning is not None and "sent inline as a data URI" in warning


def test_dropping_files_on_a_media_list_fills_rows(qtbot: QtBot, tmp_path: Path) -> None:
    form = SchemaForm(ENDPOINTS["google/nano-banana/edit"]["input_schema"])
    qtbot.addWidget(form)
    urls = form.field("image_urls")
    assert isinstance(urls, ArrayField)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(write_png(tmp_path / f"{n}.png"))) for n in "ab"])
    mime.setUrls([*mime.urls(), QUrl("https://x/c.png")])
    drop(urls, mime)
    sent = form.value()["image_urls"]
    assert len(sent) == 3 and len(urls.rows()) == 3
    assert sent[0].startswith("data:image/png;base64,") and sent[2] == "https://x/c.png"


@pytest.mark.parametrize(
    ("kind", "placeholder"),
    [
        (MediaKind.AUDIO, "Paste an audio URL or drop an audio file"),
        (MediaKind.VIDEO, "Paste a video URL or drop a video file"),
        (MediaKind.IMAGE, "Paste an image or its URL, or drop an image file"),
        (MediaKind.FILE, "Paste a URL or drop a file"),
    ],
)
def test_placeholder_names_the_media_kind(qtbot: QtBot, kind: MediaKind, placeholder: str) -> None:
    field = MediaField(FieldSpec(name="x_url", kind=FieldKind.MEDIA, title="X", media=kind))
    qtbot.addWidget(field)
    assert field.editor().placeholderText() == placeholder  # type: ignore[attr-defined]
