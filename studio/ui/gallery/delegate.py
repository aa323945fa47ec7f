"""Paints gallery tiles: thumbnail, kind badges, duration, star, prompt.

A page step shows a screenful of new tiles, so painting one must stay well under a millisecond.
Each tile is drawn once into a pixmap (TileCache) and then only copied, until what it shows
changes (its item, thumbnail, selection, size, palette or font); the grid draws the screen the
user is scrolling towards into that cache while the loop is idle (render_ahead), so a page step
mostly copies. Inside a tile, what looks the same on many tiles is drawn once at its size: the
frame, placeholders and glyphs (placeholders.placeholder_at, glyph) and duration pills. Asking
for thumbnails is the model's part (its DecorationRole), so only painted tiles ask; tiles drawn
ahead use what is at hand.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import TYPE_CHECKING, Final, NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem
from typing_extensions import override

from studio.core.library import GalleryItem
from studio.core.media import fitted_size
from studio.ui.gallery.describe import format_duration, prompt_excerpt
from studio.ui.gallery.model import GalleryModel, GalleryRole
from studio.ui.gallery.placeholders import draw_pill, glyph, is_placeholder, placeholder_at
from studio.ui.theme import is_dark

if TYPE_CHECKING:
    from collections.abc import Iterable

    from PySide6.QtCore import QObject

    from studio.ui.gallery.thumbs import ThumbnailLoader

MIN_TILE_WIDTH: Final = 176
_PAD: Final = 6
_CAPTION: Final = 44  # two lines of text under the picture
TILE_BUDGET: Final = 8 * 1024 * 1024  # until the grid sets one for its viewport
_SMALL_CACHE: Final = 64  # frames and pills kept; both come in a handful of sizes
_DETAIL_LINES: Final = 256  # caption second lines kept (model · size repeat across a library)
# Looked up once: reading a Qt enum member goes through Python's enum machinery on every use.
_SELECTED: Final = QStyle.StateFlag.State_Selected
_ELIDE: Final = Qt.TextElideMode.ElideRight
_TEXT: Final = QPalette.ColorRole.Text
_PLACEHOLDER_TEXT: Final = QPalette.ColorRole.PlaceholderText
_GROUND: Final = QPalette.ColorRole.Base  # what item views fill their viewport with
_TILE_COLOURS: Final = (  # in TileColours' order
    _GROUND,
    QPalette.ColorRole.AlternateBase,  # a tile's own ground, in its frame
    QPalette.ColorRole.Highlight,
    _TEXT,
    _PLACEHOLDER_TEXT,
)


TileLook = tuple[object, ...]  # what a tile shows: drawn again when any of it changes


class TileStyle(NamedTuple):
    """How a tile is drawn, apart from its item and thumbnail."""

    size: QSize
    palette: QPalette
    font: QFont
    selected: bool
    ratio: float  # device pixels per logical pixel


class TileColours(NamedTuple):
    """A palette's colours that tiles use, looked up once per palette (not per tile)."""

    rgbas: tuple[int, ...]  # _TILE_COLOURS, in that order
    dark: bool  # light text on a dark ground (studio.ui.theme.is_dark)
    ground: QColor  # the viewport's
    frame_ground: QColor  # a tile's own, in its frame
    highlight: QColor
    text: QColor
    detail_text: QColor  # the caption's second line


def _tile_colours(palette: QPalette) -> TileColours:
    ground, frame_ground, highlight, text, detail = (palette.color(r) for r in _TILE_COLOURS)
    rgbas = tuple(colour.rgba() for colour in (ground, frame_ground, highlight, text, detail))
    return TileColours(rgbas, is_dark(palette), ground, frame_ground, highlight, text, detail)


