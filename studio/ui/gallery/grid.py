"""The gallery grid: a wrapping list tuned for a hundred thousand same-size tiles."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDrag, QPainter, QPalette, QPixmap, QRegion
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QStyle, QStyleOptionViewItem
from typing_extensions import override

from studio.ui.chain.outputs_drag import DRAG_SIDE, drag_thumbnail
from studio.ui.collector import note_activity
from studio.ui.gallery.delegate import MIN_TILE_WIDTH, GalleryDelegate
from studio.ui.gallery.model import GalleryModel
from studio.ui.gil import GUI_TURNS
from studio.ui.solid import ground_vertical_bar
from studio.ui.viewports import own_viewport

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtGui import QPaintEvent, QResizeEvent, QShowEvent
    from PySide6.QtWidgets import QWidget

    from studio.ui.gallery.thumbs import ThumbnailLoader

GAP: Final = 6
# Rows are read this many screens ahead of the one on show, which is more than a page holds
# (600 rows, ~50 screens of 12 tiles), so the next one is asked as soon as the last one came. A
# page read pauses while the grid paints; paging down a screen every ~10 ms (make bench) reached
# the end of 12 screens and then of 24 before the page did, and showed empty frames meanwhile.
PREFETCH_SCREENS: Final = 64
# Tiles kept drawn: the screen on show, the one drawn ahead, and some to spare.
TILE_SCREENS: Final = 3
# Drawing ahead goes on for this long per turn of the loop (~6 tiles), then lets events in. One
# tile per turn drew ~1 tile between two page steps: the zero timer fired once per turn.
AHEAD_BUDGET_S: Final = 0.002
# A paint draws tiles not drawn yet (or drawn for another look) for this long; the rest show as
# last drawn, or light (frame and picture), and are drawn whole in the next turns of the loop,
# then painted again. A page step onto a screen nothing was drawn ahead for, or a screenful of
# thumbnails arriving, took ~0.6 ms a tile, 12-25 ms a paint (make bench, gallery 10k), all in
# one turn of the loop. The first paint once shown draws every tile.
PAINT_BUDGET_S: Final = 0.004


class GalleryGrid(QListView):
    """Uniform tiles in batched layout; tiles widen to fill the row; drags files out.

    Signals:
        drag_started(), drag_finished(): tiles are being dragged, and then no longer.
    """

    drag_started = Signal()
    drag_finished = Signal()

    def __init__(self, loader: ThumbnailLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layouts = 0  # times every row was laid out again, since made (tests, benchmarks)
        # Opaque: Qt fills nothing under the tiles, the grid fills what they leave (_fill_ground).
        own_viewport(self).setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.tiles = GalleryDelegate(loader, self)
        self.setItemDelegate(self.tiles)
        # List mode flowing left to right and wrapping looks like icon mode with a fixed grid,
        # but lays rows out as one position each (icon mode keeps a rectangle per row and
        # walks them all again on every change), and with uniform sizes and a C++ model
        # underneath (see model.py) a layout of 100,000 rows never calls Python.
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        # Single pass, not Batched: Batched relaid every row after each fetched page and
        # repainted between batches.
        self.setLayoutMode(QListView.LayoutMode.SinglePass)
        self.setMovement(QListView.Movement.Static)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalScrollBar().setSingleStep(40)
        self._grounded = False  # its bar is swapped for one that paints its ground (ui.solid)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # Always on: a scroll bar that comes and goes would re-fit the columns in a loop.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.empty_label = self._make_empty_label()
        # Draws the next screen's tiles a few per turn of the loop, after each scroll.
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(self._render_ahead)
        self._scroll = 0
        self._upwards = False
        # Drawing ahead resumes where it stopped: rows of the screen ahead (as long as it stays
        # the same rows, and the model was not reset) before _ahead_from are drawn, or had no
        # item yet when they were asked.
        self._ahead_key: tuple[int, int, int] | None = None
        self._ahead_from = 0
        self._whole = True  # the next paint draws every tile (the first one once shown)
        self._late: set[int] = set()  # rows painted light, to be drawn whole and painted again
        self._fit_columns()

    def _make_empty_label(self) -> QLabel:
        label = QLabel(self.viewport())
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setTextFormat(Qt.TextFormat.RichText)  # our own words, with a link at most
        label.setWordWrap(True)
        label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        label.hide()
        return label

    def set_empty_message(self, html: str) -> None:
        """Shown centred over the empty grid; '' hides it. Our own text only (rich text)."""
        self.empty_label.setText(html)
        self.empty_label.setVisible(bool(html))
        self._place_empty_label()

    def _place_empty_label(self) -> None:
        area = self.viewport().rect()
        width = min(area.width() - 24, 360)
        height = self.empty_label.heightForWidth(width)
        self.empty_label.setGeometry(
            area.center().x() - width // 2, area.center().y() - height // 2, width, height
        )

    @override
    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        indexes = [i for i in self.selectedIndexes() if i.flags() & Qt.ItemFlag.ItemIsDragEnabled]
        model = self.model()
        if not indexes or model is None:
            return
        drag = QDrag(self)
        drag.setMimeData(model.mimeData(indexes))
        current = self.currentIndex() if self.currentIndex() in indexes else indexes[0]
        decoration = current.data(Qt.ItemDataRole.DecorationRole)
        pixmap = decoration if isinstance(decoration, QPixmap) else None
        kind = str(current.data(Qt.ItemDataRole.UserRole + 2) or "")
        drag.setPixmap(drag_thumbnail(pixmap, len(indexes), kind))
        drag.setHotSpot(QPoint(DRAG_SIDE // 2, DRAG_SIDE // 2))
        self.drag_started.emit()
        try:
            drag.exec(Qt.DropAction.CopyAction)
        finally:
            self.drag_finished.emit()

    @override
    def verticalScrollbarValueChanged(self, value: int) -> None:
        """Draw ahead, and ask for the rows on show and PREFETCH_SCREENS screens after them to
        be read (both in _render_ahead, the loop turn after)."""
        super().verticalScrollbarValueChanged(value)
        if value != self._scroll:
            self._upwards = value < self._scroll
            self._scroll = value
            note_activity()  # no full garbage collection in the middle of a scroll
        self._ahead.start()  # which asks for rows to be read (_read_ahead)

    def _read_ahead(self, model: GalleryModel) -> None:
        shown = self.rows_in(self.viewport().rect())
        model.read_up_to(shown.stop, PREFETCH_SCREENS * max(1, len(shown)))

    @override
    def selectAll(self) -> None:
        """Every row read so far (rows to come hold no output yet: they would be selected as
        they arrive, after the count and the actions were shown for the rows before)."""
        model = self.model()
        selection = self.selectionModel()
        if not isinstance(model, GalleryModel) or selection is None:
            super().selectAll()
            return
        rows = model.loaded_rows()
        if rows > 0:
            every = QItemSelection(model.index(0), model.index(rows - 1))
            selection.select(every, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    @override
    def dataChanged(
        self,
        topLeft: QModelIndex | QPersistentModelIndex,
        bottomRight: QModelIndex | QPersistentModelIndex,
        roles: Sequence[int] = (),
    ) -> None:
        """Repaint the changed tiles, without QListView's own handling: in list mode it lays
        every row out again after any change of data (a thumbnail that arrived, a star, a page
        read into rows to come), which tiles of one size never need (~9 ms at 100,000 rows,
        for each change). A range (a page) repaints only the part of it on screen, if any; its
        rows in the screen ahead are drawn ahead again."""
        first, last = topLeft.row(), bottomRight.row()
        if first == last:
            QAbstractItemView.dataChanged(self, topLeft, bottomRight, list(roles))
        elif self.isVisible():
            shown = self.rows_in(self.viewport().rect())
            top, bottom = max(first, shown.start), min(last, shown.stop - 1)
            if top <= bottom and (model := self.model()) is not None:
                upper = self.visualRect(model.index(top, 0)).top()
                lower = self.visualRect(model.index(bottom, 0)).bottom()
                self.viewport().update(0, upper, self.viewport().width(), lower - upper + 1)
        if self._ahead_key is not None and first < self._ahead_from and last >= self._ahead_key[0]:
            self._ahead_from = max(first, self._ahead_key[0])
            self._ahead.start()

    @override
    def doItemsLayout(self) -> None:
        """Lay every row out (rows came or went): page reads wait meanwhile, since the layout
        asks the model for each row's index, and each ask takes the interpreter."""
        self.layouts += 1
        with GUI_TURNS.busy():
            super().doItemsLayout()

    @override
    def reset(self) -> None:
        """New rows (a filter, a refresh): the screen ahead is drawn again from its start."""
        super().reset()
        self._ahead_key = None
        self._late.clear()

    @override
    def paintEvent(self, e: QPaintEvent) -> None:
        with GUI_TURNS.busy():  # page reads wait meanwhile (see studio.ui.gil)
            model = self.model()
            if isinstance(model, GalleryModel):
                self._paint_tiles(model, e.rect())
            else:
                painter = QPainter(self.viewport())
                self._fill_ground(painter, QRegion(e.rect()))
                painter.end()
                super().paintEvent(e)
        self._ahead.start()  # then draw what comes next (a first show, rows that arrived)
        if not self._grounded:
            # After the first paint, which does not wait for it: the swap makes the Python
            # enums its calls use (~3 ms, once per process).
            self._grounded = True
            QTimer.singleShot(0, self, self._ground_bar)

    def _ground_bar(self) -> None:
        step = self.verticalScrollBar().singleStep()
        ground_vertical_bar(self).setSingleStep(step)

    def _paint_tiles(self, model: GalleryModel, area: QRect) -> None:
        """The tiles in area, as QListView paints them, without its calls from C++ into the
        delegate: each made Python copies of the item's style option (font, palette…), index
        and painter, ~45 us a tile, with the model's flags() asked on the way (make bench,
        gallery). The state a tile shows is only its selection; every row is enabled, so its
        colours are the palette's normal ones (QListView: ColorGroup.Normal per enabled item).
        Tiles not drawn yet are drawn for PAINT_BUDGET_S, the rest later (see the constant)."""
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        base = option.state
        if base & QStyle.StateFlag.State_Enabled:
            option.palette.setCurrentColorGroup(QPalette.ColorGroup.Normal)
        selection = self.selectionModel()
        ground = QRegion(area)
        deadline = None if self._whole else time.perf_counter() + PAINT_BUDGET_S
        self._whole = False
        cells: list[tuple[int, QRect, bool]] = []
        for row in self.rows_in(area):
            index = model.index(row, 0)
            rect = self.visualRect(index)
            if rect.intersects(area):
                selected = selection is not None and selection.isSelected(index)
                cells.append((row, rect, selected))
                ground -= QRegion(rect)  # a tile paints every pixel of its rect, opaque
        painter = QPainter(self.viewport())
        try:
            late = self.tiles.paint_cells(painter, option, model, cells, deadline)
            self._fill_ground(painter, ground)
        finally:
            painter.end()
        self._late.difference_update(row for row, _, _ in cells)
        self._late.update(late)

    def _fill_ground(self, painter: QPainter, ground: QRegion) -> None:
        """Fill ground with the viewport's background, as Qt fills a widget's (the viewport is
        opaque: Qt filled it all before each paint, ~0.3 ms a page step under tiles that cover
        most of it)."""
        viewport = self.viewport()
        painter.save()
        painter.setClipRegion(ground)
        # fillRect(rect, background()) without fillRect: PySide6 sorting out its overloads
        # makes QGradient's Python enums (~3.6 ms once per process, in the first paint).
        painter.setBackground(viewport.palette().brush(viewport.backgroundRole()))
        painter.eraseRect(ground.boundingRect())
        painter.restore()

    def rows_in(self, area: QRect) -> range:
        """The rows whose cells meet area (viewport coordinates), whole lines of them."""
        layout = self._lines()
        if layout is None or area.isEmpty():
            return range(0)
        rows, columns, line_height, top = layout
        first_line = max(0, (top + area.top()) // line_height)
        last_line = (top + area.bottom()) // line_height
        return range(min(rows, first_line * columns), min(rows, (last_line + 1) * columns))

    def rows_ahead(self) -> range:
        """The rows of the screen after the one on show, in the way the user last scrolled."""
        layout = self._lines()
        if layout is None:
            return range(0)
        rows, columns, line_height, top = layout
        first_line = top // line_height
        last_line = (top + self.viewport().height() - 1) // line_height  # partly shown too
        lines = last_line - first_line + 1
        start = first_line - lines if self._upwards else last_line + 1
        first = max(0, start * columns)
        return range(first, min(rows, max(first, (start + lines) * columns)))

    def _lines(self) -> tuple[int, int, int, int] | None:
        """Rows, columns, a line's height and the scroll position (None: no rows laid out):
        tiles go in lines of equal cells, left to right."""
        model = self.model()
        cell = self.gridSize()
        if model is None or cell.width() <= 0 or cell.height() <= 0:
            return None
        columns = max(1, self.viewport().width() // cell.width())
        return model.rowCount(), columns, cell.height(), self.verticalScrollBar().value()

    def _render_ahead(self) -> None:
        """Ask for the rows on show and ahead to be read; draw tiles ahead that are not drawn
        yet for up to AHEAD_BUDGET_S and come back for the rest on the next turn of the loop.
        Runs after every paint and scroll step: once the screen ahead is done, it returns at
        once."""
        model = self.model()
        if model is None or not self.isVisible():
            return
        if isinstance(model, GalleryModel):
            self._read_ahead(model)  # after the paint or the scroll step, not in its turn
        began = time.perf_counter()
        if self._late and not self._draw_late(model, began):
            self._ahead.start()  # more on show to draw: the screen ahead waits for them
            return
        rows = self.rows_ahead()
        key = (rows.start, rows.stop, model.rowCount())
        if key != self._ahead_key:
            self._ahead_key, self._ahead_from = key, rows.start
        if self._ahead_from >= rows.stop:
            return
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        with GUI_TURNS.busy():  # page reads wait meanwhile, as for a paint
            self._draw_ahead(model, option, range(self._ahead_from, rows.stop), began)

    def _draw_late(self, model: QAbstractItemModel, began: float) -> bool:
        """Draw the tiles on show that a paint left to later, until AHEAD_BUDGET_S after
        ``began``, and paint them again; True once none is left (those scrolled out of sight
        are dropped)."""
        shown = self.rows_in(self.viewport().rect())
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        base_state = option.state
        with GUI_TURNS.busy():
            for row in sorted(self._late):
                if time.perf_counter() - began >= AHEAD_BUDGET_S:
                    break
                self._late.discard(row)
                if row in shown:
                    self._render_row(model, option, base_state, row)
                    self.viewport().update(option.rect)
        return not self._late

    def _draw_ahead(
        self, model: QAbstractItemModel, option: QStyleOptionViewItem, rows: range, began: float
    ) -> None:
        base_state = option.state
        for row in rows:
            drew = self._render_row(model, option, base_state, row)
            self._ahead_from = row + 1
            if drew and time.perf_counter() - began >= AHEAD_BUDGET_S:
                self._ahead.start()
                return

    def _render_row(
        self,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        base_state: QStyle.StateFlag,
        row: int,
    ) -> bool:
        """Draw a row's tile into the cache, in its place and selection state (option.rect is
        left at its place); whether it drew one (render_ahead)."""
        index = model.index(row, 0)
        option.rect = self.visualRect(index)
        option.state = base_state
        selection = self.selectionModel()
        if selection is not None and selection.isSelected(index):
            option.state |= QStyle.StateFlag.State_Selected
        return self.tiles.render_ahead(option, index)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        """Shown (opened, its tab chosen): its first paint draws every tile."""
        self._whole = True
        super().showEvent(event)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()
        self._place_empty_label()

    def _fit_columns(self) -> None:
        """Share the spare width between the columns instead of leaving a gap on the right."""
        width = max(self.viewport().width() - 1, MIN_TILE_WIDTH + GAP)
        columns = max(1, width // (MIN_TILE_WIDTH + GAP))
        cell_width = width // columns
        tile = self.tiles.set_tile_width(cell_width - GAP)
        ratio = self.devicePixelRatioF()
        screen = self.viewport().width() * self.viewport().height() * 4 * ratio * ratio
        self.tiles.tiles.budget = max(int(TILE_SCREENS * screen), 1)
        self.tiles.tiles.trim()
        cell = QSize(cell_width, tile.height() + GAP)
        if cell != self.gridSize():
            self.setGridSize(cell)
