"""Transcripts in the gallery and the queue preview: the Text filter, the tile, the text view."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pytest
import pytest_asyncio
from PySide6.QtGui import QPixmap

from bench.fill import make_png
from studio.core.api import TaskStatus
from studio.core.jobs import TEXT_MEDIA_TYPE, Job, JobStatus, SavedOutput, text_saved_output
from studio.core.library import Library
from studio.core.media import finish_file, text_bytes
from studio.ui.gallery import GalleryPanel, GalleryRole, thumb_key
from studio.ui.gallery.placeholders import placeholder_pixmap
from studio.ui.job_preview import preview_items
from studio.ui.preview.text_view import TextView
from tests.conftest import wait_until
from tests.core.test_tasks_fakes import make_task
from tests.ui.gallery_helpers import open_panel

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

WHISPER = "openai/whisper-v3/transcribe"
SPOKEN = "Hello there. General Kenobi."
TRANSCRIPT: dict[str, Any] = {
    "text": SPOKEN,
    "language": "en",
    "chunks": [
        {"text": "Hello there.", "timestamp": [0.0, 1.2]},
        {"text": "General Kenobi.", "timestamp": [1.4, 2.9]},
    ],
}


def add_transcript(lib: Library, local_id: str = "job-text") -> Path:
    """A finished transcription as BackendJobs leaves it: a JSON file in a "text" row."""
    lib.create_job(local_id, WHISPER, {"audio_url": "https://cdn.example/a.wav"},
                   capability="transcribe", model="whisper-v3")  # fmt: skip
    output_id = lib.add_output(local_id, 0, "text")
    path = lib.outputs_root / f"{local_id}-0.json"
    path.write_bytes(text_bytes(TRANSCRIPT))
    facts = finish_file(path, {"endpoint": WHISPER, "input": {}})
    lib.set_output_file(output_id, path, facts.sha256, facts.size, media_type=TEXT_MEDIA_TYPE)
    lib.update_job(local_id, status="succeeded")
    return path


def add_image(lib: Library) -> None:
    image = make_png(lib.outputs_root / "img.png", 2, (40, 30))
    lib.create_job("job-img", "acme/pixel/text-to-image", {"prompt": "a boat"}, capability="image")
    output_id = lib.add_output("job-img", 0, "image", "https://cdn.example/img.png")
    lib.set_output_file(output_id, image.path, "0" * 64, image.path.stat().st_size,
                        media_type="image/png", width=40, height=30)  # fmt: skip
    lib.update_job("job-img", status="succeeded")


@pytest.fixture
def lib(tmp_path: Path, qapp: QApplication) -> Iterator[Library]:
    library = Library.open(tmp_path / "lib" / "library.sqlite3")
    add_image(library)
    add_transcript(library)
    yield library
    library.close()


@pytest_asyncio.fixture
async def panel(lib: Library) -> AsyncIterator[GalleryPanel]:
    async with open_panel(lib, 1100, 700) as widget:
        yield widget


@pytest.mark.asyncio
async def test_text_filter_shows_only_transcripts(panel: GalleryPanel) -> None:
    assert panel.model.total() == 2
    combo = panel.filter_bar.capability
    combo.setCurrentIndex(combo.findText("Text"))
    await panel.settled()
    assert panel.model.total() == 1
    assert panel.model.index(0).data(GalleryRole.KIND) == "text"


@pytest.mark.asyncio
async def test_detail_pane_shows_the_transcript_in_the_text_view(panel: GalleryPanel) -> None:
    row = next(r for r in range(2) if panel.model.index(r).data(GalleryRole.KIND) == "text")
    panel.grid.setCurrentIndex(panel.model.index(row))
    preview = panel.detail.preview
    shown = preview.current_item()
    assert shown is not None and shown.kind == "text"
    assert shown.path is not None and shown.path.name == "job-text-0.json"
    assert isinstance(preview.current_widget(), TextView)
    text = preview.text_view.toPlainText()
    assert "[0:00.0 → 0:01.2] Hello there." in text  # chunks as timed lines
    assert "[0:01.4 → 0:02.9] General Kenobi." in text
    assert preview.save_button.isEnabled() and preview.open_folder_button.isEnabled()


@pytest.mark.asyncio
async def test_transcript_tile_gets_a_drawn_thumbnail(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib" / "library.sqlite3") as lib:
        path = add_transcript(lib)
        panel = GalleryPanel(lib)
        try:
            panel.resize(800, 600)
            panel.show()
            tiles = panel.grid.tiles

            def key() -> str:  # the page, scaled to the tile's picture (once laid out)
                return thumb_key(path, fit=tiles.picture_side())

            await wait_until(lambda: panel.loader.pixmap(key()) is not None, 20)
            side = tiles.picture_side()
            item = panel.model.item_at(0)
            assert item is not None
            tile = panel.model.thumbnail(item, side)
            assert isinstance(tile, QPixmap) and tile.width() == side  # not the placeholder
            assert tile.toImage() != placeholder_pixmap("text").toImage()
        finally:
            await panel.aclose()
            panel.close()
            panel.deleteLater()
            await asyncio.sleep(0)


def test_text_placeholder_uses_the_transcribe_glyph(qtbot: QtBot) -> None:
    text, other = placeholder_pixmap("text").toImage(), placeholder_pixmap("other").toImage()
    assert text != other


def _whisper_job(outputs: tuple[SavedOutput, ...] = ()) -> Job:
    task = make_task("ms-1", TaskStatus.SUCCEEDED, endpoint=WHISPER, text=SPOKEN)
    task = replace(task, output=TRANSCRIPT)
    return Job(WHISPER, {}, status=JobStatus.SUCCEEDED, task=task, text=task.text,
               outputs=outputs)  # fmt: skip


def test_queue_preview_of_a_written_transcript_is_file_backed(tmp_path: Path) -> None:
    path = tmp_path / "job-0.json"
    path.write_text(json.dumps(TRANSCRIPT), encoding="utf-8")
    job = _whisper_job((text_saved_output(path, 10),))
    [item] = preview_items(job, "Whisper v3 Transcribe")
    assert (item.kind, item.path, item.url) == ("text", path, None)
    assert item.text is not None and json.loads(item.text) == TRANSCRIPT
    assert item.title == "Whisper v3 Transcribe"  # the endpoint's name, not a piece of its slug
    assert preview_items(job)[0].title == WHISPER  # no name known: the whole slug


def test_queue_preview_before_the_file_is_written_shows_the_text() -> None:
    [item] = preview_items(_whisper_job())
    assert item.kind == "text" and item.path is None
    assert item.text is not None and json.loads(item.text) == TRANSCRIPT
