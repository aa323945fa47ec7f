"""Video preview: QVideoWidget with transport controls, plus a frame counter for tests and stats.

Before the first play it shows a poster frame from early in the clip, and at the end it keeps the
last frame up instead of the black the player leaves behind.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget
from typing_extensions import override

from studio.ui.preview.transport import MediaTransport

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QKeyEvent

# The poster is taken this far in, or at a quarter of a shorter clip (frame 0 is often black).
POSTER_MS = 1000


class VideoView(QWidget):
    """Plays one local video file. Space toggles play/pause while the view has focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.player = QMediaPlayer(self)
        self.audio_output = QAudioOutput(self)
        self.player.setAudioOutput(self.audio_output)
        self.video_widget = QVideoWidget(self)
        self.video_widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.player.setVideoOutput(self.video_widget)
        self.transport = MediaTransport(self.player, self.audio_output, self)
        self._message = QLabel(self)
        self._message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._message.setWordWrap(True)
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._stack = QStackedLayout()
        self._stack.addWidget(self.video_widget)
        self._stack.addWidget(self._message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(self._stack, 1)
        layout.addWidget(self.transport)
        self._frames = 0
        self._frame_size = QSize()
        self._last_frame = QVideoFrame()
        self._wants_poster = False
        # The widget's own sink: player.setVideoSink() would detach the QVideoWidget.
        self.video_widget.videoSink().videoFrameChanged.connect(self._on_sink_frame)
        self.player.errorOccurred.connect(self._on_player_error)
        self.player.mediaStatusChanged.connect(self._on_media_status_changed)

    def load(self, path: Path, *, autoplay: bool = False) -> None:
        self.stop()
        self._frames = 0
        self._frame_size = QSize()
        self._stack.setCurrentWidget(self.video_widget)
        self._wants_poster = not autoplay
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        if autoplay:
            self.player.play()

    def stop(self) -> None:
        """Stop and release the file, so nothing plays or holds it open in the background."""
        self._wants_poster = False
        self._last_frame = QVideoFrame()
        self.player.stop()
        self.player.setSource(QUrl())
        self.transport.reset()

    def pause(self) -> None:
        self.player.pause()

    def duration_ms(self) -> int:
        return self.player.duration()

    def frames_seen(self) -> int:
        """Valid frames delivered to the video widget since the last load()."""
        return self._frames

    def last_frame_size(self) -> QSize:
        return QSize(self._frame_size)

    def error_text(self) -> str:
        return self._message.text() if self._stack.currentWidget() is self._message else ""

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space:
            self.transport.toggle_play()
        else:
            super().keyPressEvent(event)

    def shown_frame(self) -> QVideoFrame:
        """The frame the video widget displays now (invalid when it is black)."""
        return self.video_widget.videoSink().videoFrame()

    def _on_sink_frame(self, frame: QVideoFrame) -> None:
        if frame.isValid():
            if frame != self._last_frame:  # not our own re-show of the last frame
                self._frames += 1
                self._frame_size = frame.size()
                self._last_frame = frame
        elif self.player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia:
            self._show_last_frame()

    def _on_media_status_changed(self, status: QMediaPlayer.MediaStatus) -> None:
        if status == QMediaPlayer.MediaStatus.LoadedMedia and self._wants_poster:
            self._show_poster()
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._show_last_frame()

    def _show_poster(self) -> None:
        self._wants_poster = False
        if self.player.playbackState() != QMediaPlayer.PlaybackState.StoppedState:
            return  # the user pressed play before the file finished loading
        # Pausing a stopped player decodes the frame at its position without playing on.
        self.player.setPosition(min(POSTER_MS, max(self.player.duration(), 0) // 4))
        self.player.pause()
        self.transport.hold_at_start()

    def _show_last_frame(self) -> None:
        # The player blanks its output at the end; put the final picture back up.
        if self._last_frame.isValid():
            self.video_widget.videoSink().setVideoFrame(self._last_frame)

    def _on_player_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        self._message.setText(f"Cannot play this video: {message or 'unknown error'}")
        self._stack.setCurrentWidget(self._message)
