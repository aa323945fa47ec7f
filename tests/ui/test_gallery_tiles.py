"""The gallery's tiles: drawn once per look and copied, drawn ahead of the scroll."""

from __future__ import annotations

import asyncio
import random
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPaintEvent, QPixmap, QRegion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListView, QWidget
from typing_extensions import override

from bench.fill import build_library
from studio.core.library import OutputFilter
from studio.ui.gallery import GalleryPanel
from studio.ui.gallery import grid as gallery_grid
from studio.ui.gallery.delegate import TileCache, elided_right
from studio.ui.thumbnails import thumb_key
from tests.conftest import wait_until
from tests.ui.gallery_helpers import hold_page_reads, select_rows

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from studio.ui.gallery.grid import GalleryGrid


def _tile(colour: str, side: int = 100) -> QPixmap:
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor(colour))
    return pixmap


def test_a_tile_is_kept_for_the_look_it_was_drawn_for(qapp: QApplication) -> None:
    cache = TileCache()
    red = _tile("red")
    cache.put(7, ("item", 1, False), red)
    found = cache.get(7, ("item", 1, False))
    assert found is not None and found.cacheKey() == red.cacheKey()
    assert cache.get(7, ("item", 1, True)) is None  # selected since: drawn again
    assert cache.get(8, ("item", 1, False)) is None
    cache.put(7, ("item", 1, True), _tile("blue"))
    assert len(cache) == 1 and cache.size_in_bytes() == 100 * 100 * 4


def test_the_least_recently_used_tiles_go_past_the_budget(qapp: QApplication) -> None:
    one = 100 * 100 * 4
    cache = TileCache(budget=2 * one)
    cache.put(1, ("a",), _tile("red"))
    cache.put(2, ("b",), _tile("green"))
    assert cache.get(1, ("a",)) is not None  # used again: 2 is now the oldest
    cache.put(3, ("c",), _tile("blue"))
    assert len(cache) == 2 and cache.size_in_bytes() <= 2 * one
    assert cache.get(2, ("b",)) is None
    assert cache.get(1, ("a",)) is not None
    cache.budget = one
    cache.trim()
    assert len(cache) == 1
    cache.clear()
    assert len(cache) == 0 and cache.size_in_bytes() == 0


