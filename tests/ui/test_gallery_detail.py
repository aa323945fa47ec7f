"""The gallery's detail pane: the real preview of the current output and all of its parameters."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import pytest_asyncio
from PIL import Image
from PySide6.QtCore import QItemSelectionModel, QSize
from PySide6.QtMultimedia import QMediaPlayer

from bench.fill import build_library, make_png
from studio.ui.gallery import GalleryPanel, GalleryRole
from tests.conftest import wait_until
from tests.fakes.preview_media import QT_MEDIA_INTERRUPTED, QT_MEDIA_NOISE
from tests.ui.gallery_helpers import open_panel

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from studio.core.library import GalleryItem, Library

# QVideoWidget draws into a child QWindow (a QWindowContainer); a QStackedWidget page switch above
# it raises that window, which the offscreen platform cannot do (X11 and the others can).
OFFSCREEN_RAISE = "This plugin does not support raise()"
pytestmark = pytest.mark.qt_log_ignore(*QT_MEDIA_NOISE, QT_MEDIA_INTERRUPTED, OFFSCREEN_RAISE)

PlayingState = QMediaPlayer.PlaybackState.PlayingState
LONG_PROMPT = "a lighthouse on a basalt cliff, " * 20  # past the tooltip's 300-character cut


@pytest.fixture
def lib(tmp_path: Path, qapp: QApplication) -> Iterator[Library]:
    library = build_library(tmp_path / "lib", 20, 20)  # 12 images, 5 videos, 3 audio files
    yield library
    library.close()


@pytest_asyncio.fixture
async def panel(lib: Library) -> AsyncIterator[GalleryPanel]:
    async with open_panel(lib, 1100, 720) as widget:
        yield widget
        widget.detail.show_item(None)  # release any media file before the library goes


def _rows_of(panel: GalleryPanel, kind: str) -> list[int]:
    model = panel.model
    return [
        row for row in range(model.rowCount()) if model.index(row).data(GalleryRole.KIND) == kind
    ]


def _select(panel: GalleryPanel, *rows: int) -> GalleryItem:
    selection = panel.grid.selectionModel()
    flags = QItemSelectionModel.SelectionFlag
    selection.clearSelection()
    for row in rows:
        selection.select(panel.model.index(row), flags.Select)
    selection.setCurrentIndex(panel.model.index(rows[0]), flags.NoUpdate)
    item = panel.current_item()
    assert item is not None
    return item


def _add_long_prompt_output(lib: Library, folder: Path) -> None:
    image = make_png(folder / "long.png", 3, (120, 80))
    values = {"prompt": LONG_PROMPT, "seed": 7, "image_urls": ["https://cdn.example/in.png"]}
    lib.create_job("job-long", "google/nano-banana/text-to-image", values, capability="image")
    output_id = lib.add_output("job-long", 0, "image", "https://cdn.example/long.png")
    lib.set_output_file(
        output_id, image.path, "0" * 64, image.path.stat().st_size,
        media_type="image/png", width=120, height=80, duration=None,
    )  # fmt: skip
    lib.update_job("job-long", status="succeeded")


@pytest.mark.asyncio
async def test_image_shows_at_the_files_size_with_its_parameters(panel: GalleryPanel) -> None:
    item = _select(panel, _rows_of(panel, "image")[0])
    preview = panel.detail.preview
    assert item.file is not None
    try:
        await wait_until(lambda: not preview.image_view.is_loading())  # decoded in a thread
    finally:
        await panel.aclose()  # the grid's thumbnail tasks must not outlive this test's loop run
    with Image.open(item.file) as original:
        assert preview.image_view.image_size() == QSize(*original.size)
    assert preview.current_widget() is preview.image_view
    facts = panel.detail.facts
    assert facts.value("prompt") == item.prompt
    assert facts.value("seed") == str(item.input["seed"])
    assert facts.value("num_inference_steps") == str(item.input["num_inference_steps"])
    assert (facts.value("Endpoint"), facts.value("Model")) == (item.endpoint, item.model)
    assert facts.value("Status") == "Done"  # the word the queue uses for a succeeded job
    assert "96×64" in (facts.value("Media") or "")
    assert item.prompt in facts.toPlainText()
    assert panel.detail.selection_label.text() == ""


@pytest.mark.asyncio
async def test_long_prompts_are_listed_whole(lib: Library) -> None:
    _add_long_prompt_output(lib, lib.outputs_root)
    async with open_panel(lib, show=False) as panel:
        item = _select(panel, 0)  # newest first
        assert item.prompt == LONG_PROMPT
        facts = panel.detail.facts
        assert facts.value("prompt") == LONG_PROMPT
        assert facts.value("image_urls") == '["https://cdn.example/in.png"]'
        assert facts.horizontalScrollBar().maximum() == 0  # wrapped, not scrolled sideways


@pytest.mark.asyncio
async def test_audio_item_shows_the_audio_view(panel: GalleryPanel) -> None:
    _select(panel, _rows_of(panel, "audio")[0])
    preview = panel.detail.preview
    assert preview.current_widget() is preview.audio_view
    assert preview.audio_view.player.source().isLocalFile()


@pytest.mark.asyncio
async def test_missing_file_says_so(panel: GalleryPanel) -> None:
    row = _rows_of(panel, "image")[1]
    item = panel.model.item_at(row)
    assert item is not None and item.file is not None
    item.file.unlink()
    _select(panel, row)
    preview = panel.detail.preview
    assert preview.current_widget() is preview.text_view
    assert f"File missing: {item.file}" in preview.text_view.toPlainText()
    assert panel.detail.facts.value("prompt") == item.prompt


@pytest.mark.asyncio
async def test_several_selected_shows_the_current_one_and_the_count(panel: GalleryPanel) -> None:
    rows = _rows_of(panel, "image")[:3]
    current = _select(panel, rows[1], rows[0], rows[2])
    assert panel.detail.selection_label.text() == "3 selected"
    assert panel.detail.item() == current
    assert panel.detail.facts.value("prompt") == current.prompt
    _select(panel, rows[0])
    assert panel.detail.selection_label.text() == ""


@pytest.mark.asyncio
async def test_nothing_selected_shows_the_empty_state(panel: GalleryPanel) -> None:
    _select(panel, _rows_of(panel, "image")[0])
    panel.grid.selectionModel().clear()  # also clears the current index
    detail = panel.detail
    assert detail.item() is None
    assert detail.preview_stack.currentWidget() is detail.empty_label
    assert detail.facts.rows() == []
    assert not detail.open_button.isEnabled()


@pytest.mark.asyncio
async def test_video_loads_quietly_and_stops_when_left_or_hidden(tmp_path: Path) -> None:
    lib = build_library(tmp_path / "lib", 20, 20)
    panel = GalleryPanel(lib)
    panel.resize(1100, 720)
    panel.show()
    video = panel.detail.preview.video_view
    try:
        await panel.settled()
        video_row = _rows_of(panel, "video")[0]
        _select(panel, video_row)
        assert panel.detail.preview.current_widget() is video
        await wait_until(lambda: video.duration_ms() > 0, 20)
        assert video.player.playbackState() != PlayingState  # browsing never autoplays

        video.player.play()
        await wait_until(lambda: video.player.playbackState() == PlayingState)
        panel.gallery_actions.star.trigger()  # re-shows the same output: keeps playing
        await panel.settled()
        assert video.player.playbackState() == PlayingState

        _select(panel, _rows_of(panel, "image")[0])
        assert video.player.playbackState() != PlayingState
        assert video.player.source().isEmpty()  # released, not just paused

        _select(panel, video_row)
        await wait_until(lambda: video.duration_ms() > 0, 20)
        video.player.setLoops(QMediaPlayer.Loops.Infinite.value)
        video.player.play()
        await wait_until(lambda: video.player.playbackState() == PlayingState)
        panel.hide()  # e.g. the user went back to the Create tab
        assert video.player.playbackState() != PlayingState
    finally:
        panel.detail.show_item(None)
        await panel.aclose()
        panel.close()
        lib.close()
