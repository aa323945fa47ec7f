"""Play/pause, scrub slider, time label, loop and mute controls bound to one QMediaPlayer."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSignalBlocker, Qt
from PySide6.QtGui import QPalette
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSlider,
    QStyle,
    QStyleOptionSlider,
    QToolButton,
    QWidget,
)
from typing_extensions import override

from studio.ui.preview.media_icons import MediaGlyph, media_icon
from studio.ui.theme import follow_theme

if TYPE_CHECKING:
    from PySide6.QtGui import QMouseEvent

_SEEK_PAGE_MS = 5000


def format_clock(ms: int) -> str:
    """Milliseconds as m:ss, or h:mm:ss from an hour on."""
    seconds = max(ms, 0) // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class SeekSlider(QSlider):
    """A horizontal slider that jumps to where the groove is clicked, then drags from there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def value_at(self, x: float) -> int:
        """The value whose handle centre sits at widget x (clamped to the range)."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style = self.style()
        control = QStyle.ComplexControl.CC_Slider
        groove = style.subControlRect(control, option, QStyle.SubControl.SC_SliderGroove, self)
        handle = style.subControlRect(control, option, QStyle.SubControl.SC_SliderHandle, self)
        span = groove.width() - handle.width()
        offset = round(x - groove.x() - handle.width() / 2)
        return QStyle.sliderValueFromPosition(
            self.minimum(), self.maximum(), offset, span, option.upsideDown
        )

    @override
    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Styles page-step on a groove click; moving the handle under the pointer first makes
        # the base class grab it instead, so the same press can go on as a drag.
        if event.button() == Qt.MouseButton.LeftButton and self.maximum() > self.minimum():
            self.setSliderPosition(self.value_at(event.position().x()))
        super().mousePressEvent(event)


class MediaTransport(QWidget):
    """The control row under a video or waveform; drives `player` and `audio_output` directly."""

    def __init__(
        self, player: QMediaPlayer, audio_output: QAudioOutput, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._player = player
        self._audio = audio_output
        self.play_button = self._tool_button(self.tr("Play / pause (Space)"))
        self.slider = SeekSlider(self)
        self.slider.setPageStep(_SEEK_PAGE_MS)
        self.slider.setSingleStep(1000)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.time_label = QLabel(format_clock(0) + " / " + format_clock(0), self)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        # Room for "00:00 / 00:00" so the slider does not jitter as digits change.
        self.time_label.setMinimumWidth(
            self.time_label.fontMetrics().horizontalAdvance("00:00 / 00:00")
        )
        self.loop_button = self._tool_button(self.tr("Loop"))
        self.loop_button.setCheckable(True)
        self.mute_button = self._tool_button(self.tr("Mute"))
        self.mute_button.setCheckable(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(self.play_button)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.time_label)
        layout.addWidget(self.loop_button)
        layout.addWidget(self.mute_button)
        self._connect()
        follow_theme(self._on_theme_changed)

    def _tool_button(self, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def _connect(self) -> None:
        self.play_button.clicked.connect(self.toggle_play)
        self.loop_button.toggled.connect(self._on_loop_toggled)
        self.mute_button.toggled.connect(self._on_mute_toggled)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.slider.sliderReleased.connect(self._on_slider_released)
        self._player.positionChanged.connect(self._on_player_position_changed)
        self._player.durationChanged.connect(self._on_player_duration_changed)
        self._player.playbackStateChanged.connect(self._on_player_state_changed)

    def toggle_play(self) -> None:
        if self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            self._player.pause()
            return
        if self._player.mediaStatus() == QMediaPlayer.MediaStatus.EndOfMedia:
            self._player.setPosition(0)
        self._player.play()

    def reset(self) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, 0)
        self._update_time(0, 0)

    def _on_slider_value_changed(self, value: int) -> None:
        # Only user input reaches here: player updates set the value under a signal blocker.
        # With tracking on this also seeks continuously while the handle is dragged.
        self._player.setPosition(value)

    def _on_slider_released(self) -> None:
        self._player.setPosition(self.slider.value())

    def _on_player_position_changed(self, position: int) -> None:
        self._show_position(position)

    def _show_position(self, position: int) -> None:
        if not self.slider.isSliderDown():
            with QSignalBlocker(self.slider):
                self.slider.setValue(position)
        self._update_time(position, self._player.duration())

    def _on_player_duration_changed(self, duration: int) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, max(duration, 0))
        self._update_time(self._player.position(), duration)

    def _on_player_state_changed(self, state: QMediaPlayer.PlaybackState) -> None:
        self._draw_icons()

    def _on_loop_toggled(self, looping: bool) -> None:
        self._player.setLoops(
            QMediaPlayer.Loops.Infinite.value if looping else QMediaPlayer.Loops.Once.value
        )

    def _on_mute_toggled(self, muted: bool) -> None:
        self._audio.setMuted(muted)
        self._draw_icons()

    def _on_theme_changed(self, _dark: bool) -> None:
        self._draw_icons()

    def _draw_icons(self) -> None:
        """(Re)draw every button's glyph in the current palette's button text colour."""
        colour = self.palette().color(QPalette.ColorRole.ButtonText)
        playing = self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState
        muted = self.mute_button.isChecked()
        glyphs = (
            (self.play_button, MediaGlyph.PAUSE if playing else MediaGlyph.PLAY),
            (self.loop_button, MediaGlyph.LOOP),
            (self.mute_button, MediaGlyph.MUTED if muted else MediaGlyph.VOLUME),
        )
        for button, glyph in glyphs:
            button.setIcon(media_icon(glyph, colour))

    @override
    def changeEvent(self, event: QEvent) -> None:
        # Also covers palette changes that do not go through apply_theme (e.g. a parent's).
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_icons()
        super().changeEvent(event)

    def _update_time(self, position: int, duration: int) -> None:
        self.time_label.setText(f"{format_clock(position)} / {format_clock(duration)}")
