"""Audio results heard one at a time: a solo switch moves playback to another column at the same
position, and every waveform is drawn on one time scale so the same moment lines up."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Final

import shiboken6
from PySide6.QtCore import QObject, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from studio.core.media import compute_peaks
from studio.ui.background import spawn_if_running
from studio.ui.preview.waveform import bar_heights

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from PySide6.QtGui import QMouseEvent, QPaintEvent

BUCKETS: Final = 800
STEP_MS: Final = 100  # a "frame" of audio for the step buttons
_PLAYING = QMediaPlayer.PlaybackState.PlayingState


class AlignedWaveform(QWidget):
    """Bars over the shared timeline: a file half as long as the longest fills half the width.

    Signals: seek_requested(int) — ms on the shared timeline, from a click.
    """

    seek_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(60)
        self._peaks: Sequence[float] = ()
        self._duration = 0
        self._timeline = 0
        self._position = 0
        self._active = False
        self._message = ""

    def set_peaks(self, peaks: Sequence[float]) -> None:
        self._peaks, self._message = peaks, ""
        self.update()

    def set_message(self, text: str) -> None:
        self._message = text
        self.update()

    def set_times(self, duration: int, timeline: int) -> None:
        self._duration, self._timeline = duration, timeline
        self.update()

    def set_position(self, ms: int) -> None:
        self._position = ms
        self.update()

    def set_active(self, active: bool) -> None:
        self._active = active
        self.update()

    def extent(self) -> float:
        """How much of the width this file's bars take (its share of the timeline)."""
        return min(self._duration / self._timeline, 1.0) if self._timeline > 0 else 1.0

    def playhead_x(self) -> float:
        return self._position / self._timeline * self.width() if self._timeline > 0 else 0.0

    @override
    def sizeHint(self) -> QSize:
        return QSize(320, 90)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            palette = self.palette()
            painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
            if not self._peaks:
                painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
                painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._message)
                return
            accent = palette.color(QPalette.ColorRole.Highlight)
            rest = QColor(palette.color(QPalette.ColorRole.WindowText))
            rest.setAlpha(200 if self._active else 90)
            width = self.width() * self.extent()
            heights = bar_heights(self._peaks, max(int(width) // 3, 1))
            middle, usable = self.height() / 2, self.height() - 12
            played = self.playhead_x()
            painter.setPen(Qt.PenStyle.NoPen)
            for index, value in enumerate(heights):
                x = index * 3
                height = max(value * usable, 2.0)
                painter.setBrush(accent if self._active and x <= played else rest)
                painter.drawRect(QRectF(x, middle - height / 2, 2, height))
            painter.fillRect(QRectF(played - 0.5, 0, 1.5, self.height()), accent)
        finally:
            painter.end()

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._timeline > 0:
            fraction = min(max(event.position().x() / max(self.width(), 1), 0.0), 1.0)
            self.seek_requested.emit(round(fraction * self._timeline))
            event.accept()
        else:
            super().mousePressEvent(event)


class AudioLane(QObject):
    """One column's player and waveform."""

    def __init__(self, waveform: AlignedWaveform, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.waveform = waveform
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.player.setAudioOutput(self.audio)

    def load(self, path: Path) -> None:
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self.waveform.set_message(self.tr("Reading waveform…"))
        spawn_if_running(self._peaks(path), key=(self, "peaks"), on_error=self._on_failed)

    async def _peaks(self, path: Path) -> None:
        peaks = await asyncio.to_thread(compute_peaks, path, BUCKETS)
        if shiboken6.isValid(self.waveform):
            self.waveform.set_peaks(peaks.peaks)

    def _on_failed(self, message: str) -> None:
        if shiboken6.isValid(self.waveform):
            self.waveform.set_message(self.tr("No waveform: %1").replace("%1", message))

    def release(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())

    def duration(self) -> int:
        return max(self.player.duration(), 0)

    def position(self) -> int:
        return self.player.position()


class AudioSync(QObject):
    """One transport over every AudioLane, one lane heard at a time (the solo).

    Signals: position_changed(int); duration_changed(int) (the longest); playing_changed(bool);
    solo_changed(int) — the column now heard.
    """

    position_changed = Signal(int)
    duration_changed = Signal(int)
    playing_changed = Signal(bool)
    solo_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lanes: list[AudioLane] = []
        self._solo = 0
        self._playing = False
        self._loop = False
        self._rate = 1.0

    def add(self, lane: AudioLane) -> None:
        index = len(self._lanes)
        self._lanes.append(lane)
        lane.player.setPlaybackRate(self._rate)
        lane.player.positionChanged.connect(lambda ms, i=index: self._on_position(i, ms))
        lane.player.durationChanged.connect(self._on_duration)
        lane.player.mediaStatusChanged.connect(lambda s, i=index: self._on_status(i, s))
        lane.waveform.seek_requested.connect(self.seek)
        lane.waveform.set_active(index == self._solo)

    def clear(self) -> None:
        for lane in self._lanes:
            lane.release()
            lane.deleteLater()
        self._lanes = []
        self._solo = 0
        self._set_playing(False)

    def lanes(self) -> list[AudioLane]:
        return list(self._lanes)

    def solo(self) -> int:
        return self._solo

    def set_solo(self, index: int) -> None:
        """Hear column `index` from where the one heard now is (or its end, if shorter)."""
        if not 0 <= index < len(self._lanes) or index == self._solo:
            return
        old, new = self._lanes[self._solo], self._lanes[index]
        position = old.position()
        old.player.pause()
        self._solo = index
        new.player.setPosition(min(position, new.duration()) if new.duration() else position)
        if self._playing:
            new.player.play()
        for number, lane in enumerate(self._lanes):
            lane.waveform.set_active(number == index)
        self.solo_changed.emit(index)

    def duration(self) -> int:
        return max((lane.duration() for lane in self._lanes), default=0)

    def position(self) -> int:
        return self._lanes[self._solo].position() if self._lanes else 0

    def frame_ms(self) -> float:
        return STEP_MS

    def is_playing(self) -> bool:
        return self._playing

    def play(self) -> None:
        if not self._lanes:
            return
        lane = self._lanes[self._solo]
        if lane.position() >= lane.duration() - STEP_MS:
            lane.player.setPosition(0)
        lane.player.play()
        self._set_playing(True)

    def pause(self) -> None:
        if self._lanes:
            self._lanes[self._solo].player.pause()
        self._set_playing(False)

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        if not self._lanes:
            return
        lane = self._lanes[self._solo]
        lane.player.setPosition(min(max(ms, 0), lane.duration() or ms))
        self._show_position(lane.player.position())

    def step(self, frames: int) -> None:
        self.pause()
        self.seek(self.position() + frames * STEP_MS)

    def set_loop(self, loop: bool) -> None:
        self._loop = loop

    def loops(self) -> bool:
        return self._loop

    def set_rate(self, rate: float) -> None:
        self._rate = rate
        for lane in self._lanes:
            lane.player.setPlaybackRate(rate)

    def rate(self) -> float:
        return self._rate

    def _on_position(self, index: int, ms: int) -> None:
        if index == self._solo:
            self._show_position(ms)

    def _show_position(self, ms: int) -> None:
        for lane in self._lanes:
            lane.waveform.set_position(ms)
        self.position_changed.emit(ms)

    def _on_duration(self, _ms: int) -> None:
        timeline = self.duration()
        for lane in self._lanes:
            lane.waveform.set_times(lane.duration(), timeline)
        self.duration_changed.emit(timeline)

    def _on_status(self, index: int, status: QMediaPlayer.MediaStatus) -> None:
        if index != self._solo or status != QMediaPlayer.MediaStatus.EndOfMedia:
            return
        if self._playing and self._loop:
            lane = self._lanes[index]
            lane.player.setPosition(0)
            lane.player.play()
        else:
            self._set_playing(False)

    def _set_playing(self, playing: bool) -> None:
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)
