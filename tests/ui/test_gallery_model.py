"""GalleryModel and ThumbnailLoader: paging, filters, roles, drag data, thumbnails made in the
thumbnail process."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import threading
import time
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QPixmap

from bench.fill import build_library, prompt_for
from studio.core import paths
from studio.core.library import GalleryItem, Library, OutputFilter
from studio.core.media import THUMB_SIZE, DecodedImage, ThumbnailError
from studio.core.media._thumbnails import cached_path
from studio.core.thumbnailer import Thumbnailer, ThumbnailRequest, default_processes
from studio.ui.gallery import GalleryModel, GalleryRole, ThumbnailLoader, thumb_key
from studio.ui.gallery import model as gallery_model
from tests.conftest import wait_until
from tests.ui.gallery_helpers import hold_page_reads

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication
    from pytestqt.modeltest import ModelTester

ROWS = 35


@pytest.fixture
def lib(tmp_path: Path, qapp: QApplication) -> Iterator[Library]:
    library = build_library(tmp_path / "lib", ROWS, 20)
    yield library
    library.close()


@pytest.fixture
def loader() -> ThumbnailLoader:
    return ThumbnailLoader()


async def _model(lib: Library, loader: ThumbnailLoader, page_size: int = 200) -> GalleryModel:
    model = GalleryModel(lib, loader, page_size=page_size)
    await _show(model, OutputFilter())
    return model


async def _show(model: GalleryModel, output_filter: OutputFilter) -> None:
    model.set_filter(output_filter)
    await model.settled()


async def _fetch_more(model: GalleryModel) -> None:
    model.fetchMore(QModelIndex())
    await model.settled()


def _kinds(model: GalleryModel) -> set[str]:
    return {model.index(row).data(GalleryRole.KIND) for row in range(model.rowCount())}


def _prompts(model: GalleryModel) -> list[str]:
    return [item.prompt for item in model.items(range(model.rowCount()))]


@pytest.mark.asyncio
async def test_model_passes_qtmodeltester(
    qtmodeltester: ModelTester, lib: Library, loader: ThumbnailLoader
) -> None:
    model = await _model(lib, loader, page_size=10)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    await model.settled()  # the check asked for more rows
    while model.canFetchMore(QModelIndex()):
        await _fetch_more(model)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    await model.settled()
    model.refresh()  # the tester still watches: a reset, then pages again
    await model.settled()
    model.set_filter(OutputFilter(capability="audio"))
    model.fetchMore(QModelIndex())  # the old filter's page would be stale: never asked
    await model.settled()
    assert _kinds(model) == {"audio"}
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    await model.settled()


@pytest.mark.asyncio
async def test_pages_fill_the_rows_to_come(lib: Library, loader: ThumbnailLoader) -> None:
    """A row for every output from the first page on; each page fills rows, inserting none
    (QListView lays every row out again after an insert)."""
    model = await _model(lib, loader, page_size=10)
    inserted: list[int] = []
    changed: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append(last - first + 1))
    model.dataChanged.connect(lambda top, bottom, _roles: changed.append((top.row(), bottom.row())))
    seen = [(model.loaded_rows(), model.rowCount())]
    assert model.item_at(10) is None and model.index(10).data(GalleryRole.ITEM) is None
    assert model.flags(model.index(10)) == Qt.ItemFlag.ItemIsEnabled  # to come: not selectable
    while model.canFetchMore(QModelIndex()):
        await _fetch_more(model)
        seen.append((model.loaded_rows(), model.rowCount()))
    assert seen == [(10, ROWS), (20, ROWS), (30, ROWS), (35, ROWS)]
    assert inserted == [] and changed == [(10, 19), (20, 29), (30, 34)]
    assert model.flags(model.index(10)) & Qt.ItemFlag.ItemIsSelectable
    assert model.total() == ROWS
    assert _prompts(model)[0] == prompt_for(ROWS - 1)  # newest first
    assert len({item.id for item in model.items(range(ROWS))}) == ROWS


@pytest.mark.asyncio
async def test_the_view_asks_rows_to_be_read_up_to_a_row_and_far_ones_come_in_bigger_pages(
    lib: Library, loader: ThumbnailLoader, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gallery_model, "FAR_PAGE_SIZE", 8)
    model = await _model(lib, loader, page_size=5)
    limits: list[int] = []
    real_page = lib.page_outputs

    def noted(*args: Any, **kwargs: Any) -> list[GalleryItem]:
        limits.append(args[2])
        return real_page(*args, **kwargs)

    monkeypatch.setattr(lib, "page_outputs", noted)
    model.read_up_to(4)  # read already
    assert not model.is_loading()
    model.read_up_to(ROWS)  # e.g. the end key: pages in turn, the far ones bigger
    await model.settled()
    assert limits == [8, 8, 8, 6] and model.loaded_rows() == ROWS
    assert len({item.id for item in model.items(range(ROWS))}) == ROWS


@pytest.mark.asyncio
async def test_rows_to_come_follow_named_changes_and_end_where_pages_do(
    lib: Library, loader: ThumbnailLoader
) -> None:
    model = await _model(lib, loader, page_size=10)
    far = model_item_id(lib, 20)  # not read yet: one of the rows to come
    token = lib.trash([far])
    model.update_outputs([far])
    await model.settled()
    assert (model.loaded_rows(), model.rowCount(), model.total()) == (10, ROWS - 1, ROWS - 1)
    lib.undo_trash(token)
    model.update_outputs([far])
    await model.settled()
    assert (model.loaded_rows(), model.rowCount(), model.total()) == (10, ROWS, ROWS)

    # Read to the end; the newest output goes and comes back while only counted (a hidden
    # gallery): a count does not say where the new one goes, so no row comes for it.
    while model.canFetchMore(QModelIndex()):
        await _fetch_more(model)
    newest = model_item_id(lib, 0)
    token = lib.trash([newest])
    model.refresh()
    await model.settled()
    lib.undo_trash(token)
    model.recount()
    await model.settled()
    assert (model.loaded_rows(), model.rowCount(), model.total()) == (ROWS - 1, ROWS - 1, ROWS)
    # A page after the last row brings nothing: none is to come, the count stays the count.
    assert model.canFetchMore(QModelIndex())
    await _fetch_more(model)
    assert not model.canFetchMore(QModelIndex())
    assert (model.rowCount(), model.total()) == (ROWS - 1, ROWS)
    model.update_outputs([newest])  # named (the panel catching up): its row goes first
    await model.settled()
    assert (model.loaded_rows(), model.rowCount()) == (ROWS, ROWS)
    assert model.ids([0]) == [newest]


@pytest.mark.asyncio
async def test_a_failed_page_takes_the_rows_to_come_away(
    lib: Library, loader: ThumbnailLoader, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = await _model(lib, loader, page_size=10)
    errors: list[str] = []
    model.on_error = errors.append

    def broken(*args: Any, **kwargs: Any) -> list[GalleryItem]:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(lib, "page_outputs", broken)
    await _fetch_more(model)
    assert errors and (model.loaded_rows(), model.rowCount(), model.total()) == (10, 10, ROWS)
    assert not model.canFetchMore(QModelIndex())


@pytest.mark.asyncio
async def test_refresh_reloads_every_loaded_row(lib: Library, loader: ThumbnailLoader) -> None:
    model = await _model(lib, loader, page_size=10)
    await _fetch_more(model)
    first = model.item_at(0)
    assert first is not None
    lib.set_favourite([first.id], True)
    model.refresh()
    await model.settled()
    assert (model.loaded_rows(), model.rowCount()) == (20, ROWS)
    assert model.index(0).data(GalleryRole.FAVOURITE) is True


@pytest.mark.asyncio
async def test_answers_on_their_way_go_stale_and_requests_collapse(
    lib: Library, loader: ThumbnailLoader, monkeypatch: pytest.MonkeyPatch
) -> None:
    model = await _model(lib, loader, page_size=10)
    entered, gate = threading.Event(), threading.Event()
    reads: list[tuple[str | None, int]] = []
    real_page = lib.page_outputs

    def held(
        output_filter: OutputFilter,
        offset: int,
        limit: int,
        after: tuple[float, int] | None,
        *,
        pause: Callable[[], object] | None = None,
    ) -> list[GalleryItem]:
        entered.set()
        gate.wait(5)
        reads.append((output_filter.capability, offset))
        return real_page(output_filter, offset, limit, after, pause=pause)

    monkeypatch.setattr(lib, "page_outputs", held)
    model.fetchMore(QModelIndex())
    await wait_until(entered.is_set)  # the page is being read in its thread, and held there
    model.fetchMore(QModelIndex())  # one page at a time: no second read
    for capability in ("image", "video", "audio"):
        model.set_filter(OutputFilter(capability=capability))
    assert model.is_loading()
    assert (model.loaded_rows(), model.filter()) == (10, OutputFilter())  # until replaced
    gate.set()
    await model.settled()
    assert _kinds(model) == {"audio"} and model.filter().capability == "audio"
    assert model.loaded_rows() == min(10, lib.count_outputs(OutputFilter(capability="audio")))
    assert reads == [(None, 10), ("audio", 0)]  # the stale page dropped, three asks in one


@pytest.mark.asyncio
async def test_a_page_asked_again_while_read_is_not_read_twice(
    lib: Library, loader: ThumbnailLoader, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The view asks fetchMore on every scroll step: a second ask while a page is on its way
    would repeat that page, and a page with nothing new reads as "the library shrank"."""
    model = await _model(lib, loader, page_size=10)
    entered, gate = threading.Event(), threading.Event()
    offsets: list[int] = []
    real_page = lib.page_outputs

    def held(
        output_filter: OutputFilter,
        offset: int,
        limit: int,
        after: tuple[float, int] | None,
        *,
        pause: Callable[[], object] | None = None,
    ) -> list[GalleryItem]:
        offsets.append(offset)
        entered.set()
        gate.wait(5)
        return real_page(output_filter, offset, limit, after, pause=pause)

    monkeypatch.setattr(lib, "page_outputs", held)
    model.fetchMore(QModelIndex())
    await wait_until(entered.is_set)
    model.fetchMore(QModelIndex())  # scrolled again meanwhile
    model.fetchMore(QModelIndex())
    gate.set()
    await model.settled()
    assert offsets == [10]
    assert (model.loaded_rows(), model.total()) == (20, ROWS)
    while model.canFetchMore(QModelIndex()):
        await _fetch_more(model)
    assert model.loaded_rows() == ROWS


