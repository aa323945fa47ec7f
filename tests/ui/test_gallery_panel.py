"""GalleryPanel: curation actions, keys, export, recall, drops, filters and refresh."""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING

import pytest
import pytest_asyncio
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QMessageBox

from bench.fill import build_library, embed_request, make_png
from studio.core.library import Library, OutputFilter, Recall, RecallMode
from studio.ui.gallery import GalleryModel, GalleryPanel, GalleryRole
from studio.ui.gallery.panel import FIRST_PAGE_WAIT_S
from studio.ui.thumbnails import thumb_key
from tests.conftest import wait_until
from tests.ui.gallery_helpers import hold_page_reads, open_panel, select_rows

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

ROWS = 30


@pytest.fixture
def lib(tmp_path: Path, qapp: QApplication) -> Iterator[Library]:
    library = build_library(tmp_path / "lib", ROWS, 20)
    yield library
    library.close()


@pytest_asyncio.fixture
async def panel(lib: Library) -> AsyncIterator[GalleryPanel]:
    async with open_panel(lib, 1000) as widget:
        yield widget


def _banner_shown(panel: GalleryPanel) -> bool:
    return panel.banner.isVisibleTo(panel)


def _recalls(panel: GalleryPanel) -> list[Recall]:
    received: list[Recall] = []
    panel.recall_requested.connect(received.append)
    return received


@pytest.mark.asyncio
async def test_a_new_panel_reads_what_its_filter_bar_describes(
    panel: GalleryPanel, lib: Library
) -> None:
    """The first page is asked for before the filter bar exists (it is read while the widgets
    are built): a new bar must describe exactly that filter, every output."""
    assert panel.filter_bar.current_filter() == OutputFilter()
    assert panel.model.filter() == OutputFilter()
    assert panel.model.total() == lib.count_outputs(OutputFilter()) == ROWS


@pytest.fixture
def take_arrived_waits() -> list[float]:
    """How long each GalleryModel.take_arrived() call was allowed to wait, in order."""
    return []


@pytest.fixture
def take_arrived_answers(
    monkeypatch: pytest.MonkeyPatch, take_arrived_waits: list[float]
) -> list[bool]:
    """What each GalleryModel.take_arrived() call answered, in order."""
    answers: list[bool] = []
    real = GalleryModel.take_arrived

    def noted(model: GalleryModel, wait_s: float = 0.0) -> bool:
        take_arrived_waits.append(wait_s)
        answers.append(real(model, wait_s))
        return answers[-1]

    monkeypatch.setattr(GalleryModel, "take_arrived", noted)
    return answers


@pytest.mark.asyncio
async def test_showing_the_panel_shows_rows_already_read(
    lib: Library, take_arrived_answers: list[bool]
) -> None:
    """The first page is read while the panel is built; shown, the panel takes what has come
    back at once, so its first paint has rows."""
    asked = take_arrived_answers
    async with open_panel(lib, show=False) as panel:
        panel.show()
        assert asked  # at show, before any paint


@pytest.mark.asyncio
async def test_an_empty_panel_waits_a_moment_for_its_first_page_at_show_and_a_full_one_not(
    lib: Library, take_arrived_answers: list[bool], take_arrived_waits: list[float]
) -> None:
    panel = GalleryPanel(lib)
    try:
        panel.show()
        assert take_arrived_waits == [FIRST_PAGE_WAIT_S]
        assert 0 < FIRST_PAGE_WAIT_S <= 0.05  # a moment, not a freeze
        await panel.settled()
        assert panel.model.rowCount() == ROWS
        panel.hide()
        panel.show()
        assert take_arrived_waits[-1] == 0.0  # it has rows to paint
    finally:
        await panel.aclose()
        panel.close()


@pytest.mark.asyncio
async def test_a_first_page_not_back_at_show_is_asked_for_again_before_the_paint(
    lib: Library, monkeypatch: pytest.MonkeyPatch, take_arrived_answers: list[bool]
) -> None:
    gate = hold_page_reads(lib, monkeypatch)
    asked = take_arrived_answers
    panel = GalleryPanel(lib)
    try:
        panel.show()
        assert asked == [False]  # still being read
        gate.set()
        await panel.settled()
        assert len(asked) == 2  # the event posted at show asked again
        assert panel.model.rowCount() == ROWS
    finally:
        await panel.aclose()
        panel.close()


