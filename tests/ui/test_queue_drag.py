"""A finished queue row drags its outputs' local files (never the server's expiring URLs),
which a media input takes as its value; the drag says which row it came from."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PIL import Image
from PySide6.QtCore import Qt

from studio.core.api import MediaKind, MediaRef
from studio.core.jobs import Job, JobStatus, SavedOutput
from studio.ui.chain.outputs_drag import dragged_outputs
from studio.ui.forms import SchemaForm
from studio.ui.forms.media_field import MediaField
from studio.ui.queue.model import QueueModel

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

URL = "http://127.0.0.1:9/files/ms-1/0.png"


def test_finished_row_drags_its_files_into_a_media_input(qtbot: QtBot, tmp_path: Path) -> None:
    model = QueueModel()
    running = Job(endpoint="a/b/c", input={"prompt": "p"}, status=JobStatus.PROCESSING)
    picture = tmp_path / "x.png"
    Image.new("RGB", (4, 4), "red").save(picture)
    output = SavedOutput(media=MediaRef(url=URL, kind=MediaKind.IMAGE), path=picture)
    done = Job(endpoint="a/b/c", input={}, status=JobStatus.SUCCEEDED, outputs=(output,))
    model.upsert(running)
    model.upsert(done)
    done_index = model.index(model.row_of(done.local_id) or 0, 0)
    running_index = model.index(model.row_of(running.local_id) or 0, 0)
    assert model.flags(done_index) & Qt.ItemFlag.ItemIsDragEnabled
    assert not model.flags(running_index) & Qt.ItemFlag.ItemIsDragEnabled
    mime = model.mimeData([done_index])
    assert [url.toLocalFile() for url in mime.urls()] == [str(picture)]
    assert dragged_outputs(mime) == {"output_ids": [], "local_id": done.local_id}

    form = SchemaForm(
        {"type": "object", "properties": {"image_url": {"type": "string", "format": "uri"}}}
    )
    qtbot.addWidget(form)
    field = form.field("image_url")
    assert isinstance(field, MediaField)
    assert field.handle_mime(mime)
    assert field.local_file() == picture
    assert str(form.value()["image_url"]).startswith("data:image/png;base64,")
