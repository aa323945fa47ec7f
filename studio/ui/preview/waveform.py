"""Waveform bars of an audio file: played part in the palette Highlight, click or drag to seek."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from studio.ui.preview.transport import format_clock

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QMouseEvent, QPaintEvent

    from studio.core.media import WaveformPeaks

BAR_WIDTH = 2
BAR_GAP = 1
MIN_BAR_HEIGHT = 2.0
VERTICAL_MARGIN = 6


def bar_heights(peaks: Sequence[float], bars: int) -> list[float]:
    """Reduce `peaks` to `bars` values, each the max of its share (so short spikes stay visible)."""
    if bars <= 0 or not peaks:
        return []
    count = len(peaks)
    result = []
    for index in range(bars):
        start = index * count // bars
        end = max((index + 1) * count // bars, start + 1)
        result.append(max(peaks[start:end]))
    return result


class WaveformWidget(QWidget):
    """Signals: seek_requested(float) — a fraction 0..1 of the duration, from a click or drag."""

    seek_requested = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._peaks: WaveformPeaks | None = None
        self._message = ""
        self._duration_ms = 0
        self._position_ms = 0
        self._hover_x: float | None = None
        self.setMouseTracking(True)
        self.setMinimumHeight(48)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    @override
    def sizeHint(self) -> QSize:
        return QSize(480, 96)

    def peaks(self) -> WaveformPeaks | None:
        return self._peaks

    def message(self) -> str:
        return self._message

    def set_peaks(self, peaks: WaveformPeaks | None) -> None:
        self._peaks = peaks
        self._message = ""
        if peaks is not None and self._duration_ms <= 0:
            self._duration_ms = round(peaks.duration_s * 1000)
        self.update()

    def set_message(self, text: str) -> None:
        """Shown instead of bars, e.g. while decoding or when the file cannot be decoded."""
        self._peaks = None
        self._message = text
        self.update()

    def set_duration_ms(self, duration: int) -> None:
        if duration > 0:
            self._duration_ms = duration
            self.update()

    def set_position_ms(self, position: int) -> None:
        self._position_ms = position
        self.update()

    def reset(self) -> None:
        self._peaks = None
        self._message = ""
        self._duration_ms = 0
        self._position_ms = 0
        self.update()

    def played_fraction(self) -> float:
        if self._duration_ms <= 0:
            return 0.0
        return min(max(self._position_ms / self._duration_ms, 0.0), 1.0)

    # -- painting ------------------------------------------------------------------------------

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Base))
            if self._peaks is None or not self._peaks.peaks:
                self._paint_message(painter)
            else:
                self._paint_bars(painter, self._peaks.peaks)
                self._paint_hover(painter)
        finally:
            painter.end()

    def _paint_message(self, painter: QPainter) -> None:
        painter.setPen(self._muted_colour())
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._message)

    def _paint_bars(self, painter: QPainter, peaks: Sequence[float]) -> None:
        pitch = BAR_WIDTH + BAR_GAP
        heights = bar_heights(peaks, max(self.width() // pitch, 1))
        played_x = self.played_fraction() * self.width()
        middle = self.height() / 2
        usable = self.height() - 2 * VERTICAL_MARGIN
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        rest = self._muted_colour()
        painter.setPen(Qt.PenStyle.NoPen)
        for index, value in enumerate(heights):
            x = index * pitch
            height = max(value * usable, MIN_BAR_HEIGHT)
            painter.setBrush(accent if x + BAR_WIDTH / 2 <= played_x else rest)
            painter.drawRoundedRect(QRectF(x, middle - height / 2, BAR_WIDTH, height), 1, 1)
        if self._position_ms > 0:
            painter.fillRect(QRectF(played_x - 0.5, 0, 1.5, self.height()), accent)

    def _paint_hover(self, painter: QPainter) -> None:
        if self._hover_x is None or self._duration_ms <= 0:
            return
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        colour.setAlpha(110)
        painter.fillRect(QRectF(self._hover_x, 0, 1, self.height()), colour)
        painter.setPen(colour)
        label = format_clock(round(self._hover_x / max(self.width(), 1) * self._duration_ms))
        box = QRectF(self._hover_x + 4, 0, 60, self.fontMetrics().height() + 2)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)

    def _muted_colour(self) -> QColor:
        colour = self.palette().color(QPalette.ColorRole.WindowText)
        colour.setAlpha(95)
        return colour

    # -- mouse ---------------------------------------------------------------------------------

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._peaks is not None:
            self._request_seek(event.position().x())
            event.accept()
        else:
            super().mousePressEvent(event)

    @override
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._hover_x = event.position().x()
        if event.buttons() & Qt.MouseButton.LeftButton and self._peaks is not None:
            self._request_seek(self._hover_x)
        self.update()

    @override
    def leaveEvent(self, event: QEvent) -> None:
        self._hover_x = None
        self.update()

    def _request_seek(self, x: float) -> None:
        fraction = min(max(x / max(self.width(), 1), 0.0), 1.0)
        self._position_ms = round(fraction * self._duration_ms)
        self.seek_requested.emit(fraction)
        self.update()