@pytest.mark.asyncio
async def test_the_views_tab_bar_shows_once_a_second_view_is_added(panel: GalleryPanel) -> None:
    bar = panel.views.tabBar()
    assert not bar.isVisibleTo(panel)  # the outputs alone: no tabs to choose between
    panel.add_view("Comparisons", QLabel("comparisons"))
    assert bar.isVisibleTo(panel)
    assert panel.views.count() == 2


@pytest.mark.asyncio
async def test_star_toggles_the_selection(panel: GalleryPanel, lib: Library) -> None:
    starred_before = lib.count_outputs(OutputFilter(favourites_only=True))
    select_rows(panel, 0, 1)
    assert not any(item.output.favourite for item in panel.selected_items())
    panel.gallery_actions.star.trigger()
    await panel.settled()
    ids = [item.id for item in panel.selected_items()]
    assert lib.count_outputs(OutputFilter(favourites_only=True)) == starred_before + 2
    assert all(panel.model.index(row).data(GalleryRole.FAVOURITE) for row in (0, 1))
    panel.gallery_actions.star.trigger()
    await panel.settled()
    assert not any(lib.get_output(output_id).favourite for output_id in ids)  # type: ignore[union-attr]


@pytest.mark.asyncio
async def test_s_key_stars_when_the_grid_has_focus(panel: GalleryPanel) -> None:
    select_rows(panel, 2)
    panel.grid.setFocus()
    panel.activateWindow()
    await wait_until(panel.grid.hasFocus)
    QTest.keyClick(panel.grid, Qt.Key.Key_S)
    await panel.settled()
    assert panel.model.index(2).data(GalleryRole.FAVOURITE) is True


@pytest.mark.asyncio
async def test_delete_moves_to_trash_and_undo_brings_back(
    panel: GalleryPanel, lib: Library
) -> None:
    select_rows(panel, 4, 5)
    gone = {item.id for item in panel.selected_items()}
    panel.gallery_actions.trash.trigger()
    await panel.settled()
    assert panel.model.total() == ROWS - 2
    assert {item.id for item in lib.page_outputs(OutputFilter(trash_only=True), 0, 10)} == gone
    assert _banner_shown(panel)
    assert "Moved 2 outputs" in panel.banner.text.text()
    assert panel.current_item() is not None  # the selection moved on
    panel.gallery_actions.undo_trash.trigger()
    assert not _banner_shown(panel)  # at once, before the library answers
    await panel.settled()
    assert panel.model.total() == ROWS
    assert lib.count_outputs(OutputFilter(trash_only=True)) == 0
    assert not _banner_shown(panel)


@pytest.mark.asyncio
async def test_quick_repeats_act_in_turn(panel: GalleryPanel, lib: Library) -> None:
    """Keys pressed before the library answered: each write sees what the one before left."""
    select_rows(panel, 0)
    (output_id,) = [item.id for item in panel.selected_items()]
    panel.gallery_actions.star.trigger()
    panel.gallery_actions.star.trigger()  # a second S unstars, though the row still says not
    await panel.settled()
    output = lib.get_output(output_id)
    assert output is not None and not output.favourite
    assert panel.model.index(0).data(GalleryRole.FAVOURITE) is False
    select_rows(panel, 1, 2)
    panel.gallery_actions.trash.trigger()
    panel.gallery_actions.trash.trigger()  # the same rows again: nothing more moves
    await panel.settled()
    assert panel.model.total() == ROWS - 2
    assert "Moved 2 outputs" in panel.banner.text.text()
    panel.gallery_actions.undo_trash.trigger()  # still undoes the first Delete
    await panel.settled()
    assert panel.model.total() == ROWS


@pytest.mark.asyncio
async def test_banner_undo_button_restores(panel: GalleryPanel, lib: Library) -> None:
    select_rows(panel, 0)
    panel.gallery_actions.trash.trigger()
    await panel.settled()
    panel.banner.action.click()
    await panel.settled()
    assert lib.count_outputs(OutputFilter(trash_only=True)) == 0
    assert panel.model.total() == ROWS


@pytest.mark.asyncio
async def test_trash_view_restores(panel: GalleryPanel, lib: Library) -> None:
    select_rows(panel, 0, 1, 2)
    panel.gallery_actions.trash.trigger()
    await panel.settled()
    panel.filter_bar.trash.setChecked(True)
    await panel.settled()
    assert panel.model.total() == 3
    assert panel.count_label.text() == "3 in trash"
    assert not panel.gallery_actions.trash.isEnabled() or not panel.selected_items()
    select_rows(panel, 0)
    assert panel.gallery_actions.restore.isEnabled()
    panel.gallery_actions.restore.trigger()
    await panel.settled()
    assert panel.model.total() == 2
    assert lib.count_outputs(OutputFilter()) == ROWS - 2