class TileCache:
    """Whole tiles by output id, each with the look it was drawn for; least recently used out
    past a budget in bytes."""

    def __init__(self, budget: int = TILE_BUDGET) -> None:
        self.budget = budget
        self._bytes = 0
        self._tiles: OrderedDict[int, tuple[TileLook, QPixmap]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._tiles)

    def __contains__(self, output_id: object) -> bool:
        return output_id in self._tiles

    def size_in_bytes(self) -> int:
        return self._bytes

    def get(self, output_id: int, look: TileLook) -> QPixmap | None:
        """The tile drawn for exactly this look, or None."""
        found = self._tiles.get(output_id)
        if found is None or found[0] != look:
            return None
        self._tiles.move_to_end(output_id)
        return found[1]

    def last_drawn(self, output_id: int) -> QPixmap | None:
        """The tile last drawn for this output, whatever look it was drawn for."""
        found = self._tiles.get(output_id)
        return None if found is None else found[1]

    def put(self, output_id: int, look: TileLook, tile: QPixmap) -> None:
        old = self._tiles.pop(output_id, None)
        if old is not None:
            self._bytes -= _bytes_of(old[1])
        self._tiles[output_id] = (look, tile)
        self._bytes += _bytes_of(tile)
        self.trim()

    def trim(self) -> None:
        while self._bytes > self.budget and len(self._tiles) > 1:
            _, (_, dropped) = self._tiles.popitem(last=False)
            self._bytes -= _bytes_of(dropped)

    def clear(self) -> None:
        self._tiles.clear()
        self._bytes = 0


def _bytes_of(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)


