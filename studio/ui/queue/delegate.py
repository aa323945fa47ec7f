"""Paints a queue row: thumbnail, status pill, endpoint, prompt, elapsed time, ETA, problems."""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)
from typing_extensions import override

from studio.core.jobs import Job, JobStatus
from studio.ui.queue.model import JobRole, QueueModel, QueueRole, RowWords
from studio.ui.raster import fill_rect
from studio.ui.theme import readable_on
from studio.ui.thumbnails import thumb_key

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from studio.ui.thumbnails import ThumbnailLoader

_STATUS_COLOURS = {
    JobStatus.SUBMITTING: "#7d8590",
    JobStatus.QUEUED: "#7d8590",
    JobStatus.PROCESSING: "#2f7bd8",
    JobStatus.SUCCEEDED: "#2e9d57",
    JobStatus.FAILED: "#d64545",
    JobStatus.TIMEOUT: "#e07b22",
    JobStatus.CANCELED: "#7d8590",
    JobStatus.UNKNOWN: "#c99a06",
    JobStatus.LOST: "#c99a06",
    JobStatus.CONTACT_LOST: "#c99a06",
}
_GLYPHS = {
    "Waiting": "…",
    "Sending": "↑",
    "Queued": "○",
    "Running": "●",
    "Saving": "↓",
    "Done": "✓",
    "Failed": "✕",
    "Timed out": "◷",
    "Canceled": "⊘",
    "Unknown": "?",
    "Lost": "⚠",
    "No contact": "⚠",
    "Paused": "⏸",
}
PAUSED_COLOUR = "#7d8590"
PILL_WIDTH = 92
PADDING = 8
COMPACT_PADDING = 3
# Rows take the list's width; a hint wider than a narrow queue (a 1024-pixel window) would
# scroll sideways and cut off the time.
ROW_MIN_WIDTH = 160
COMPACT_GLYPH_BELOW = 360  # a compact row narrower than this shows only the status glyph


WARNING_COLOUR = "#c99a06"
PILL_CONTRAST_ON_BASE = 6.0
WARNING_GLYPH = "⚠"
MIN_TEXT_CONTRAST = 4.5  # WCAG AA for body text
# Painted rows kept as pixmaps, at most this many pixels in all (~12 MB): a few screenfuls.
ROW_CACHE_PIXELS = 3_000_000
# A paint draws rows anew for this long; a changed row past it shows its last drawing for one
# more turn of the loop (a busy queue changed several rows at once, and each took 2-6 ms to draw
# while worker threads ran: paints of 20 ms and more, make bench queue_stall).
PAINT_BUDGET_S = 0.004
LAST_KEYS = 2000  # jobs whose last drawing is remembered (far more rows than a screen holds)


def tone(hex_colour: str, palette: QPalette) -> QColor:
    """``hex_colour`` shifted so it stays readable on this palette's base colour."""
    base = palette.color(QPalette.ColorRole.Base)
    key = (hex_colour, base.rgba())
    toned = _TONES.get(key)
    if toned is None:  # the contrast search takes dozens of steps; a row paints several tones
        colour = QColor(hex_colour)
        shifted = colour.lighter(135) if base.lightness() < 128 else colour.darker(115)
        # 6:1 on the bare base keeps 4.5:1 on a status pill, whose tint darkens the ground.
        toned = _TONES[key] = readable_on(shifted, base, PILL_CONTRAST_ON_BASE)
    return QColor(toned)


_TONES: dict[tuple[str, int], QColor] = {}


def status_colour(job: Job, palette: QPalette) -> QColor:
    return tone(_STATUS_COLOURS[job.status], palette)


def warning_colour(palette: QPalette) -> QColor:
    """Amber, pushed darker (light palette) or lighter (dark) until it is legible on the rows."""
    base = palette.color(QPalette.ColorRole.Base)
    # Plain amber on white is ~3:1, too faint for a line of text.
    return readable_on(tone(WARNING_COLOUR, palette), base, MIN_TEXT_CONTRAST)


