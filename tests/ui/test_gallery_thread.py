"""No SQLite on the GUI thread: the gallery driven end to end over a library that refuses it.

GuardedLibrary, once armed, raises (and notes) every public method call and every statement made
from the main thread, which is the GUI thread of the qasync loop. The panel goes through its first
page, scrolling for more, filters, search, star, trash and undo, restore, recall, refresh and the
filter bar's lists; nothing may be refused, and every kind of call must have been made in a thread.
A last test puts the queries back on the GUI thread and checks that the guard notices.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING, Any

import pytest
import pytest_asyncio
from typing_extensions import override

from bench.fill import fill_library, make_media_set
from studio.core.library import Library, OutputFilter, Recall
from studio.ui.gallery import PAGE_SIZE, GalleryModel, GalleryPanel, GalleryRole
from tests.conftest import wait_until
from tests.ui.gallery_helpers import open_panel, select_rows

if TYPE_CHECKING:
    import sqlite3
    from collections.abc import AsyncIterator, Callable, Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

ROWS = 2 * PAGE_SIZE + 50  # three pages
_UNGUARDED = frozenset({"close"})  # the test's own teardown closes it on the main thread


class GuardedLibrary(Library):
    """A Library that, once armed, refuses the main thread: every public method and every SQL."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.armed = False
        self.refused: list[str] = []  # calls made on the GUI thread while armed
        self.called: set[str] = set()  # public methods called from a worker thread

    def check(self, what: str) -> None:
        if threading.current_thread() is not threading.main_thread():
            self.called.add(what)
        elif self.armed:
            self.refused.append(what)
            raise AssertionError(f"SQLite on the GUI thread: {what}")

    @override
    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        self.check("<read>")
        with super()._read() as db:
            yield db

    @override
    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        self.check("<write>")
        with super()._write() as db:
            yield db

    @override
    @contextmanager
    def _durable_write(self) -> Iterator[sqlite3.Connection]:
        self.check("<durable write>")
        with super()._durable_write() as db:
            yield db