class GalleryDelegate(QStyledItemDelegate):
    """Fixed-size tiles; painting a tile is what requests its thumbnail (visible rows only)."""

    def __init__(self, loader: ThumbnailLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._tile = QSize(MIN_TILE_WIDTH, MIN_TILE_WIDTH + _CAPTION)
        self.tiles = TileCache()
        self._frames: dict[tuple[object, ...], QPixmap] = {}
        self._palettes: dict[int, TileColours] = {}
        self._font_keys: tuple[QFont, str] | None = None
        self._pills: dict[tuple[str, str, float], QPixmap] = {}
        self._details: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        self._metrics: tuple[QFont, QFontMetrics] | None = None
        self._lights: dict[tuple[object, ...], QPixmap] = {}  # _light_placeholder's

    def set_tile_width(self, width: int) -> QSize:
        """Tiles are a square picture plus a caption; returns the new tile size."""
        width = max(width, MIN_TILE_WIDTH)
        if width != self._tile.width():
            self.tiles.clear()  # drawn for the old width: never shown again
        self._tile = QSize(width, width - 2 * _PAD + _CAPTION)
        return self._tile

    def detail_lines_drawn(self) -> int:
        """How many distinct caption second lines are kept drawn."""
        return len(self._details)

    def picture_side(self, ratio: float = 1.0) -> int:
        """The side, in device pixels, of the square a tile's picture fits in."""
        return _picture_side_of(self._tile.width(), ratio)

    @override
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return self._tile

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """A tile: a row of the gallery's model as paint_cells paints it, any other as it
        comes (its item and decoration through data())."""
        rect: QRect = option.rect
        selected = bool(option.state & _SELECTED)
        model = index.model()
        if isinstance(model, GalleryModel):
            self.paint_cells(painter, option, model, [(index.row(), rect, selected)])
            return
        font: QFont = option.font
        ratio = painter.device().devicePixelRatioF()
        item = index.data(GalleryRole.ITEM)
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        painter.save()
        painter.setFont(font)
        painter.translate(rect.topLeft())
        self._draw(
            painter, TileStyle(rect.size(), option.palette, font, selected, ratio), item, pixmap
        )
        painter.restore()

    def paint_cells(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        model: GalleryModel,
        cells: Iterable[tuple[int, QRect, bool]],
        deadline: float | None = None,
    ) -> list[int]:
        """The tiles of these rows of ``model``, each (row, rect, selected) in its rect, every
        pixel of it, opaque, on the viewport's ground (GalleryGrid fills none under its tiles).
        What all tiles share (palette, font, screen) is looked up once. A tile not drawn for
        its look yet is drawn and kept; once ``deadline`` (perf_counter) has passed it is
        painted as last drawn (a thumbnail just came, a selection) or, if never drawn, light:
        frame and picture, no caption or badges. Returns those rows, to be drawn soon."""
        palette: QPalette = option.palette
        font: QFont = option.font
        ratio = painter.device().devicePixelRatioF()
        colours = self._colours(palette)
        font_key = self._font_key(font)
        late: list[int] = []
        for row, rect, selected in cells:
            item = model.item_at(row)
            size = rect.size()
            if item is None:  # a row to come or being read back: an empty frame until it is
                painter.drawPixmap(
                    rect.topLeft(), self._frame(size, colours, selected, ratio, True)
                )
                continue
            style = TileStyle(size, palette, font, selected, ratio)
            pixmap = model.thumbnail(item, _picture_side(style))
            look = _look_of(style, item, pixmap, colours, font_key)
            found = self.tiles.get(item.id, look)
            if found is None and deadline is not None and time.perf_counter() >= deadline:
                late.append(row)
                found = self.tiles.last_drawn(item.id)
                if found is None:
                    self._paint_light(painter, rect, style, item, colours=colours, pixmap=pixmap)
                    continue
            elif found is None:
                found = self._draw_tile(style, item, pixmap, look)
            painter.drawPixmap(rect.topLeft(), found)
        return late

    def _paint_light(
        self,
        painter: QPainter,
        rect: QRect,
        style: TileStyle,
        item: GalleryItem,
        *,
        colours: TileColours,
        pixmap: object,
    ) -> None:
        """The tile's frame and picture only, in place (a fraction of drawing it whole); with
        no thumbnail yet, one copy of its kind's frame and placeholder, made once."""
        kind = item.output.kind.value
        if _thumbnail(pixmap) is None:
            painter.drawPixmap(rect.topLeft(), self._light_placeholder(style, colours, kind))
            return
        frame = self._frame(style.size, colours, style.selected, style.ratio, True)
        painter.drawPixmap(rect.topLeft(), frame)
        side = style.size.width() - 2 * _PAD
        area = QRect(rect.x() + _PAD, rect.y() + _PAD, side, side)
        self._paint_thumbnail(painter, area, pixmap, item, style.ratio, dark=colours.dark)

    def _light_placeholder(self, style: TileStyle, colours: TileColours, kind: str) -> QPixmap:
        size, ratio = style.size, style.ratio
        key = (kind, size.width(), size.height(), style.selected, ratio, colours.rgbas)
        found = self._lights.get(key)
        if found is None:
            if len(self._lights) >= _SMALL_CACHE:
                self._lights.clear()
            found = self._frame(size, colours, style.selected, ratio, True).copy()
            painter = QPainter(found)
            side = size.width() - 2 * _PAD
            painter.drawPixmap(_PAD, _PAD, placeholder_at(kind, side, ratio, colours.dark))
            painter.end()
            self._lights[key] = found
        return found

    def render_ahead(self, option: QStyleOptionViewItem, index: QModelIndex) -> bool:
        """Draw the tile of a row about to be shown into the cache (with the thumbnail at hand,
        asking for none); True when it drew one, False when it was drawn or has no item yet."""
        model = index.model()
        if not isinstance(model, GalleryModel):
            return False
        item = model.item_at(index.row())
        if item is None:
            return False
        rect: QRect = option.rect
        selected = bool(option.state & _SELECTED)
        style = TileStyle(
            rect.size(), option.palette, option.font, selected, self._screen_ratio(option)
        )
        pixmap = model.thumbnail_at_hand(item, _picture_side(style))
        look = self._look(style, item, pixmap)
        if self.tiles.get(item.id, look) is not None:
            return False
        self._draw_tile(style, item, pixmap, look)
        return True

    @staticmethod
    def _screen_ratio(option: QStyleOptionViewItem) -> float:
        widget = option.widget
        return float(widget.devicePixelRatioF()) if widget is not None else 1.0

    def _draw_tile(
        self, style: TileStyle, item: GalleryItem, pixmap: object, look: TileLook
    ) -> QPixmap:
        """The tile's pixmap, drawn now and kept for ``look``."""
        # A copy of the frame on the viewport's own ground: the tile is then opaque (the
        # cheapest to draw) and text is smoothed as it would be on the viewport.
        colours = self._colours(style.palette)
        placeholder = _thumbnail(pixmap) is None
        if placeholder:  # the frame and its kind's placeholder, drawn once for every such tile
            found = self._light_placeholder(style, colours, item.output.kind.value).copy()
        else:
            found = self._frame(style.size, colours, style.selected, style.ratio, True).copy()
        painter = QPainter(found)
        painter.setFont(style.font)
        self._draw_inside(painter, style, item, pixmap, placeholder_drawn=placeholder)
        painter.end()
        self.tiles.put(item.id, look, found)
        return found

    def _look(self, style: TileStyle, item: GalleryItem, pixmap: object) -> TileLook:
        """Everything a tile's pixels depend on (see _look_of)."""
        return _look_of(
            style, item, pixmap, self._colours(style.palette), self._font_key(style.font)
        )

    def _colours(self, palette: QPalette) -> TileColours:
        """The colours tiles use, and whether they are dark. Not the palette's cacheKey() alone:
        views hand each paint a copy whose colour group is set again, which can make a new key
        for the same colours."""
        key = palette.cacheKey()
        found = self._palettes.get(key)
        if found is None:
            if len(self._palettes) >= _SMALL_CACHE:
                self._palettes.clear()
            found = _tile_colours(palette)
            self._palettes[key] = found
        return found

    def _font_key(self, font: QFont) -> str:
        """font.key(), which spells the whole font out: asked per tile, so kept for the font in
        use (each paint hands over a copy that shares it, and those compare at once)."""
        kept = self._font_keys
        if kept is None or kept[0] != font:
            kept = (QFont(font), font.key())
            self._font_keys = kept
        return kept[1]

    def _draw(self, painter: QPainter, style: TileStyle, item: object, pixmap: object) -> None:
        """The whole tile at (0, 0), frame and all."""
        colours = self._colours(style.palette)
        frame = self._frame(style.size, colours, style.selected, style.ratio, False)
        painter.drawPixmap(0, 0, frame)
        if isinstance(item, GalleryItem):  # else its row is being read back: an empty frame
            self._draw_inside(painter, style, item, pixmap)

    def _draw_inside(
        self,
        painter: QPainter,
        style: TileStyle,
        item: GalleryItem,
        pixmap: object,
        *,
        placeholder_drawn: bool = False,
    ) -> None:
        """What the frame holds: picture (unless its placeholder is there already), badges,
        caption."""
        size, ratio = style.size, style.ratio
        colours = self._colours(style.palette)
        side = size.width() - 2 * _PAD
        image_rect = QRect(_PAD, _PAD, side, side)
        picture = (
            None
            if placeholder_drawn
            else self._paint_thumbnail(painter, image_rect, pixmap, item, ratio, dark=colours.dark)
        )
        if picture is not None and item.output.trashed_at is not None:
            veil = QColor(colours.ground)
            veil.setAlpha(130)  # faded towards the background: it is in the trash
            painter.fillRect(picture, veil)
        self._paint_badges(painter, picture or image_rect, item, style)
        self._paint_caption(painter, style, colours, item)

    def _frame(
        self, size: QSize, colours: TileColours, selected: bool, ratio: float, opaque: bool
    ) -> QPixmap:
        """The tile's rounded background (and selection outline), drawn once per look; opaque:
        on the viewport's ground, else on nothing."""
        highlight, ground = colours.highlight, colours.frame_ground
        under = colours.ground.rgba() if opaque else None
        key = (size.width(), size.height(), selected, highlight.rgba(), ground.rgba(), ratio, under)
        found = self._frames.get(key)
        if found is None:
            if len(self._frames) >= _SMALL_CACHE:
                self._frames.clear()  # old sizes or palettes: drawn again if ever needed
            found = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
            found.setDevicePixelRatio(ratio)
            found.fill(QColor.fromRgba(under) if under is not None else Qt.GlobalColor.transparent)
            painter = QPainter(found)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            if selected:
                fill = QColor(highlight)
                fill.setAlpha(70)
                painter.setPen(QPen(highlight, 2))
                painter.setBrush(fill)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(ground)
            painter.drawRoundedRect(QRectF(1, 1, size.width() - 2, size.height() - 2), 6, 6)
            painter.end()
            self._frames[key] = found
        return found

    def _paint_thumbnail(
        self,
        painter: QPainter,
        area: QRect,
        pixmap: object,
        item: GalleryItem,
        ratio: float,
        *,
        dark: bool,
    ) -> QRect | None:
        """Draw the picture fitted into area; returns where a real thumbnail went (None for a
        placeholder, drawn for no picture yet, which fills area)."""
        thumbnail = _thumbnail(pixmap)
        if thumbnail is None:
            kind = item.output.kind.value
            painter.drawPixmap(area.topLeft(), placeholder_at(kind, area.width(), ratio, dark))
            return None
        picture = _fitted(thumbnail.size(), area)
        if ratio == 1 and picture.size() == thumbnail.size():  # scaled to fit by its process
            painter.drawPixmap(picture.topLeft(), thumbnail)
            return picture
        # Another size (the one wanted is on its way, or a high-DPI screen): scaled as it is
        # drawn, bilinear, and the tile keeps the result.
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(picture, thumbnail)
        return picture

    def _paint_badges(
        self, painter: QPainter, area: QRect, item: GalleryItem, style: TileStyle
    ) -> None:
        ratio = style.ratio
        kind = item.output.kind.value
        if kind == "video":
            _draw_centred(painter, glyph("play", 18, ratio), area.center())
        duration = format_duration(item.output.duration)
        if duration and kind in ("video", "audio"):
            pill = self._pill(duration, style.font, ratio)
            size = pill.deviceIndependentSize()
            corner = QPoint(
                area.right() + 1 - round(size.width()) - 4,
                area.bottom() + 1 - round(size.height()) - 4,
            )
            painter.drawPixmap(corner, pill)
        if item.output.favourite:
            _draw_centred(
                painter, glyph("star", 10, ratio), QPoint(area.right() - 13, area.top() + 14)
            )

    def _pill(self, text: str, font: QFont, ratio: float) -> QPixmap:
        """A duration's pill, drawn once per text (durations repeat: 0:05, 0:08…)."""
        key = (text, self._font_key(font), ratio)
        found = self._pills.get(key)
        if found is None:
            if len(self._pills) >= _SMALL_CACHE:
                self._pills.clear()
            metrics = self._font_metrics(font)
            width = metrics.horizontalAdvance(text) + 12
            height = metrics.height() + 2
            found = QPixmap(round(width * ratio), round(height * ratio))
            found.setDevicePixelRatio(ratio)
            found.fill(Qt.GlobalColor.transparent)
            painter = QPainter(found)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(font)
            draw_pill(painter, QRectF(0, 0, width, height), text)
            painter.end()
            self._pills[key] = found
        return found

    def _font_metrics(self, font: QFont) -> QFontMetrics:
        kept = self._metrics
        if kept is None or kept[0] != font:
            kept = (QFont(font), QFontMetrics(font))
            self._metrics = kept
        return kept[1]

    def _paint_caption(
        self, painter: QPainter, style: TileStyle, colours: TileColours, item: GalleryItem
    ) -> None:
        font = style.font
        metrics = self._font_metrics(font)
        width = style.size.width() - 2 * _PAD
        top = style.size.width() - _PAD + 4
        height = metrics.height()
        text = elided_right(metrics, prompt_excerpt(item), width)
        # The selection fill is translucent, so normal text colours stay readable on it.
        painter.setPen(colours.text)
        # At its baseline: the same place as left and centred in a line of the font's height,
        # without laying the text out again to align it.
        painter.drawText(QPoint(_PAD, top + metrics.ascent()), text)
        line = QRect(_PAD, top + height, width, height)
        ground = colours.frame_ground
        detail_text = _detail_line(item)
        if style.selected or ground.alpha() < 255:  # on a translucent fill: drawn in place
            self._write_detail(painter, line, detail_text, colours.detail_text, metrics)
            return
        key = (
            detail_text,
            width,
            height,
            self._font_key(font),
            style.ratio,
            colours.rgbas,
        )
        found = self._details.get(key)
        if found is None:
            found = self._detail_pixmap(key, detail_text, line.size(), style, colours)
        else:
            self._details.move_to_end(key)
        painter.drawPixmap(line.topLeft(), found)

    @staticmethod
    def _write_detail(
        painter: QPainter, line: QRect, text: str, colour: QColor, metrics: QFontMetrics
    ) -> None:
        painter.setPen(colour)
        detail = metrics.elidedText(text, _ELIDE, line.width())
        painter.drawText(QPoint(line.left(), line.top() + metrics.ascent()), detail)

    def _detail_pixmap(
        self, key: tuple[object, ...], text: str, size: QSize, style: TileStyle,
        colours: TileColours,
    ) -> QPixmap:  # fmt: skip
        """A caption's second line (model and size) drawn once on the tile's ground: a library
        holds many outputs of one model at one size, so most tiles copy a line drawn before."""
        width, height, ratio, font = size.width(), size.height(), style.ratio, style.font
        found = QPixmap(round(width * ratio), round(height * ratio))
        found.setDevicePixelRatio(ratio)
        found.fill(colours.frame_ground)
        painter = QPainter(found)
        painter.setFont(font)
        metrics = self._font_metrics(font)
        self._write_detail(painter, QRect(0, 0, width, height), text, colours.detail_text, metrics)
        painter.end()
        self._details[key] = found
        while len(self._details) > _DETAIL_LINES:
            self._details.popitem(last=False)
        return found


def _draw_centred(painter: QPainter, pixmap: QPixmap, center: QPoint) -> None:
    """Whole pixels: a pixmap drawn at a fractional place is resampled, not copied."""
    size = pixmap.deviceIndependentSize()
    painter.drawPixmap(
        QPoint(center.x() - round(size.width() / 2), center.y() - round(size.height() / 2)),
        pixmap,
    )


def _detail_line(item: GalleryItem) -> str:
    name = item.model or item.endpoint.rsplit("/", 1)[0]
    output = item.output
    size = f" · {output.width}×{output.height}" if output.width and output.height else ""
    return f"{name}{size}"


def _look_of(
    style: TileStyle, item: GalleryItem, pixmap: object, colours: TileColours, font_key: str
) -> TileLook:
    """Everything a tile's pixels depend on (the item compares by identity first)."""
    picture = pixmap.cacheKey() if isinstance(pixmap, QPixmap) else 0
    size = style.size
    shape = (size.width(), size.height(), style.ratio)
    return (item, picture, style.selected, shape, colours.rgbas, font_key)


def _thumbnail(pixmap: object) -> QPixmap | None:
    """A tile's thumbnail, or None while it has none to show (none yet, or only its kind's
    placeholder)."""
    if isinstance(pixmap, QPixmap) and not pixmap.isNull() and not is_placeholder(pixmap):
        return pixmap
    return None


def _picture_side(style: TileStyle) -> int:
    return _picture_side_of(style.size.width(), style.ratio)


def _picture_side_of(tile_width: int, ratio: float) -> int:
    """The side of a tile's square picture area in device pixels: thumbnails are scaled to fit
    it in the thumbnail process, so drawing one is a copy."""
    return round((tile_width - 2 * _PAD) * ratio)


def _fitted(size: QSize, area: QRect) -> QRect:
    """Where a picture of size goes in the square area, centred: the size the thumbnail process
    scales thumbnails to (studio.core.media.fitted_size), so a picture of that size is copied."""
    width, height = fitted_size(size.width(), size.height(), area.width())
    return QRect(
        area.left() + (area.width() - width) // 2,
        area.top() + (area.height() - height) // 2,
        width,
        height,
    )


def elided_right(metrics: QFontMetrics, text: str, width: int) -> str:
    """``metrics.elidedText(text, ElideRight, width)``, laying out only the start of a long
    text: a quarter more characters than fit at the font's average width. When that start
    does not fit, the visible part and the ellipsis are the same as for the whole text (and
    cost half as much for a gallery caption); when it does (narrow letters), the whole text
    is elided as before."""
    most = width * 5 // (4 * max(1, metrics.averageCharWidth())) + 4
    if len(text) > most:
        head = text[:most]
        elided = metrics.elidedText(head, _ELIDE, width)
        if elided != head:
            return elided
    return metrics.elidedText(text, _ELIDE, width)