class QueueDelegate(QStyledItemDelegate):
    """Rows of equal height with a thumbnail of a finished row's first output.

    Normal: three lines — pill, name and time / prompt / detail or error. Compact (``compact``):
    one line — pill, name, prompt (or the problem) and time — so about three times as many fit.
    Thumbnails come from ``thumbnails`` (the gallery's loader); a missing one is asked for and
    ``thumbnail_wanted`` remembers which keys this list waits for.

    A painted row is kept as a pixmap under everything it shows (texts, state, size, palette,
    thumbnail): the list repaints every row in view each second while tasks run, and after
    every new row or scroll, yet most rows look the same as last time. Drawing one pixmap
    instead of ~30 text and path calls keeps such a repaint short even when other threads hold
    the GIL between those calls.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.compact = False
        self.thumbnails: ThumbnailLoader | None = None
        self.thumbnail_wanted: set[str] = set()
        self._rows: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()  # oldest first
        self._row_pixels = 0
        # The key of each job's row as last drawn, newest last, LAST_KEYS at most.
        self._last_key: OrderedDict[str, tuple[object, ...]] = OrderedDict()
        self._paint_began: float | None = None  # None: no budget (outside the list's paint)
        self._late: set[str] = set()  # rows shown as last drawn in this paint, by local id
        self.rows_painted = 0  # rows drawn anew rather than from the cache (tests read it)

    def begin_paint(self) -> None:
        """The list starts a paint: its budget for drawing rows anew (PAINT_BUDGET_S) starts."""
        self._paint_began = time.perf_counter()
        self._late.clear()

    def end_paint(self) -> set[str]:
        """The paint is over; the rows (local ids) it showed as last drawn, to paint again."""
        self._paint_began = None
        late, self._late = self._late, set()
        return late

    @override
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        line = option.fontMetrics.lineSpacing()
        if self.compact:
            return QSize(ROW_MIN_WIDTH, line + 2 * COMPACT_PADDING + 2)
        return QSize(ROW_MIN_WIDTH, 3 * line + 2 * PADDING + 4)

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        job = _data(index, JobRole)
        words = _data(index, QueueRole.WORDS)
        if not isinstance(job, Job) or not isinstance(words, RowWords) or option.rect.isEmpty():
            return
        thumbnail = self._thumbnail(_data(index, QueueRole.THUMBNAIL))  # asks for a missing one
        key = self._row_key(option, job, words, thumbnail=thumbnail)
        pixmap = self._rows.get(key)
        began = self._paint_began
        if pixmap is None and began is not None and time.perf_counter() - began > PAINT_BUDGET_S:
            key = self._last_drawing(job.local_id, option.rect.size()) or key
            pixmap = self._rows.get(key)
            if pixmap is not None:
                self._late.add(job.local_id)
        if pixmap is None:
            pixmap = self._render(painter, option, index, job, words, thumbnail=thumbnail)
            self._keep(key, pixmap)
            self._last_key[job.local_id] = key
            self._last_key.move_to_end(job.local_id)
            if len(self._last_key) > LAST_KEYS:
                self._last_key.popitem(last=False)
        else:
            self._rows.move_to_end(key)
        painter.drawPixmap(option.rect.topLeft(), pixmap)

    def _last_drawing(self, local_id: str, size: QSize) -> tuple[object, ...] | None:
        """The key of the row as last drawn, if that drawing is kept and has this size."""
        key = self._last_key.get(local_id)
        pixmap = self._rows.get(key) if key is not None else None
        if pixmap is None or pixmap.deviceIndependentSize().toSize() != size:
            return None
        return key

    def _row_key(
        self,
        option: QStyleOptionViewItem,
        job: Job,
        words: RowWords,
        *,
        thumbnail: QPixmap | None,
    ) -> tuple[object, ...]:
        """Everything a row's pixels depend on: rows with equal keys paint alike."""
        widget = option.widget
        return (
            self.compact,
            option.rect.width(),
            option.rect.height(),
            int(option.state.value),
            int(option.features.value),
            option.palette.cacheKey(),
            option.font.key(),
            id(widget.style()) if widget is not None else 0,
            job.status,
            bool(job.error),
            words,
            thumbnail.cacheKey() if thumbnail is not None else 0,
        )

    def _render(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        job: Job,
        words: RowWords,
        *,
        thumbnail: QPixmap | None,
    ) -> QPixmap:
        """The row painted onto a pixmap of its size, at the device's pixel ratio."""
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        size = option.rect.size()
        pixmap = QPixmap(size * ratio)
        pixmap.setDevicePixelRatio(ratio)
        # The list's own ground first: text then keeps the antialiasing it has on the list.
        pixmap.fill(option.palette.color(QPalette.ColorRole.Base))
        local = QStyleOptionViewItem(option)
        local.rect = QRect(QPoint(0, 0), size)
        row_painter = QPainter(pixmap)
        try:
            self._paint_row(row_painter, local, index, job, words, thumbnail=thumbnail)
        finally:
            row_painter.end()
        self.rows_painted += 1
        return pixmap

    def kept_rows(self) -> int:
        """How many painted rows are kept."""
        return len(self._rows)

    def _keep(self, key: tuple[object, ...], pixmap: QPixmap) -> None:
        self._rows[key] = pixmap
        self._row_pixels += pixmap.width() * pixmap.height()
        while self._row_pixels > ROW_CACHE_PIXELS and len(self._rows) > 1:
            _, old = self._rows.popitem(last=False)
            self._row_pixels -= old.width() * old.height()

    def _paint_row(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        job: Job,
        words: RowWords,
        *,
        thumbnail: QPixmap | None,
    ) -> None:
        painter.save()
        self._paint_background(painter, option, index)
        separator = QColor(option.palette.color(QPalette.ColorRole.PlaceholderText))
        separator.setAlpha(50)
        # The bottom row of pixels, filled: the same pixels as a 1-pixel line, ~40 times faster.
        bottom = option.rect
        fill_rect(painter, QRect(bottom.left(), bottom.bottom(), bottom.width(), 1), separator)
        padding = COMPACT_PADDING if self.compact else PADDING
        rect = option.rect.adjusted(padding, padding, -padding, -padding)
        side = rect.height()
        self._paint_thumbnail(painter, option, thumbnail, QRect(rect.topLeft(), QSize(side, side)))
        rect.setLeft(rect.left() + side + padding)
        if self.compact:
            self._paint_compact(painter, option, job, words, rect)
        else:
            self._paint_full(painter, option, job, words, rect)
        painter.restore()

    def _paint_full(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        job: Job,
        words: RowWords,
        rect: QRect,
    ) -> None:
        line = option.fontMetrics.lineSpacing()
        rows = [
            QRect(rect.left(), rect.top() + i * (line + 2), rect.width(), line) for i in range(3)
        ]
        pill = QRect(rows[0].topLeft(), QSize(PILL_WIDTH, line))
        self._paint_pill(painter, option, job, words, pill)
        title = rows[0].adjusted(PILL_WIDTH + PADDING, 0, 0, 0)
        self._paint_title(painter, option, job, words, title)
        canceled = job.status is JobStatus.CANCELED
        secondary = self._secondary(option)
        self._paint_line(painter, option, rows[1], words.prompt, secondary, italic=canceled)
        detail, colour = self._detail(option, job, words)
        self._paint_line(painter, option, rows[2], detail, colour)

    def _paint_compact(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        job: Job,
        words: RowWords,
        rect: QRect,
    ) -> None:
        pill = QRect(rect.topLeft(), QSize(PILL_WIDTH, rect.height()))
        if rect.width() < COMPACT_GLYPH_BELOW:  # narrow: the glyph alone (the tooltip says it all)
            pill.setWidth(2 * rect.height())
        self._paint_pill(painter, option, job, words, pill)
        rest = rect.adjusted(pill.width() + PADDING, 0, 0, 0)
        name_right = self._paint_title(painter, option, job, words, rest, name_share=0.45)
        # The problem when there is one (in its colour), else the prompt.
        detail, colour = self._detail(option, job, words)
        warned = bool(words.warning) or bool(job.error)
        text = detail if warned else words.prompt
        colour = colour if warned else self._secondary(option)
        line = QRect(name_right + PADDING, rest.top(), 0, rest.height())
        line.setRight(rest.right() - self._timing_width(painter, option, words) - PADDING)
        self._paint_line(painter, option, line, text, colour)

    def _detail(
        self, option: QStyleOptionViewItem, job: Job, words: RowWords
    ) -> tuple[str, QColor]:
        warning = words.warning
        # The glyph says "warning" to those who cannot tell amber from the other colours.
        detail = f"{WARNING_GLYPH} {warning}" if warning else words.detail
        return detail, self._detail_colour(option, job, warned=bool(warning))

    def _paint_thumbnail(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        pixmap: QPixmap | None,
        rect: QRect,
    ) -> None:
        ground = QColor(option.palette.color(QPalette.ColorRole.PlaceholderText))
        ground.setAlpha(40)
        radius = max(2.0, rect.height() / 10)
        path = QPainterPath()
        path.addRoundedRect(rect.toRectF(), radius, radius)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillPath(path, ground)
        if pixmap is None or pixmap.isNull():
            return
        # Cropped to a square, as the gallery's tiles are.
        size = pixmap.size()
        side = min(size.width(), size.height())
        source = QRect((size.width() - side) // 2, (size.height() - side) // 2, side, side)
        painter.save()
        painter.setClipPath(path)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawPixmap(rect, pixmap, source)
        painter.restore()

    def _thumbnail(self, wanted: object) -> QPixmap | None:
        if self.thumbnails is None or not isinstance(wanted, tuple):
            return None
        path, kind = wanted
        key = thumb_key(path)
        found = self.thumbnails.pixmap(key)
        if found is None and not self.thumbnails.has_failed(key):
            self.thumbnail_wanted.add(key)
            self.thumbnails.request(key, path, kind)
        return found

    def _paint_background(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

    def _paint_pill(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        job: Job,
        words: RowWords,
        rect: QRect,
    ) -> None:
        paused = words.paused
        colour = (
            tone(PAUSED_COLOUR, option.palette) if paused else status_colour(job, option.palette)
        )
        fill = QColor(colour)
        fill.setAlpha(48)
        if self._selected(option):  # a tinted pill would vanish into the highlight
            fill = option.palette.color(QPalette.ColorRole.Base)
        path = QPainterPath()
        path.addRoundedRect(rect.adjusted(0, 1, 0, -1), rect.height() / 2, rect.height() / 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillPath(path, fill)
        font = QFont(option.font)
        font.setBold(True)
        font.setItalic(job.status is JobStatus.CANCELED)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.88))
        painter.setFont(font)
        painter.setPen(colour)
        label = words.label
        glyph = _GLYPHS.get(words.status, "")  # by the English word: label may differ
        text = f"{glyph} {label}"
        if painter.fontMetrics().horizontalAdvance(text) > rect.width():
            text = glyph or label[:1]
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_title(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        job: Job,
        words: RowWords,
        rect: QRect,
        *,
        name_share: float = 1.0,
    ) -> int:
        """Time on the right, the endpoint's name on the left (at most ``name_share`` of the
        room); returns where the name ends."""
        timing = self._timing(words)
        timing_width = self._timing_width(painter, option, words)
        painter.setFont(option.font)
        painter.setPen(self._secondary(option))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, timing)
        room = rect.width() - timing_width - PADDING
        bold = QFont(option.font)
        bold.setBold(True)
        bold.setItalic(job.status is JobStatus.CANCELED)
        painter.setFont(bold)
        painter.setPen(self._primary(option, job))
        name = words.name
        metrics = painter.fontMetrics()
        width = min(metrics.horizontalAdvance(name), max(0, int(room * name_share)))
        elided = metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, width)
        name_rect = QRect(rect.left(), rect.top(), width, rect.height())
        painter.drawText(
            name_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
        )
        return name_rect.right()

    @staticmethod
    def _timing(words: RowWords) -> str:
        return "  ·  ".join(part for part in (words.elapsed, words.eta) if part)

    def _timing_width(
        self, painter: QPainter, option: QStyleOptionViewItem, words: RowWords
    ) -> int:
        timing = self._timing(words)
        painter.setFont(option.font)
        return painter.fontMetrics().horizontalAdvance(timing) if timing else 0

    def _paint_line(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        rect: QRect,
        text: str,
        colour: QColor,
        *,
        italic: bool = False,
    ) -> None:
        font = QFont(option.font)
        font.setItalic(italic)
        painter.setFont(font)
        painter.setPen(colour)
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided)

    @staticmethod
    def _selected(option: QStyleOptionViewItem) -> bool:
        return bool(option.state & QStyle.StateFlag.State_Selected)

    def _primary(self, option: QStyleOptionViewItem, job: Job) -> QColor:
        if self._selected(option):
            return option.palette.color(QPalette.ColorRole.HighlightedText)
        if job.status is JobStatus.CANCELED:
            return option.palette.color(QPalette.ColorRole.PlaceholderText)
        return option.palette.color(QPalette.ColorRole.Text)

    def _secondary(self, option: QStyleOptionViewItem) -> QColor:
        if self._selected(option):
            return option.palette.color(QPalette.ColorRole.HighlightedText)
        return option.palette.color(QPalette.ColorRole.PlaceholderText)

    def _detail_colour(self, option: QStyleOptionViewItem, job: Job, *, warned: bool) -> QColor:
        if self._selected(option):
            return option.palette.color(QPalette.ColorRole.HighlightedText)
        if warned:
            return warning_colour(option.palette)
        if job.error:
            return status_colour(job, option.palette)
        return option.palette.color(QPalette.ColorRole.PlaceholderText)


def _data(index: QModelIndex | QPersistentModelIndex, role: int) -> Any:
    """index.data(role), asked of the queue's model in Python directly: through the index it
    crossed into C++ and back, ~20 us a call, and a row asks for a dozen roles."""
    model = index.model()
    if isinstance(model, QueueModel):
        return model.data(index, int(role))
    return index.data(role)
