"""Paints gallery tiles: thumbnail, kind badges, duration, star, prompt.

A page step shows a screenful of new tiles, so painting one must stay well under a millisecond:
placeholders and glyphs are drawn once at their size (placeholders.placeholder_at, glyph), and
only a real thumbnail is scaled as it is drawn. Asking for thumbnails is the model's part
(its DecorationRole), so only painted tiles ask.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem
from typing_extensions import override

from studio.core.library import GalleryItem
from studio.ui.gallery.describe import format_duration, prompt_excerpt
from studio.ui.gallery.model import GalleryRole
from studio.ui.gallery.placeholders import draw_pill, glyph, placeholder_at, placeholder_pixmap

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from studio.ui.gallery.thumbs import ThumbnailLoader

MIN_TILE_WIDTH: Final = 176
_PAD: Final = 6
_CAPTION: Final = 44  # two lines of text under the picture


class GalleryDelegate(QStyledItemDelegate):
    """Fixed-size tiles; painting a tile is what requests its thumbnail (visible rows only)."""

    def __init__(self, loader: ThumbnailLoader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._loader = loader
        self._tile = QSize(MIN_TILE_WIDTH, MIN_TILE_WIDTH + _CAPTION)

    def set_tile_width(self, width: int) -> QSize:
        """Tiles are a square picture plus a caption; returns the new tile size."""
        width = max(width, MIN_TILE_WIDTH)
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
        item = index.data(GalleryRole.ITEM)
        rect: QRect = option.rect
        state: QStyle.StateFlag = option.state
        palette: QPalette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        selected = bool(state & QStyle.StateFlag.State_Selected)
        self._paint_frame(painter, QRectF(rect).adjusted(1, 1, -1, -1), palette, selected)
        if isinstance(item, GalleryItem):  # else its row is being read back: an empty frame
            side = rect.width() - 2 * _PAD
            image_rect = QRectF(rect.left() + _PAD, rect.top() + _PAD, side, side)
            picture = self._paint_thumbnail(painter, image_rect, index, item, palette)
            self._paint_badges(painter, picture, item)
            self._paint_caption(painter, rect, palette, item)
        painter.restore()

    def _paint_frame(
        self, painter: QPainter, rect: QRectF, palette: QPalette, selected: bool
    ) -> None:
        highlight = palette.color(QPalette.ColorRole.Highlight)
        if selected:
            fill = QColor(highlight)
            fill.setAlpha(70)
            painter.setPen(QPen(highlight, 2))
            painter.setBrush(fill)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(palette.color(QPalette.ColorRole.AlternateBase))
        painter.drawRoundedRect(rect, 6, 6)

    def _paint_thumbnail(
        self,
        painter: QPainter,
        area: QRectF,
        index: QModelIndex | QPersistentModelIndex,
        item: GalleryItem,
        palette: QPalette,
    ) -> QRectF:
        """Draw the picture fitted into area; returns where it went (badges sit on it)."""
        pixmap = index.data(Qt.ItemDataRole.DecorationRole)
        if not isinstance(pixmap, QPixmap) or pixmap.isNull():
            return area
        kind = item.output.kind.value
        if pixmap.cacheKey() == placeholder_pixmap(kind).cacheKey():
            side = int(area.width())
            ratio = painter.device().devicePixelRatioF()
            painter.drawPixmap(area.topLeft(), placeholder_at(kind, side, ratio))
            return area
        picture = _fitted(pixmap.size(), area)
        painter.drawPixmap(picture, pixmap, QRectF(pixmap.rect()))
        if item.output.trashed_at is not None:
            veil = QColor(palette.color(QPalette.ColorRole.Base))
            veil.setAlpha(130)  # faded towards the background: it is in the trash
            painter.fillRect(picture, veil)
        return picture

    def _paint_badges(self, painter: QPainter, area: QRectF, item: GalleryItem) -> None:
        kind = item.output.kind.value
        ratio = painter.device().devicePixelRatioF()
        if kind == "video":
            _draw_centred(painter, glyph("play", 18, ratio), area.center())
        duration = format_duration(item.output.duration)
        if duration and kind in ("video", "audio"):
            metrics = QFontMetrics(painter.font())
            width = metrics.horizontalAdvance(duration) + 12
            height = metrics.height() + 2
            pill = QRectF(area.right() - width - 4, area.bottom() - height - 4, width, height)
            draw_pill(painter, pill, duration)
        if item.output.favourite:
            _draw_centred(
                painter, glyph("star", 10, ratio), QPointF(area.right() - 14, area.top() + 14)
            )

    def _paint_caption(
        self,
        painter: QPainter,
        rect: QRect,
        palette: QPalette,
        item: GalleryItem,
    ) -> None:
        metrics = QFontMetrics(painter.font())
        width = rect.width() - 2 * _PAD
        top = rect.top() + rect.width() - _PAD + 4
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        text = metrics.elidedText(prompt_excerpt(item), Qt.TextElideMode.ElideRight, width)
        # The selection fill is translucent, so normal text colours stay readable on it.
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(QRect(rect.left() + _PAD, top, width, metrics.height()), flags, text)
        detail = metrics.elidedText(_detail_line(item), Qt.TextElideMode.ElideRight, width)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        line = QRect(rect.left() + _PAD, top + metrics.height(), width, metrics.height())
        painter.drawText(line, flags, detail)


def _draw_centred(painter: QPainter, pixmap: QPixmap, center: QPointF) -> None:
    size = pixmap.deviceIndependentSize()
    painter.drawPixmap(
        QPointF(center.x() - size.width() / 2, center.y() - size.height() / 2), pixmap
    )


def _detail_line(item: GalleryItem) -> str:
    name = item.model or item.endpoint.rsplit("/", 1)[0]
    output = item.output
    size = f" · {output.width}×{output.height}" if output.width and output.height else ""
    return f"{name}{size}"


def _fitted(size: QSize, area: QRectF) -> QRectF:
    """The largest rect of size's aspect ratio centred in area."""
    if size.width() <= 0 or size.height() <= 0:
        return area
    scale = min(area.width() / size.width(), area.height() / size.height())
    width, height = size.width() * scale, size.height() * scale
    return QRectF(
        area.left() + (area.width() - width) / 2,
        area.top() + (area.height() - height) / 2,
        width,
        height,
    )
