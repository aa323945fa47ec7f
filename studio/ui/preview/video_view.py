"""Video preview: QVideoWidget with transport controls, plus a frame counter for tests and stats."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtMultimedia import QAudioOutput, QMediaDevices, QMediaPlayer, QVideoFrame
from PySide6.QtMultimediaWidgets import QVideoWidget
from PySide6.QtWidgets import QLabel, QStackedLayout, QVBoxLayout, QWidget
from typing_extensions import override

from studio.ui.preview.transport import MediaTransport

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QKeyEvent


class VideoView(QWidget):
    """Plays one local video file. Space toggles play/pause while the view has focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.player = QMediaPlayer(self)
        self.audio_output = QAudioOutput(self)
        # With no sound device, no audio output (until one appears): the player's audio thread
        # would only log that there is none, and a Python log handler (pytest-qt's) then needed
        # the interpreter the GUI thread held while stop() waited for that thread: a deadlock.
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(self._attach_audio)
        self._attach_audio()
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
        # The widget's own sink: player.setVideoSink() would detach the QVideoWidget.
        self.video_widget.videoSink().videoFrameChanged.connect(self._on_sink_frame)
        self.player.errorOccurred.connect(self._on_player_error)

    def load(self, path: Path, *, autoplay: bool = False) -> None:
        self.stop()
        self._frames = 0
        self._frame_size = QSize()
        self._stack.setCurrentWidget(self.video_widget)
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        if autoplay:
            self.player.play()

    def stop(self) -> None:
        """Stop and release the file, so nothing plays or holds it open in the background.
        Without a file, nothing to do: each call waits for the player's own threads while the
        interpreter stays held (the preview stops its media at every output it shows, images
        too: ~300 such waits in a busy queue of 200 tasks, make bench)."""
        if not self.player.source().isEmpty():
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

    def _attach_audio(self) -> None:
        if self.player.audioOutput() is None and QMediaDevices.audioOutputs():
            self.player.setAudioOutput(self.audio_output)

    def _on_sink_frame(self, frame: QVideoFrame) -> None:
        if frame.isValid():
            self._frames += 1
            self._frame_size = frame.size()

    def _on_player_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        reason = message or self.tr("unknown error")
        self._message.setText(self.tr("Cannot play this video: %1").replace("%1", reason))
        self._stack.setCurrentWidget(self._message)