@pytest.mark.asyncio
async def test_the_next_screen_is_drawn_ahead_without_asking_for_thumbnails(
    tmp_path: Path,
) -> None:
    lib = build_library(tmp_path / "many", 120, 120)  # a file of its own for every row
    panel = GalleryPanel(lib)
    try:
        panel.resize(900, 520)
        panel.show()
        await panel.model.settled()
        grid = panel.grid
        await wait_until(lambda: len(grid.tiles.tiles) > 0)
        asked: list[str] = []
        real_request = panel.loader.request

        def recording(
            key: str, path: Path, kind: str, size: int = 256, fit: int | None = None
        ) -> None:
            asked.append(str(path))
            real_request(key, path, kind, size, fit)

        panel.loader.request = recording  # type: ignore[method-assign]
        ahead = grid.rows_ahead()
        assert len(ahead) > 0 and ahead.start > 0  # below the screen on show
        await wait_until(lambda: all(_drawn(panel, row) for row in ahead))
        ahead_files = {str(item.file) for row in ahead if (item := panel.model.item_at(row))}
        assert ahead_files
        assert not ahead_files & set(asked)  # thumbnails are asked for by tiles on show only
        bar = grid.verticalScrollBar()
        bar.setValue(bar.maximum())
        bar.setValue(bar.maximum() // 2)  # upwards: the screen above the one on show
        above = grid.rows_ahead()
        assert len(above) > 0
        last_above = panel.model.index(above.stop - 1)
        assert grid.visualRect(last_above).top() < 0  # starts above the viewport
    finally:
        await panel.aclose()
        panel.close()
        lib.close()


def _drawn(panel: GalleryPanel, row: int) -> bool:
    item = panel.model.item_at(row)
    return item is not None and item.id in panel.grid.tiles.tiles


@pytest.mark.asyncio
async def test_pictures_come_scaled_to_the_tile_and_the_old_size_stands_in_on_resize(
    tmp_path: Path,
) -> None:
    lib = build_library(tmp_path / "few", 6, 6)
    panel = GalleryPanel(lib)
    try:
        panel.resize(900, 520)
        panel.show()
        await panel.model.settled()
        item = panel.model.item_at(0)
        assert item is not None and item.file is not None
        file, tiles, loader = item.file, panel.grid.tiles, panel.loader

        def loaded(side: int) -> bool:
            return loader.pixmap(thumb_key(file, fit=side)) is not None

        await wait_until(lambda: loaded(tiles.picture_side()))
        side = tiles.picture_side()
        first = panel.model.thumbnail(item, side)
        assert first is not None
        assert max(first.width(), first.height()) == side  # scaled in the process: to copy
        panel.resize(1400, 520)  # wider tiles want a larger picture
        await wait_until(lambda: tiles.picture_side() != side)
        larger = tiles.picture_side()
        shown = panel.model.thumbnail_at_hand(item, larger)
        assert shown is not None  # the smaller one stands in, not the placeholder
        await wait_until(lambda: loaded(larger))
        final = panel.model.thumbnail(item, larger)
        assert final is not None
        assert max(final.width(), final.height()) == larger
    finally:
        await panel.aclose()
        panel.close()
        lib.close()


@pytest.mark.asyncio
async def test_tiles_of_one_model_and_size_share_one_drawn_detail_line(tmp_path: Path) -> None:
    lib = build_library(tmp_path / "same", 6, 1)  # one image file: its two models alternate
    panel = GalleryPanel(lib)
    try:
        panel.resize(1400, 520)
        panel.show()
        await panel.model.settled()
        tiles = panel.grid.tiles
        await wait_until(lambda: len(tiles.tiles) == 6)
        assert tiles.detail_lines_drawn() == 2  # 'nano-banana · 96×64', 'gpt-image-2 · 96×64'
        item = panel.model.item_at(0)
        assert item is not None
        tile = panel.grid.viewport().grab(panel.grid.visualRect(panel.model.index(0))).toImage()
        line_height = panel.grid.fontMetrics().height()
        line_top = tile.width() - 2 + line_height + line_height // 2  # the caption's 2nd line
        ground = tile.pixelColor(tile.width() - 10, line_top)
        row = {tile.pixelColor(x, line_top).rgb() for x in range(6, tile.width() // 2)}
        assert len(row) > 1 and ground.rgb() in row  # text drawn on the tile's own ground
    finally:
        await panel.aclose()
        panel.close()
        lib.close()


@pytest.mark.asyncio
async def test_new_rows_in_the_same_places_are_drawn_ahead_again(tmp_path: Path) -> None:
    """Drawing ahead resumes where it stopped, but not across a reset: other outputs in the
    same rows (the other order, as many of them) are drawn ahead anew."""
    lib = build_library(tmp_path / "many", 120, 120)
    panel = GalleryPanel(lib)
    try:
        panel.resize(900, 520)
        panel.show()
        await panel.model.settled()
        grid = panel.grid
        ahead = grid.rows_ahead()
        assert len(ahead) > 0
        await wait_until(lambda: all(_drawn(panel, row) for row in ahead))
        drawn_at_reset: list[bool] = []
        panel.model.modelReset.connect(
            lambda: drawn_at_reset.append(all(_drawn(panel, row) for row in ahead))
        )
        panel.set_filter(OutputFilter(newest_first=False))
        await panel.model.settled()
        assert grid.rows_ahead() == ahead
        assert drawn_at_reset == [False]  # other outputs there now
        await wait_until(lambda: all(_drawn(panel, row) for row in ahead))
    finally:
        await panel.aclose()
        panel.close()
        lib.close()


@pytest.mark.asyncio
async def test_a_changed_tile_is_drawn_again_without_laying_every_row_out(tmp_path: Path) -> None:
    """QListView lays every row out again after any data change (in list mode); the grid's
    tiles are all one size, so a thumbnail or a star only repaints its tile."""
    lib = build_library(tmp_path / "few", 12, 12)
    panel = GalleryPanel(lib)
    painted = PaintedAreas(panel.grid.viewport())
    try:
        panel.resize(900, 520)
        panel.show()
        await panel.model.settled()
        grid = panel.grid
        await wait_until(lambda: _drawn(panel, 1))
        await asyncio.sleep(0.05)
        layouts = grid.layouts
        painted.areas.clear()
        item = panel.model.item_at(1)
        assert item is not None and layouts > 0
        tile = grid.visualRect(panel.model.index(1))
        panel.model.set_favourite_flags([item.id], True)  # the model's own dataChanged
        await wait_until(lambda: any(area.intersects(tile) for area in painted.areas))
        assert grid.layouts == layouts
        panel.model.refresh()  # new rows are laid out
        await panel.model.settled()
        await wait_until(lambda: grid.layouts > layouts)
    finally:
        await panel.aclose()
        panel.close()
        lib.close()


@asynccontextmanager
async def _shown_panel(folder: Path, outputs: int) -> AsyncIterator[GalleryPanel]:
    """A panel over a new library of outputs, shown at 900×520 with its first reads settled."""
    lib = build_library(folder, outputs, 4)
    panel = GalleryPanel(lib)
    try:
        panel.resize(900, 520)
        panel.show()
        await panel.model.settled()
        yield panel
    finally:
        await panel.aclose()
        panel.close()
        lib.close()


@pytest.mark.asyncio
async def test_rows_to_come_show_empty_frames_and_their_pages_lay_no_row_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row for every output from the first page on: scrolling to the end shows the rows
    not read yet as empty frames, and the pages filling them lay no row out again (QListView
    lays every row out after an insert). Select all takes the rows read only."""
    monkeypatch.setattr(gallery_grid, "PREFETCH_SCREENS", 1)
    async with _shown_panel(tmp_path / "many", 800) as panel:
        grid, model = panel.grid, panel.model
        await asyncio.sleep(0.05)
        assert model.rowCount() == 800 and model.loaded_rows() < 700
        gate = hold_page_reads(panel.library, monkeypatch)
        layouts = grid.layouts
        grid.scrollToBottom()
        await asyncio.sleep(0.05)
        last = model.index(799)
        assert model.item_at(799) is None and model.flags(last) == Qt.ItemFlag.ItemIsEnabled
        frame = grid.viewport().grab(grid.visualRect(last)).toImage()
        grid.selectAll()
        assert len(grid.selectionModel().selectedIndexes()) == model.loaded_rows() < 800
        grid.clearSelection()
        gate.set()
        await wait_until(lambda: model.loaded_rows() == 800 and not model.is_loading())
        await wait_until(lambda: _drawn(panel, 799))
        filled = grid.viewport().grab(grid.visualRect(last)).toImage()
        assert filled != frame  # the tile drawn over its empty frame
        assert grid.layouts == layouts


@pytest.mark.asyncio
async def test_the_end_key_goes_to_the_last_output_before_its_page_comes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(gallery_grid, "PREFETCH_SCREENS", 1)
    async with _shown_panel(tmp_path / "many", 800) as panel:
        gate = hold_page_reads(panel.library, monkeypatch)
        panel.grid.setFocus()
        QTest.keyClick(panel.grid, Qt.Key.Key_End)
        assert panel.grid.currentIndex().row() == 799 and panel.current_item() is None
        assert not panel.gallery_actions.star.isEnabled()
        gate.set()
        await wait_until(lambda: panel.current_item() is not None)
        assert panel.current_item() == panel.model.item_at(799)
        assert panel.selected_ids() == panel.model.ids([799])  # selected as it came
        assert panel.gallery_actions.star.isEnabled()


@pytest.mark.asyncio
async def test_a_paint_past_its_budget_leaves_new_tiles_to_the_next_turns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A paint draws tiles not drawn yet for PAINT_BUDGET_S; the rest show light (never
    drawn) or as last drawn (a new selection), are drawn whole in the next turns of the loop
    and painted again without being asked."""
    async with _shown_panel(tmp_path / "many", 400) as panel:
        grid = panel.grid
        viewport = grid.viewport()
        whole = viewport.rect()
        await wait_until(lambda: all(_drawn(panel, row) for row in grid.rows_in(whole)))
        monkeypatch.setattr(gallery_grid, "PAINT_BUDGET_S", -1.0)  # every new tile is late
        painted = PaintedAreas(viewport)
        bar = grid.verticalScrollBar()
        bar.setValue(bar.maximum() // 2)  # nothing was drawn ahead down there
        model = panel.model
        shown = [
            r for r in grid.rows_in(whole) if grid.visualRect(model.index(r)).intersects(whole)
        ]
        assert shown and not any(_drawn(panel, row) for row in shown)
        light = _viewport_image(viewport, whole)  # paints now: none of them drawn
        assert not any(_drawn(panel, row) for row in shown)
        painted.areas.clear()
        await wait_until(lambda: all(_drawn(panel, row) for row in shown))
        tiles = [grid.visualRect(model.index(row)).intersected(whole) for row in shown]
        await wait_until(lambda: all(any(a.contains(t) for a in painted.areas) for t in tiles))
        drawn = _viewport_image(viewport, whole)
        assert drawn != light  # captions and badges came
        select_rows(panel, shown[0])
        as_before = _viewport_image(viewport, whole)
        assert as_before == drawn  # the selection is drawn soon, shown as last drawn meanwhile
        await wait_until(lambda: _viewport_image(viewport, whole) != drawn)


class PaintedAreas(QObject):
    """The areas a widget was asked to paint, as they come."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.areas: list[QRect] = []
        widget.installEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.areas.append(event.rect())
        return False


@pytest.mark.parametrize("point_size", [7, 9, 13])
def test_a_caption_elided_from_its_start_alone_is_elided_as_the_whole(
    qapp: QApplication, point_size: int
) -> None:
    font = QFont(qapp.font())
    font.setPointSize(point_size)
    metrics = QFontMetrics(font)
    pieces = ["aerial", "iiii", "lll", "WWWW", "森林", "日出", "مرحبا", "a", "—", "\u200b", "ﬁ",
              "MMMMMMMM", "…", "     "]  # fmt: skip
    chooser = random.Random(point_size)
    for width in (20, 80, 160, 233, 400):
        for _ in range(150):
            text = " ".join(chooser.choice(pieces) for _ in range(chooser.randint(0, 40)))
            expected = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
            assert elided_right(metrics, text, width) == expected, (text, width)
    narrow = "i" * 300  # its start fits: the whole is elided
    assert elided_right(metrics, narrow, 100) == metrics.elidedText(
        narrow, Qt.TextElideMode.ElideRight, 100
    )


@pytest.mark.asyncio
async def test_the_grid_paints_its_tiles_as_qlistview_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """GalleryGrid paints its tiles itself (no call from C++ per tile): the same pixels as a
    QListView set up the same way paints with the same model and delegate, scrolled part-way,
    with a selection, a current tile with focus, and for a part of the viewport."""
    monkeypatch.setattr(gallery_grid, "PAINT_BUDGET_S", 60.0)  # every tile drawn as painted
    lib = build_library(tmp_path / "lib", 90, 6)
    panel = GalleryPanel(lib)
    plain = QListView()
    try:
        panel.loader.request = lambda *args, **kwargs: None  # type: ignore[method-assign]
        panel.resize(900, 560)
        panel.show()
        await panel.model.settled()
        grid = panel.grid
        _set_up_like(plain, grid)
        plain.show()

        def both(area: QRect) -> tuple[QImage, QImage]:
            return _viewport_image(grid.viewport(), area), _viewport_image(plain.viewport(), area)

        whole = grid.viewport().rect()
        assert plain.viewport().rect() == whole
        ours, theirs = both(whole)
        assert ours == theirs
        for view in (grid, plain):
            view.verticalScrollBar().setValue(grid.gridSize().height() * 3 // 2)
        select_rows(panel, 9, 10, 14)
        plain.selectionModel().select(grid.selectionModel().selection(), _SELECT)
        plain.selectionModel().setCurrentIndex(grid.currentIndex(), _NO_UPDATE)
        grid.setFocus()
        for area in (whole, QRect(100, 50, 300, 200), QRect(0, whole.height() - 7, 50, 7)):
            ours, theirs = both(area)
            assert ours == theirs, area
        selected = _viewport_image(grid.viewport(), whole)
        grid.selectionModel().clearSelection()
        assert _viewport_image(grid.viewport(), whole) != selected  # the selection shows
    finally:
        plain.close()
        await panel.aclose()
        panel.close()
        lib.close()


_SELECT = QItemSelectionModel.SelectionFlag.ClearAndSelect
_NO_UPDATE = QItemSelectionModel.SelectionFlag.NoUpdate


def _set_up_like(plain: QListView, grid: GalleryGrid) -> None:
    plain.setViewMode(grid.viewMode())
    plain.setFlow(grid.flow())
    plain.setWrapping(grid.isWrapping())
    plain.setUniformItemSizes(True)
    plain.setResizeMode(grid.resizeMode())
    plain.setLayoutMode(grid.layoutMode())
    plain.setVerticalScrollMode(grid.verticalScrollMode())
    plain.setVerticalScrollBarPolicy(grid.verticalScrollBarPolicy())
    plain.setSelectionMode(grid.selectionMode())
    plain.setFrameShape(grid.frameShape())
    plain.setModel(grid.model())
    plain.setItemDelegate(grid.itemDelegate())
    plain.setGridSize(grid.gridSize())
    plain.resize(grid.size())


def _viewport_image(viewport: QWidget, area: QRect) -> QImage:
    image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    viewport.render(image, QPoint(), QRegion(area))
    return image