@pytest.mark.asyncio
async def test_a_read_leaves_for_its_thread_when_asked(
    lib: Library, loader: ThumbnailLoader, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not at the reading task's first turn of the loop: a new panel keeps the loop busy while
    its widgets are built and shown, which the first page's read overlaps this way."""
    model = GalleryModel(lib, loader, page_size=10)
    entered = threading.Event()
    real_count = lib.count_outputs

    def noted(output_filter: OutputFilter) -> int:
        entered.set()
        return real_count(output_filter)

    monkeypatch.setattr(lib, "count_outputs", noted)
    model.set_filter(OutputFilter())
    # No await since: the loop has not turned, yet the read runs in its thread.
    assert entered.wait(5)
    assert model.is_loading()
    await model.settled()
    assert (model.loaded_rows(), model.total()) == (10, ROWS)


@pytest.mark.asyncio
async def test_an_answer_back_from_its_thread_can_be_shown_before_the_loop_hears_of_it(
    lib: Library, loader: ThumbnailLoader
) -> None:
    model = GalleryModel(lib, loader, page_size=10)
    model.set_filter(OutputFilter())
    deadline, pause = time.monotonic() + 5, threading.Event()
    while not model.take_arrived():  # no await: only the worker thread runs meanwhile
        assert time.monotonic() < deadline
        pause.wait(0.002)  # blocks this (the loop's) thread on purpose
    assert (model.loaded_rows(), model.total()) == (10, ROWS)
    assert not model.take_arrived()  # once
    await model.settled()  # the reading task comes back to an answer already shown
    assert (model.loaded_rows(), model.total()) == (10, ROWS)
    assert _prompts(model) == [item.prompt for item in lib.page_outputs(OutputFilter(), 0, 10)]


@pytest.mark.asyncio
async def test_an_answer_under_way_can_be_waited_for_and_the_wait_ends_with_it(
    lib: Library, loader: ThumbnailLoader, monkeypatch: pytest.MonkeyPatch
) -> None:
    gate = hold_page_reads(lib, monkeypatch)
    model = GalleryModel(lib, loader, page_size=10)
    model.set_filter(OutputFilter())
    assert not model.take_arrived()  # under way, not waited for
    threading.Timer(0.05, gate.set).start()
    assert model.take_arrived(wait_s=5)  # the gate opens well within the bound
    assert (model.loaded_rows(), model.total()) == (10, ROWS)
    await model.settled()
    assert model.loaded_rows() == 10


@pytest.mark.asyncio
async def test_a_failed_read_ends_a_wait_for_it(
    lib: Library, loader: ThumbnailLoader, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: Any, **kwargs: Any) -> list[GalleryItem]:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(lib, "page_outputs", broken)
    model = GalleryModel(lib, loader, page_size=10)
    model.set_filter(OutputFilter())
    sent = model._sent
    assert sent is not None
    assert not model.take_arrived(wait_s=5)
    assert sent.done.is_set()  # the worker returned (by raising): the wait did not run out


@pytest.mark.parametrize(
    ("output_filter", "expected"),
    [
        (OutputFilter(capability="video"), {"video"}),
        (OutputFilter(capability="audio"), {"audio"}),
        (OutputFilter(newest_first=False), {"image", "video", "audio"}),
    ],
)
@pytest.mark.asyncio
async def test_capability_filter(
    lib: Library, loader: ThumbnailLoader, output_filter: OutputFilter, expected: set[str]
) -> None:
    model = await _model(lib, loader)
    await _show(model, output_filter)
    kinds = {model.index(row).data(GalleryRole.KIND) for row in range(model.rowCount())}
    assert kinds == expected
    assert model.rowCount() == lib.count_outputs(output_filter)


@pytest.mark.asyncio
async def test_favourites_text_and_trash_filters(lib: Library, loader: ThumbnailLoader) -> None:
    model = await _model(lib, loader)
    await _show(model, OutputFilter(favourites_only=True))
    assert model.rowCount() == 5  # rows 3, 10, 17, 24, 31
    assert all(model.index(row).data(GalleryRole.FAVOURITE) for row in range(5))
    await _show(model, OutputFilter(text="lighthou"))
    assert model.rowCount() > 0
    assert all("lighthouse" in prompt for prompt in _prompts(model))
    await _show(model, OutputFilter(trash_only=True))
    assert model.rowCount() == 0
    lib.trash([model_item_id(lib, 0), model_item_id(lib, 1)])
    model.refresh()
    await model.settled()
    assert model.rowCount() == 2
    assert all(model.index(row).data(GalleryRole.TRASHED) for row in range(2))


def model_item_id(lib: Library, row: int) -> int:
    return lib.page_outputs(OutputFilter(), row, 1)[0].id


@pytest.mark.asyncio
async def test_roles_describe_the_item(lib: Library, loader: ThumbnailLoader) -> None:
    model = await _model(lib, loader)
    index = model.index(0)
    item = index.data(GalleryRole.ITEM)
    assert isinstance(item, GalleryItem)
    assert index.data(Qt.ItemDataRole.DisplayRole) == item.prompt
    tooltip = index.data(Qt.ItemDataRole.ToolTipRole)
    for fragment in (item.endpoint, f"seed: {item.input['seed']}", "num_inference_steps"):
        assert fragment in tooltip
    assert index.data(GalleryRole.OUTPUT_ID) == item.id
    assert index.data(GalleryRole.KIND) == item.output.kind.value
    assert isinstance(index.data(Qt.ItemDataRole.DecorationRole), QPixmap)  # placeholder


@pytest.mark.asyncio
async def test_video_rows_carry_their_duration(lib: Library, loader: ThumbnailLoader) -> None:
    model = await _model(lib, loader)
    await _show(model, OutputFilter(capability="video"))
    assert model.index(0).data(GalleryRole.DURATION) == pytest.approx(0.5)


@pytest.mark.asyncio
async def test_drag_mime_data_holds_file_urls(lib: Library, loader: ThumbnailLoader) -> None:
    model = await _model(lib, loader)
    indexes = [model.index(0), model.index(3)]
    mime = model.mimeData(indexes)
    files = [url.toLocalFile() for url in mime.urls()]
    expected = [str(item.file) for item in model.items([0, 3])]
    assert files == expected
    assert mime.hasFormat("text/uri-list")
    assert model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled


@pytest.mark.asyncio
async def test_thumbnails_are_made_in_another_process_then_served_from_disk(
    lib: Library,
) -> None:
    first = Thumbnailer(processes=1)
    loader = ThumbnailLoader(renderer=first)
    model = await _model(lib, loader)
    changed: list[int] = []
    model.dataChanged.connect(lambda first, _last, _roles: changed.append(first.row()))
    item = model.item_at(0)
    assert item is not None and item.file is not None
    key = thumb_key(item.file)
    model.index(0).data(Qt.ItemDataRole.DecorationRole)  # as its tile does when painted
    loader.request(key, item.file, item.output.kind.value)
    await wait_until(lambda: loader.pixmap(key) is not None)
    assert 0 in changed
    assert isinstance(model.index(0).data(Qt.ItemDataRole.DecorationRole), QPixmap)
    made = cached_path(item.file, THUMB_SIZE, paths.thumbnails_dir())
    assert made.is_file()  # written by the thumbnail process, under this studio's cache
    written = made.stat().st_mtime_ns
    renderer = Thumbnailer(processes=1)
    fresh = ThumbnailLoader(renderer=renderer)  # empty memory cache: only the disk cache helps
    fresh.request(key, item.file, item.output.kind.value)
    await wait_until(lambda: fresh.pixmap(key) is not None)
    assert made.stat().st_mtime_ns == written  # read back, not made again
    assert renderer.started == 1
    assert renderer.pids() and os.getpid() not in renderer.pids()
    first.close()
    renderer.close()


@pytest.mark.asyncio
async def test_thumbnails_for_every_kind(lib: Library) -> None:
    loader = ThumbnailLoader()
    model = await _model(lib, loader)
    wanted: dict[str, str] = {}
    for row in range(model.rowCount()):
        item = model.item_at(row)
        assert item is not None and item.file is not None
        wanted.setdefault(item.output.kind.value, thumb_key(item.file))
        loader.request(thumb_key(item.file), item.file, item.output.kind.value)
    assert set(wanted) == {"image", "video", "audio"}
    await wait_until(lambda: all(loader.pixmap(key) is not None for key in wanted.values()))
    sizes = {kind: loader.pixmap(key).size() for kind, key in wanted.items()}  # type: ignore[union-attr]
    assert sizes["audio"].width() == sizes["audio"].height() == 256
    assert (sizes["image"].width(), sizes["image"].height()) == (96, 64)  # never upscaled
    assert (sizes["video"].width(), sizes["video"].height()) == (96, 64)


class GatedRenderer:
    """Fails every request; one named "first" waits for the gate."""

    def __init__(self) -> None:
        self.gate = asyncio.Event()
        self.order: list[str] = []

    async def render(self, request: ThumbnailRequest) -> DecodedImage:
        if request.path.name == "first":
            await self.gate.wait()
        self.order.append(request.path.name)
        raise ThumbnailError("no picture")


@pytest.mark.asyncio
async def test_loader_serves_newest_first_and_drops_the_oldest(tmp_path: Path) -> None:
    renderer = GatedRenderer()
    loader = ThumbnailLoader(max_pending=3, workers=1, renderer=renderer)
    failed: list[str] = []
    loader.thumbnail_failed.connect(failed.append)
    for name in ["first", "a", "b", "c", "d"]:
        loader.request(name, tmp_path / name, "image")
    assert loader.pending_count() == 4  # "first" running, "a" dropped, b c d waiting
    renderer.gate.set()
    await wait_until(lambda: len(failed) == 4)
    assert renderer.order == ["first", "d", "c", "b"]
    assert loader.has_failed("d")
    loader.request("d", tmp_path / "d", "image")  # a known failure is not retried
    assert loader.pending_count() == 0


def test_thumbnail_processes_leave_a_core_to_the_gui_thread(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for cores, processes in ((1, 1), (2, 1), (3, 2), (16, 2), (None, 1)):
        monkeypatch.setattr(os, "cpu_count", lambda cores=cores: cores)
        assert default_processes() == processes


@pytest.mark.asyncio
async def test_a_closed_model_reads_nothing_more(lib: Library, loader: ThumbnailLoader) -> None:
    """The grid may still ask for rows after aclose() (a paint or drawing ahead on its way
    out), and the library is closed next: nothing is read any more."""
    model = await _model(lib, loader, page_size=10)
    loaded = model.loaded_rows()
    assert loaded < ROWS
    await model.aclose()
    model.read_up_to(ROWS)
    model.update_outputs([1])
    model.recount()
    assert not model.is_loading() and model.loaded_rows() == loaded