@pytest.mark.asyncio
async def test_empty_trash_asks_first_then_deletes(tmp_path: Path) -> None:
    lib = build_library(tmp_path / "lib", 12, 12)
    try:
        async with open_panel(lib, show=False) as panel:
            select_rows(panel, 0, 1)
            files = [item.file for item in panel.selected_items()]
            panel.gallery_actions.trash.trigger()
            await panel.settled()
            panel.filter_bar.trash.setChecked(True)
            await panel.settled()
            panel.gallery_actions.empty_trash.trigger()
            box = panel.commands.confirm_box
            assert box is not None and not box.isHidden()
            assert (
                lib.count_outputs(OutputFilter(trash_only=True)) == 2
            )  # nothing before the answer
            box.button(QMessageBox.StandardButton.Yes).click()
            await wait_until(lambda: panel.model.total() == 0)
            assert lib.count_outputs(OutputFilter(include_trashed=True)) == 10
            assert not any(path is not None and path.exists() for path in files)
    finally:
        lib.close()


@pytest.mark.asyncio
async def test_export_to_folder_and_zip(tmp_path: Path) -> None:
    lib = build_library(tmp_path / "lib", 6, 6)
    try:
        async with open_panel(lib, show=False) as panel:
            select_rows(panel, 0, 1, 2)
            names = {item.file.name for item in panel.selected_items() if item.file}
            panel.gallery_actions.export_folder.trigger()
            dialog = panel.commands.file_dialog
            assert dialog is not None and not dialog.isHidden()
            dialog.fileSelected.emit(str(tmp_path / "out"))
            await wait_until(lambda: (tmp_path / "out").is_dir() and _banner_shown(panel))
            exported = {path.name for path in (tmp_path / "out").iterdir()}
            sidecars = {f"{name.rsplit('.', 1)[0]}.sidecar.json" for name in names}
            assert exported == names | sidecars
            dialog.reject()
            ids = [item.id for item in panel.selected_items()]
            result = await panel.commands.export(ids, tmp_path / "all.zip", as_zip=True)
            assert result.missing == ()
            with zipfile.ZipFile(tmp_path / "all.zip") as archive:
                assert set(archive.namelist()) == exported
    finally:
        lib.close()


@pytest.mark.parametrize(
    ("action", "mode"),
    [
        ("remix", RecallMode.REMIX),
        ("use_all", RecallMode.USE_ALL),
        ("use_prompt", RecallMode.USE_PROMPT),
    ],
)
@pytest.mark.asyncio
async def test_recall_actions_emit_the_right_input(
    panel: GalleryPanel, action: str, mode: RecallMode
) -> None:
    received = _recalls(panel)
    select_rows(panel, 3)
    item = panel.current_item()
    assert item is not None
    getattr(panel.gallery_actions, action).trigger()
    await panel.settled()
    assert len(received) == 1
    recall = received[0]
    assert (recall.mode, recall.endpoint) == (mode, item.endpoint)
    if mode is RecallMode.USE_ALL:
        assert recall.input == item.input
    elif mode is RecallMode.REMIX:
        assert "seed" not in recall.input
        assert recall.input["num_inference_steps"] == item.input["num_inference_steps"]
    else:
        assert recall.input == {"prompt": item.prompt}


@pytest.mark.asyncio
async def test_open_file_and_folder_use_the_desktop(panel: GalleryPanel) -> None:
    opened: list[QUrl] = []

    def record(url: QUrl) -> bool:
        opened.append(url)
        return True

    panel.commands.open_url = record
    select_rows(panel, 0)
    item = panel.current_item()
    assert item is not None and item.file is not None
    panel.gallery_actions.open_file.trigger()
    panel.gallery_actions.open_folder.trigger()
    assert [url.toLocalFile() for url in opened] == [str(item.file), str(item.file.parent)]


