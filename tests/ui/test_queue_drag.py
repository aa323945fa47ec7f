"""A finished queue row drags its outputs' URLs, which a media input takes as its value."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from studio.core.api import MediaKind, MediaRef
from studio.core.jobs import Job, JobStatus, SavedOutput
from studio.ui.forms import SchemaForm
from studio.ui.forms.media_field import MediaField
from studio.ui.queue.model import QueueModel

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

URL = "http://127.0.0.1:9/files/ms-1/0.png"


def test_finished_row_drags_its_urls_into_a_media_input(qtbot: QtBot) -> None:
    model = QueueModel()
    running = Job(endpoint="a/b/c", input={"prompt": "p"}, status=JobStatus.PROCESSING)
    output = SavedOutput(media=MediaRef(url=URL, kind=MediaKind.IMAGE), path=Path("/tmp/x.png"))
    done = Job(endpoint="a/b/c", input={}, status=JobStatus.SUCCEEDED, outputs=(output,))
    model.upsert(running)
    model.upsert(done)
    done_index = model.index(model.row_of(done.local_id) or 0, 0)
    running_index = model.index(model.row_of(running.local_id) or 0, 0)
    assert model.flags(done_index) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(running_index) & Qt.ItemFlag.ItemIsDragEnabled
    mime = model.mimeData([done_index])
    assert [url.toString() for url in mime.urls()] == [URL]

    form = SchemaForm(
        {"type": "object", "properties": {"image_url": {"type": "string", "format": "uri"}}}
    )
    qtbot.addWidget(form)
    field = form.field("image_url")
    assert isinstance(field, MediaField)
    assert field.handle_mime(mime)
    assert form.value() == {"image_url": URL}
