"""Paints a queue row: endpoint, prompt excerpt, status pill, elapsed time, ETA, error, warning."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPalette,
)
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)
from typing_extensions import override

from studio.core.jobs import Job, JobStatus
from studio.ui.queue.model import JobRole, QueueRole, status_label, status_label_key
from studio.ui.theme import readable_on

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
}
PILL_WIDTH = 92
PADDING = 8


WARNING_COLOUR = "#c99a06"
PILL_CONTRAST_ON_BASE = 6.0
WARNING_GLYPH = "⚠"
MIN_TEXT_CONTRAST = 4.5  # WCAG AA for body text


def tone(hex_colour: str, palette: QPalette) -> QColor:
    """``hex_colour`` shifted so it stays readable on this palette's base colour."""
    colour = QColor(hex_colour)
    base = palette.color(QPalette.ColorRole.Base)
    shifted = colour.lighter(135) if base.lightness() < 128 else colour.darker(115)
    # 6:1 on the bare base keeps 4.5:1 on a status pill, whose tint darkens the ground.
    return readable_on(shifted, base, PILL_CONTRAST_ON_BASE)


def status_colour(job: Job, palette: QPalette) -> QColor:
    return tone(_STATUS_COLOURS[job.status], palette)


def warning_colour(palette: QPalette) -> QColor:
    """Amber, pushed darker (light palette) or lighter (dark) until it is legible on the rows."""
    base = palette.color(QPalette.ColorRole.Base)
    # Plain amber on white is ~3:1, too faint for a line of text.
    return readable_on(tone(WARNING_COLOUR, palette), base, MIN_TEXT_CONTRAST)


class QueueDelegate(QStyledItemDelegate):
    """Three-line rows of equal height: pill + name + time / prompt / detail or error."""

    @override
    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        return QSize(320, 3 * option.fontMetrics.lineSpacing() + 2 * PADDING + 4)

    @override
    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        job = index.data(JobRole)
        if not isinstance(job, Job):
            return
        painter.save()
        self._paint_background(painter, option, index)
        separator = QColor(option.palette.color(QPalette.ColorRole.PlaceholderText))
        separator.setAlpha(50)
        painter.setPen(separator)
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        line = option.fontMetrics.lineSpacing()
        rows = [
            QRect(rect.left(), rect.top() + i * (line + 2), rect.width(), line) for i in range(3)
        ]
        self._paint_pill(painter, option, job, QRect(rows[0].topLeft(), QSize(PILL_WIDTH, line)))
        self._paint_title(
            painter, option, index, job, rows[0].adjusted(PILL_WIDTH + PADDING, 0, 0, 0)
        )
        prompt = str(index.data(QueueRole.PROMPT) or "")
        canceled = job.status is JobStatus.CANCELED
        self._paint_line(painter, option, rows[1], prompt, self._secondary(option), italic=canceled)
        warning = str(index.data(QueueRole.WARNING) or "")
        # The glyph says "warning" to those who cannot tell amber from the other colours.
        detail = (
            f"{WARNING_GLYPH} {warning}" if warning else str(index.data(QueueRole.DETAIL) or "")
        )
        colour = self._detail_colour(option, job, warned=bool(warning))
        self._paint_line(painter, option, rows[2], detail, colour)
        painter.restore()

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
        self, painter: QPainter, option: QStyleOptionViewItem, job: Job, rect: QRect
    ) -> None:
        colour = status_colour(job, option.palette)
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
        glyph = _GLYPHS.get(status_label_key(job), "")
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, f"{glyph} {status_label(job)}")

    def _paint_title(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        job: Job,
        rect: QRect,
    ) -> None:
        timing = "  ·  ".join(
            t for t in (index.data(QueueRole.ELAPSED), index.data(QueueRole.ETA)) if t
        )
        painter.setFont(option.font)
        timing_width = painter.fontMetrics().horizontalAdvance(timing) if timing else 0
        painter.setPen(self._secondary(option))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, timing)
        name_rect = rect.adjusted(0, 0, -(timing_width + PADDING), 0)
        bold = QFont(option.font)
        bold.setBold(True)
        bold.setItalic(job.status is JobStatus.CANCELED)
        painter.setFont(bold)
        painter.setPen(self._primary(option, job))
        name = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        elided = painter.fontMetrics().elidedText(
            name, Qt.TextElideMode.ElideMiddle, name_rect.width()
        )
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(name_rect, left, elided)

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