def _drop(panel: GalleryPanel, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    panel.dropEvent(event)


@pytest.mark.asyncio
async def test_dropping_a_studio_png_recalls_its_parameters(tmp_path: Path) -> None:
    lib = build_library(tmp_path / "lib", 2, 2)
    panel = GalleryPanel(lib)
    try:
        received = _recalls(panel)
        made = make_png(tmp_path / "made.png", 7).path
        values = {"prompt": "a teal heron", "seed": 99}
        embed_request(made, "google/nano-banana/text-to-image", values)
        _drop(panel, made)
        await wait_until(lambda: bool(received))
        assert received[0].endpoint == "google/nano-banana/text-to-image"
        assert received[0].input == values
        assert received[0].mode is RecallMode.USE_ALL
        plain = make_png(tmp_path / "plain.png", 8).path
        _drop(panel, plain)
        await wait_until(lambda: _banner_shown(panel))
        assert "no Mountsea Studio parameters" in panel.banner.text.text()
        assert len(received) == 1
    finally:
        await panel.aclose()
        panel.close()
        lib.close()


@pytest.mark.asyncio
async def test_search_box_filters_after_debounce(panel: GalleryPanel) -> None:
    panel.filter_bar.search.setText("lighthouse")
    assert panel.model.total() == ROWS  # not yet: the search is debounced
    await wait_until(lambda: panel.model.total() < ROWS)
    prompts = [item.prompt for item in panel.model.items(range(panel.model.rowCount()))]
    assert prompts and all("lighthouse" in prompt for prompt in prompts)


@pytest.mark.asyncio
async def test_filter_bar_controls_reach_the_model(panel: GalleryPanel) -> None:
    panel.filter_bar.capability.setCurrentIndex(panel.filter_bar.capability.findData("audio"))
    await panel.settled()
    assert panel.model.filter().capability == "audio"
    assert {panel.model.index(r).data(GalleryRole.KIND) for r in range(panel.model.rowCount())} == {
        "audio"
    }
    panel.filter_bar.favourites.setChecked(True)
    await panel.settled()
    assert panel.model.filter().favourites_only
    source = panel.filter_bar.source
    source.setCurrentIndex(source.findData("model:veo-3.1"))
    await panel.settled()
    assert panel.model.filter().model == "veo-3.1"
    panel.filter_bar.dates.setCurrentIndex(1)
    await panel.settled()
    assert panel.model.filter().date_from is not None


@pytest.mark.asyncio
async def test_refresh_keeps_scroll_and_selection(tmp_path: Path) -> None:
    lib = build_library(tmp_path / "many", 120, 12)
    try:
        async with open_panel(lib, 900, 500) as panel:
            bar = panel.grid.verticalScrollBar()
            await wait_until(lambda: bar.maximum() > 600)
            select_rows(panel, 40)  # selecting scrolls to the tile, so scroll afterwards
            bar.setValue(600)
            panel.refresh()
            await panel.settled()
            assert bar.value() == 600
            assert [item.id for item in panel.selected_items()] == [panel.model.items([40])[0].id]
    finally:
        lib.close()


@pytest.mark.asyncio
async def test_only_visible_tiles_ask_for_thumbnails(tmp_path: Path) -> None:
    lib = build_library(tmp_path / "many", 120, 20)
    panel = GalleryPanel(lib)
    asked: list[str] = []
    real_request = panel.loader.request

    def recording(key: str, path: Path, kind: str, size: int = 256, fit: int | None = None) -> None:
        if size != 768:  # the detail pane's larger picture of the current tile
            asked.append(str(path))
        real_request(key, path, kind, size, fit)

    panel.loader.request = recording  # type: ignore[method-assign]
    try:
        panel.resize(900, 520)
        panel.show()
        await wait_until(lambda: panel.loader.completed >= 4 and panel.loader.pending_count() == 0)
        visible = {
            str(item.file)
            for row in range(panel.model.rowCount())
            if panel.grid.visualRect(panel.model.index(row)).intersects(
                panel.grid.viewport().rect()
            )
            and (item := panel.model.item_at(row)) is not None
        }
        assert asked and set(asked) <= visible
        assert len(visible) < 40  # a window of the 120, not all of them
        first = panel.model.item_at(0)
        assert first is not None and first.file is not None
        side = panel.grid.tiles.picture_side()
        loaded = panel.loader.pixmap(thumb_key(first.file, fit=side))
        # Scaled to the tile's picture in the worker: the tile copies it, pixel for pixel.
        assert loaded is not None and max(loaded.width(), loaded.height()) == side
        panel.grab().save(str(tmp_path / "gallery.png"))
    finally:
        await panel.aclose()
        panel.close()
        lib.close()
