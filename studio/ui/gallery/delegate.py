"""Paints gallery tiles: thumbnail, kind badges, duration, star, prompt.

A page step shows a screenful of new tiles, so painting one must stay well under a millisecond.
Everything that looks the same on many tiles is drawn once at its size and then only copied:
the frame (per size, selection and palette), placeholders and glyphs (placeholders.placeholder_at,
glyph), duration pills, and each thumbnail at the size its tile shows it (a smooth scale of a
thumbnail costs more than the rest of the tile). Asking for thumbnails is the model's part (its
DecorationRole), so only painted tiles ask.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem
from typing_extensions import override

from studio.core.library import GalleryItem
from studio.ui.gallery.describe import format_duration, prompt_excerpt
from studio.ui.gallery.model import GalleryModel, GalleryRole
from studio.ui.gallery.placeholders import draw_pill, glyph, placeholder_at, placeholder_pixmap

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from studio.ui.gallery.thumbs import ThumbnailLoader

MIN_TILE_WIDTH: Final = 176
_PAD: Final = 6
_CAPTION: Final = 44  # two lines of text under the picture
# Thumbnails kept scaled to their tiles: a few screens of them (a 250 px tile is ~250 KB), so
# repaints (a thumbnail arriving, a selection, a wheel step) copy instead of scaling.
SCALED_BUDGET: Final = 8 * 1024 * 1024
_SMALL_CACHE: Final = 64  # frames and pills kept; both come in a handful of sizes
# Looked up once: reading a Qt enum member goes through Python's enum machinery on every use.
_SELECTED: Final = QStyle.StateFlag.State_Selected
_CAPTION_FLAGS: Final = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
_ELIDE: Final = Qt.TextElideMode.ElideRight
_TEXT: Final = QPalette.ColorRole.Text
_PLACEHOLDER_TEXT: Final = QPalette.ColorRole.PlaceholderText


class ScaledThumbnails:
    """Pixmaps scaled once to the size they are drawn at; least recently used out past a budget."""

    def __init__(self, budget: int = SCALED_BUDGET) -> None:
        self._budget = budget
        self._bytes = 0
        self._pixmaps: OrderedDict[tuple[int, int, int, float], QPixmap] = OrderedDict()

    def __len__(self) -> int:
        return len(self._pixmaps)

    def size_in_bytes(self) -> int:
        return self._bytes

    def scaled(self, pixmap: QPixmap, width: int, height: int, ratio: float) -> QPixmap:
        """pixmap smoothly scaled to width × height device pixels, for a screen of that ratio."""
        key = (pixmap.cacheKey(), width, height, ratio)
        found = self._pixmaps.get(key)
        if found is not None:
            self._pixmaps.move_to_end(key)
            return found
        found = pixmap.scaled(
            width,
            height,
            Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        found.setDevicePixelRatio(ratio)
        self._pixmaps[key] = found
        self._bytes += _bytes_of(found)
        while self._bytes > self._budget and len(self._pixmaps) > 1:
            _, dropped = self._pixmaps.popitem(last=False)
            self._bytes -= _bytes_of(dropped)
        return found

    def clear(self) -> None:
        self._pixmaps.clear()
        self._bytes = 0


def _bytes_of(pixmap: QPixmap) -> int:
    return pixmap.width() * pixmap.height() * max(1, pixmap.depth() // 8)


class GalleryDelegate(QStyledItemDelegate):
    """Fixed-size tiles; painting a tile is what requests its thumbnail (visible rows only)."""

    def __init__(self, loader: ThumbnailLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._tile = QSize(MIN_TILE_WIDTH, MIN_TILE_WIDTH + _CAPTION)
        self.thumbnails = ScaledThumbnails()
        self._frames: dict[tuple[int, int, bool, int, int, float], QPixmap] = {}
        self._pills: dict[tuple[str, str, float], QPixmap] = {}
        self._metrics: tuple[QFont, QFontMetrics] | None = None

    def set_tile_width(self, width: int) -> QSize:
        """Tiles are a square picture plus a caption; returns the new tile size."""
        width = max(width, MIN_TILE_WIDTH)
        if width != self._tile.width():
            self.thumbnails.clear()  # scaled for the old width: never drawn again
        self._tile = QSize(width, width - 2 * _PAD + _CAPTION)
        return self._tile

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
        model = index.model()
        # Straight to the model: data() would cross into C++ and back for each role.
        gallery = model if isinstance(model, GalleryModel) else None
        item = gallery.item_at(index.row()) if gallery else index.data(GalleryRole.ITEM)
        rect: QRect = option.rect
        state: QStyle.StateFlag = option.state
        palette: QPalette = option.palette
        ratio = painter.device().devicePixelRatioF()
        selected = bool(state & _SELECTED)
        painter.drawPixmap(rect.topLeft(), self._frame(rect.size(), palette, selected, ratio))
        if isinstance(item, GalleryItem):  # else its row is being read back: an empty frame
            side = rect.width() - 2 * _PAD
            image_rect = QRect(rect.left() + _PAD, rect.top() + _PAD, side, side)
            pixmap = (
                gallery.thumbnail(item) if gallery else index.data(Qt.ItemDataRole.DecorationRole)
            )
            picture = self._paint_thumbnail(painter, image_rect, pixmap, item, ratio)
            if picture is not None and item.output.trashed_at is not None:
                veil = QColor(palette.color(QPalette.ColorRole.Base))
                veil.setAlpha(130)  # faded towards the background: it is in the trash
                painter.fillRect(picture, veil)
            self._paint_badges(painter, picture or image_rect, item, ratio)
            self._paint_caption(painter, rect, palette, item)

    def _frame(self, size: QSize, palette: QPalette, selected: bool, ratio: float) -> QPixmap:
        """The tile's rounded background (and selection outline), drawn once per look."""
        highlight = palette.color(QPalette.ColorRole.Highlight)
        ground = palette.color(QPalette.ColorRole.AlternateBase)
        key = (size.width(), size.height(), selected, highlight.rgba(), ground.rgba(), ratio)
        found = self._frames.get(key)
        if found is None:
            if len(self._frames) >= _SMALL_CACHE:
                self._frames.clear()  # old sizes or palettes: drawn again if ever needed
            found = QPixmap(round(size.width() * ratio), round(size.height() * ratio))
            found.setDevicePixelRatio(ratio)
            found.fill(Qt.GlobalColor.transparent)
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
    ) -> QRect | None:
        """Draw the picture fitted into area; returns where a real thumbnail went (None for a
        placeholder or none at all, which fill area)."""
        if not isinstance(pixmap, QPixmap) or pixmap.isNull():
            return None
        kind = item.output.kind.value
        if pixmap.cacheKey() == placeholder_pixmap(kind).cacheKey():
            painter.drawPixmap(area.topLeft(), placeholder_at(kind, area.width(), ratio))
            return None
        picture = _fitted(pixmap.size(), area)
        scaled = self.thumbnails.scaled(
            pixmap,
            max(1, round(picture.width() * ratio)),
            max(1, round(picture.height() * ratio)),
            ratio,
        )
        painter.drawPixmap(picture.topLeft(), scaled)
        return picture

    def _paint_badges(
        self, painter: QPainter, area: QRect, item: GalleryItem, ratio: float
    ) -> None:
        kind = item.output.kind.value
        if kind == "video":
            _draw_centred(painter, glyph("play", 18, ratio), area.center())
        duration = format_duration(item.output.duration)
        if duration and kind in ("video", "audio"):
            pill = self._pill(duration, painter.font(), ratio)
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
        key = (text, font.key(), ratio)
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
        self,
        painter: QPainter,
        rect: QRect,
        palette: QPalette,
        item: GalleryItem,
    ) -> None:
        metrics = self._font_metrics(painter.font())
        width = rect.width() - 2 * _PAD
        top = rect.top() + rect.width() - _PAD + 4
        height = metrics.height()
        text = metrics.elidedText(prompt_excerpt(item), _ELIDE, width)
        # The selection fill is translucent, so normal text colours stay readable on it.
        painter.setPen(palette.color(_TEXT))
        painter.drawText(QRect(rect.left() + _PAD, top, width, height), _CAPTION_FLAGS, text)
        detail = metrics.elidedText(_detail_line(item), _ELIDE, width)
        painter.setPen(palette.color(_PLACEHOLDER_TEXT))
        line = QRect(rect.left() + _PAD, top + height, width, height)
        painter.drawText(line, _CAPTION_FLAGS, detail)


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


def _fitted(size: QSize, area: QRect) -> QRect:
    """The largest rect of size's aspect ratio centred in area, in whole pixels."""
    if size.width() <= 0 or size.height() <= 0:
        return area
    scale = min(area.width() / size.width(), area.height() / size.height())
    width, height = round(size.width() * scale), round(size.height() * scale)
    return QRect(
        area.left() + (area.width() - width) // 2,
        area.top() + (area.height() - height) // 2,
        width,
        height,
    )
