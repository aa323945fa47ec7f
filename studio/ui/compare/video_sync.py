"""Videos that play as one: a poster (the first frame) before play, one transport for every column,
each column's own mute, and a column shorter than the others holding its last frame.

The longest video is the clock; the others follow it and are pulled back to it when they drift
more than two frames while playing. After a seek or a frame step every player is paused at the
same time (or at its own end, when it is shorter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QObject, QRect, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtMultimedia import QAudioOutput, QMediaMetaData, QMediaPlayer, QVideoSink
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QPaintEvent
    from PySide6.QtMultimedia import QVideoFrame

DEFAULT_FRAME_MS: Final = 1000 / 24
DRIFT_FRAMES: Final = 2
_PLAYING = QMediaPlayer.PlaybackState.PlayingState
_STOPPED = QMediaPlayer.PlaybackState.StoppedState


class FrameView(QWidget):
    """Paints the newest valid frame it was given, fitted and top-aligned; an empty frame (the
    end of the file, a stop) leaves the last one up, which is what "hold" means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)
        self._image = QImage()
        self._frames = 0

    def show_frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        image = frame.toImage()
        if not image.isNull():
            self._image = image
            self._frames += 1
            self.update()

    def has_frame(self) -> bool:
        return not self._image.isNull()

    def frames_shown(self) -> int:
        return self._frames

    def image(self) -> QImage:
        return QImage(self._image)

    def clear(self) -> None:
        self._image = QImage()
        self.update()

    @override
    def sizeHint(self) -> QSize:
        return QSize(320, 180)

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(
                self.rect(), self.palette().color(QPalette.ColorRole.Window).darker(125)
            )
            if self._image.isNull():
                return
            size = self._image.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            area = QRect((self.width() - size.width()) // 2, 0, size.width(), size.height())
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.drawImage(area, self._image)
        finally:
            painter.end()


class VideoLane(QObject):
    """One column's player: its frames go to `view`, its sound to its own (mutable) output."""

    def __init__(self, view: FrameView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.player = QMediaPlayer(self)
        self.audio = QAudioOutput(self)
        self.audio.setMuted(True)
        self.player.setAudioOutput(self.audio)
        self.sink = QVideoSink(self)
        self.player.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(view.show_frame)
        self.player.mediaStatusChanged.connect(self._on_player_media_status_changed)
        self._poster_wanted = False

    def load(self, path: Path) -> None:
        """Open the file; its first frame shows as the poster once it is loaded."""
        self._poster_wanted = True
        self.player.setSource(QUrl.fromLocalFile(str(path)))

    def release(self) -> None:
        self.player.stop()
        self.player.setSource(QUrl())

    def duration(self) -> int:
        return max(self.player.duration(), 0)

    def position(self) -> int:
        return self.player.position()

    def frame_ms(self) -> float:
        rate = self.player.metaData().value(QMediaMetaData.Key.VideoFrameRate)
        return (
            1000 / float(rate) if isinstance(rate, int | float) and rate > 0 else DEFAULT_FRAME_MS
        )

    def is_loaded(self) -> bool:
        return self.duration() > 0

    def seek(self, ms: int) -> None:
        """To `ms`, or to the last frame when the video is shorter."""
        if self.player.playbackState() == _STOPPED:
            self.player.pause()  # a stopped player shows nothing after a seek
        self.player.setPosition(min(max(ms, 0), self.duration()))

    def _on_player_media_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._poster_wanted:
            self._poster_wanted = False
            if self.player.playbackState() == _STOPPED:
                self.player.pause()  # decodes and shows the first frame: the poster


class VideoSync(QObject):
    """One clock for every VideoLane.

    Signals: position_changed(int) ms; duration_changed(int) ms (the longest);
    playing_changed(bool).
    """

    position_changed = Signal(int)
    duration_changed = Signal(int)
    playing_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lanes: list[VideoLane] = []
        self._playing = False
        self._loop = False
        self._rate = 1.0

    def add(self, lane: VideoLane) -> None:
        self._lanes.append(lane)
        lane.player.positionChanged.connect(lambda ms, lane=lane: self._on_position(lane, ms))
        lane.player.durationChanged.connect(self._on_duration)
        lane.player.mediaStatusChanged.connect(
            lambda status, lane=lane: self._on_status(lane, status)
        )
        lane.player.setPlaybackRate(self._rate)

    def clear(self) -> None:
        for lane in self._lanes:
            lane.release()
            lane.deleteLater()
        self._lanes = []
        self._set_playing(False)

    def lanes(self) -> list[VideoLane]:
        return list(self._lanes)

    def clock(self) -> VideoLane | None:
        """The longest loaded video (None until one is loaded)."""
        loaded = [lane for lane in self._lanes if lane.is_loaded()]
        return max(loaded, key=VideoLane.duration) if loaded else None

    def duration(self) -> int:
        clock = self.clock()
        return clock.duration() if clock is not None else 0

    def position(self) -> int:
        clock = self.clock()
        return clock.position() if clock is not None else 0

    def positions(self) -> list[int]:
        return [lane.position() for lane in self._lanes]

    def frame_ms(self) -> float:
        clock = self.clock()
        return clock.frame_ms() if clock is not None else DEFAULT_FRAME_MS

    def is_playing(self) -> bool:
        return self._playing

    # --- the transport -------------------------------------------------------------------------

    def play(self) -> None:
        clock = self.clock()
        if clock is None:
            return
        start = clock.position()
        if start >= clock.duration() - self.frame_ms():
            start = 0
        self._set_playing(True)
        self.seek(start)

    def pause(self) -> None:
        self._set_playing(False)
        position = self.position()
        for lane in self._lanes:
            lane.player.pause()
        self.seek(position)

    def toggle(self) -> None:
        if self._playing:
            self.pause()
        else:
            self.play()

    def seek(self, ms: int) -> None:
        """Every lane to `ms`, or to its own end when shorter (where it holds its last frame);
        while playing, the lanes that reach `ms` play on from there."""
        for lane in self._lanes:
            if not lane.is_loaded():
                continue
            lane_playing = lane.player.playbackState() == _PLAYING
            if self._playing and ms < lane.duration() - lane.frame_ms():
                lane.seek(ms)
                if not lane_playing:
                    lane.player.play()
            else:
                if lane_playing:
                    lane.player.pause()
                lane.seek(ms)
        self.position_changed.emit(min(ms, self.duration()))

    def step(self, frames: int) -> None:
        """Pause, then move by whole frames of the clock's video."""
        self._set_playing(False)
        target = round(self.position() + frames * self.frame_ms())
        for lane in self._lanes:
            lane.player.pause()
        self.seek(min(max(target, 0), self.duration()))

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

    # --- following the clock ---------------------------------------------------------------------

    def _on_position(self, lane: VideoLane, ms: int) -> None:
        if lane is not self.clock():
            return
        self.position_changed.emit(ms)
        if not self._playing:
            return
        tolerance = DRIFT_FRAMES * self.frame_ms()
        for other in self._lanes:
            if other is lane or not other.is_loaded():
                continue
            if other.player.playbackState() == _PLAYING and abs(other.position() - ms) > tolerance:
                other.player.setPosition(min(ms, other.duration()))

    def _on_duration(self, _ms: int) -> None:
        self.duration_changed.emit(self.duration())

    def _on_status(self, lane: VideoLane, status: QMediaPlayer.MediaStatus) -> None:
        if status != QMediaPlayer.MediaStatus.EndOfMedia or lane is not self.clock():
            return
        if self._playing and self._loop:
            self.seek(0)
            for other in self._lanes:
                if other.is_loaded():
                    other.player.play()
        elif self._playing:
            self._set_playing(False)

    def _set_playing(self, playing: bool) -> None:
        if playing != self._playing:
            self._playing = playing
            self.playing_changed.emit(playing)