def _guarded(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    def call(self: GuardedLibrary, *args: Any, **kwargs: Any) -> Any:
        self.check(name)
        return method(self, *args, **kwargs)

    call.__name__ = name
    return call


PUBLIC = sorted(
    name
    for name, method in inspect.getmembers(Library, inspect.isfunction)
    if not name.startswith("_") and name not in _UNGUARDED
)
for _name in PUBLIC:
    setattr(GuardedLibrary, _name, _guarded(_name, getattr(Library, _name)))


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[GuardedLibrary]:
    library = GuardedLibrary.open(tmp_path / "lib" / "library.sqlite3")
    fill_library(library, make_media_set(library.outputs_root / "media", 20), ROWS)
    yield library
    library.armed = False
    library.close()


@pytest_asyncio.fixture
async def panel(qapp: QApplication, lib: GuardedLibrary) -> AsyncIterator[GalleryPanel]:
    lib.armed = True
    async with open_panel(lib) as widget:
        yield widget


async def _ask(lib: Library, output_filter: OutputFilter) -> int:
    """The test's own look-ups go through a thread as well."""
    return await asyncio.to_thread(lib.count_outputs, output_filter)


def _kinds(panel: GalleryPanel) -> set[str]:
    model = panel.model
    return {model.index(row).data(GalleryRole.KIND) for row in range(model.loaded_rows())}


def _grown_past(model: GalleryModel, rows: int) -> bool:
    return model.loaded_rows() > rows and not model.is_loading()


async def _scroll_to_the_end(panel: GalleryPanel) -> None:
    """As a user does: to the bottom, again and again, until every row is in."""
    model = panel.model
    while (before := model.loaded_rows()) < model.total():
        panel.grid.scrollToBottom()
        await wait_until(partial(_grown_past, model, before))


def test_the_guard_refuses_the_gui_thread(lib: GuardedLibrary) -> None:
    lib.armed = True
    with pytest.raises(AssertionError, match="SQLite on the GUI thread: count_outputs"):
        lib.count_outputs(OutputFilter())
    with pytest.raises(AssertionError, match="<read>"):
        lib._distinct("model")  # a private path to the connection is refused too
    assert lib.refused == ["count_outputs", "<read>"]
    assert {"page_outputs", "set_favourite", "trash", "undo_trash", "recall"} <= set(PUBLIC)


@pytest.mark.asyncio
async def test_paging_and_filters_stay_off_the_gui_thread(
    panel: GalleryPanel, lib: GuardedLibrary
) -> None:
    model = panel.model
    assert (model.rowCount(), model.total()) == (ROWS, ROWS)  # rows to come after the first
    assert model.loaded_rows() >= PAGE_SIZE
    assert panel.count_label.text() == f"{ROWS} outputs"
    await _scroll_to_the_end(panel)
    assert model.loaded_rows() == ROWS
    assert len({item.id for item in model.items(range(ROWS))}) == ROWS

    sources = [panel.filter_bar.source.itemData(i) for i in range(panel.filter_bar.source.count())]
    assert "model:veo-3.1" in sources and any(str(s).startswith("endpoint:") for s in sources)

    combo = panel.filter_bar.capability
    combo.setCurrentIndex(combo.findData("video"))
    await panel.settled()
    assert _kinds(panel) == {"video"}
    assert model.total() == await _ask(lib, OutputFilter(capability="video"))

    panel.filter_bar.search.setText("lighthouse")
    panel.filter_bar.flush_search()
    await panel.settled()
    prompts = [item.prompt for item in model.items(range(model.loaded_rows()))]
    assert prompts and all("lighthouse" in prompt for prompt in prompts)
    assert _kinds(panel) == {"video"}

    panel.filter_bar.clear_filters()
    await panel.settled()
    assert (model.rowCount(), model.total()) == (ROWS, ROWS)
    assert model.loaded_rows() >= PAGE_SIZE
    assert lib.refused == []
    assert {"count_outputs", "page_outputs", "distinct_models", "distinct_endpoints"} <= lib.called


@pytest.mark.asyncio
async def test_curation_stays_off_the_gui_thread(panel: GalleryPanel, lib: GuardedLibrary) -> None:
    model = panel.model
    actions = panel.gallery_actions
    select_rows(panel, 0, 1)
    starred = [item.id for item in panel.selected_items()]
    actions.star.trigger()
    await panel.settled()
    assert all(model.index(row).data(GalleryRole.FAVOURITE) for row in (0, 1))
    outputs = [await asyncio.to_thread(lib.get_output, output_id) for output_id in starred]
    assert all(output is not None and output.favourite for output in outputs)

    select_rows(panel, 2, 3)
    actions.trash.trigger()
    await panel.settled()
    assert model.total() == ROWS - 2
    assert await _ask(lib, OutputFilter(trash_only=True)) == 2
    assert panel.current_item() is not None  # the selection moved on
    actions.undo_trash.trigger()
    await panel.settled()
    assert model.total() == ROWS
    assert await _ask(lib, OutputFilter(trash_only=True)) == 0

    select_rows(panel, 0)
    actions.trash.trigger()
    await panel.settled()
    panel.filter_bar.trash.setChecked(True)
    await panel.settled()
    assert panel.in_trash_view() and model.total() == 1
    select_rows(panel, 0)
    actions.restore.trigger()
    await panel.settled()
    assert model.total() == 0
    assert await _ask(lib, OutputFilter()) == ROWS
    panel.filter_bar.trash.setChecked(False)
    await panel.settled()

    received: list[Recall] = []
    panel.recall_requested.connect(received.append)
    select_rows(panel, 5)
    actions.use_all.trigger()
    await wait_until(lambda: bool(received))
    item = panel.current_item()
    assert item is not None and received[0].input == item.input

    panel.refresh()  # as the window does when a job recorded its outputs
    await panel.settled()
    assert model.total() == ROWS
    assert lib.refused == []
    expected = {"set_favourite", "trash", "undo_trash", "restore", "recall"}
    assert expected <= lib.called


@pytest.mark.asyncio
async def test_a_query_back_on_the_gui_thread_is_caught(
    qapp: QApplication, lib: GuardedLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The guard is no decoration: with threads taken away, the gallery's first read is refused.

    Every thread the gallery uses comes from the loop's run_in_executor (asyncio.to_thread's
    too): here it runs the function in place instead.
    """
    loop = asyncio.get_running_loop()

    def on_this_thread(
        _executor: object, function: Callable[..., Any], /, *args: Any
    ) -> asyncio.Future[Any]:
        done: asyncio.Future[Any] = loop.create_future()
        try:
            done.set_result(function(*args))
        except Exception as error:  # handed to whoever awaits it, as from a thread
            done.set_exception(error)
        return done

    monkeypatch.setattr(loop, "run_in_executor", on_this_thread)
    lib.armed = True
    async with open_panel(lib) as panel:
        assert "count_outputs" in lib.refused
        assert "distinct_models" in lib.refused
        assert panel.model.rowCount() == 0  # nothing was read
        assert "SQLite on the GUI thread" in panel.banner.text.text()
