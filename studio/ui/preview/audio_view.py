"""Audio preview: a waveform decoded off the GUI thread, transport controls and click-to-seek."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QPalette
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from typing_extensions import override

from studio.core.media import WaveformError, WaveformPeaks, compute_peaks
from studio.ui.background import spawn_if_running
from studio.ui.i18n.core_words import size_text
from studio.ui.preview.transport import MediaTransport
from studio.ui.preview.waveform import WaveformWidget

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtGui import QKeyEvent

# Enough for a sharp waveform on a wide screen; the widget reduces them to its bar count.
WAVEFORM_BUCKETS = 1200
WAVEFORM_MAX_HEIGHT = 160


class AudioView(QWidget):
    """Plays one local audio file over its waveform. Space toggles play/pause while focused."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.player = QMediaPlayer(self)
        self.audio_output = QAudioOutput(self)
        self.player.setAudioOutput(self.audio_output)
        self.waveform = WaveformWidget(self)
        self.waveform.setMaximumHeight(WAVEFORM_MAX_HEIGHT)
        self.transport = MediaTransport(self.player, self.audio_output, self)
        self._info_label = QLabel(self)
        self._info_label.setTextFormat(Qt.TextFormat.PlainText)
        self._info_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self._info_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addStretch(1)
        layout.addWidget(self.waveform, 2)
        layout.addWidget(self.transport)
        layout.addWidget(self._info_label)
        layout.addStretch(1)
        self._peaks_task: asyncio.Task[object] | None = None
        self._path: Path | None = None
        self.waveform.seek_requested.connect(self._on_waveform_seek_requested)
        self.player.positionChanged.connect(self.waveform.set_position_ms)
        self.player.durationChanged.connect(self.waveform.set_duration_ms)
        self.player.errorOccurred.connect(self._on_player_error)

    def load(self, path: Path, *, autoplay: bool = False) -> None:
        self.stop()
        self._path = path
        self.waveform.reset()
        self._info_label.setText(self._describe(path, None))
        self.player.setSource(QUrl.fromLocalFile(str(path)))
        self._start_peaks(path)
        if autoplay:
            self.player.play()

    def stop(self) -> None:
        """Stop playback, drop the file and forget any waveform still being decoded."""
        self._cancel_peaks()
        if not self.player.source().isEmpty():  # else nothing to stop (see VideoView.stop)
            self.player.stop()
            self.player.setSource(QUrl())
        self.transport.reset()
        self.waveform.reset()
        self._path = None

    def pause(self) -> None:
        self.player.pause()

    def duration_ms(self) -> int:
        return self.player.duration()

    def peaks(self) -> WaveformPeaks | None:
        return self.waveform.peaks()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space:
            self.transport.toggle_play()
        else:
            super().keyPressEvent(event)

    # -- waveform decoding ---------------------------------------------------------------------

    def _start_peaks(self, path: Path) -> None:
        # Without the app's loop (plain synchronous use) it plays without a waveform.
        self._peaks_task = spawn_if_running(
            self._load_peaks(path),
            key=(self, "peaks"),
            on_error=lambda message: self._on_peaks_failed(path, message),
        )
        if self._peaks_task is not None:
            self.waveform.set_message(self.tr("Reading waveform…"))

    def _cancel_peaks(self) -> None:
        if self._peaks_task is not None:
            self._peaks_task.cancel()
            self._peaks_task = None

    async def _load_peaks(self, path: Path) -> None:
        try:
            # The worker gets a path and returns plain data; it never touches a Qt object.
            peaks = await asyncio.to_thread(compute_peaks, path, WAVEFORM_BUCKETS)
        except (WaveformError, OSError) as exc:
            self._on_peaks_failed(path, str(exc))
            return
        if shiboken6.isValid(self) and self._path == path:
            self.waveform.set_peaks(peaks)
            self._info_label.setText(self._describe(path, peaks))
            self._peaks_task = None

    def _on_peaks_failed(self, path: Path, message: str) -> None:
        if shiboken6.isValid(self) and self._path == path:
            self.waveform.set_message(self.tr("No waveform: %1").replace("%1", message))

    # -- slots ---------------------------------------------------------------------------------

    def _on_waveform_seek_requested(self, fraction: float) -> None:
        duration = self.player.duration()
        if duration > 0:
            self.player.setPosition(round(fraction * duration))

    def _on_player_error(self, _error: QMediaPlayer.Error, message: str) -> None:
        reason = message or self.tr("unknown error")
        self._info_label.setText(self.tr("Cannot play this file: %1").replace("%1", reason))

    @staticmethod
    def _describe(path: Path, peaks: WaveformPeaks | None) -> str:
        parts = [path.suffix.lstrip(".").upper()]
        if peaks is not None:
            parts.append(f"{peaks.sample_rate / 1000:g} kHz")
        with contextlib.suppress(OSError):
            parts.append(size_text(path.stat().st_size))
        return " · ".join(part for part in parts if part)
