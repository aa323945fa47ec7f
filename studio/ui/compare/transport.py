"""The one transport over every column: play/pause, seek, frame step, loop and speed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Protocol

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from studio.ui.preview.media_icons import MediaGlyph, media_icon
from studio.ui.preview.transport import SeekSlider, format_clock

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

RATES: Final = (0.25, 0.5, 1.0, 1.5, 2.0)


class Clock(Protocol):
    """What the transport drives (VideoSync, AudioSync)."""

    position_changed: SignalInstance
    duration_changed: SignalInstance
    playing_changed: SignalInstance

    def play(self) -> None: ...
    def pause(self) -> None: ...
    def toggle(self) -> None: ...
    def seek(self, ms: int) -> None: ...
    def step(self, frames: int) -> None: ...
    def set_loop(self, loop: bool) -> None: ...
    def set_rate(self, rate: float) -> None: ...
    def position(self) -> int: ...
    def duration(self) -> int: ...
    def is_playing(self) -> bool: ...


class SyncTransport(QWidget):
    """Controls bound to one Clock at a time (``bind``); Space, ← and → work in the results."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock: Clock | None = None
        self.play_button = self._button(self.tr("Play / pause all (Space)"))
        self.back_button = self._button(self.tr("One frame back (←)"), "◀|")
        self.forward_button = self._button(self.tr("One frame forward (→)"), "|▶")
        self.slider = SeekSlider(self)
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.time_label = QLabel(self)
        self.time_label.setMinimumWidth(
            self.time_label.fontMetrics().horizontalAdvance("00:00.0 / 00:00.0")
        )
        self.loop_button = self._button(self.tr("Loop"))
        self.loop_button.setCheckable(True)
        self.speed = QComboBox(self)
        self.speed.setToolTip(self.tr("Speed"))
        for rate in RATES:
            self.speed.addItem(f"{rate:g}×", rate)
        self.speed.setCurrentIndex(RATES.index(1.0))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.play_button, self.back_button, self.forward_button):
            layout.addWidget(widget)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.time_label)
        layout.addWidget(self.loop_button)
        layout.addWidget(self.speed)
        self.play_button.clicked.connect(self._on_play_clicked)
        self.back_button.clicked.connect(lambda: self._step(-1))
        self.forward_button.clicked.connect(lambda: self._step(1))
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.loop_button.toggled.connect(self._on_loop_toggled)
        self.speed.currentIndexChanged.connect(self._on_speed_changed)
        for keys, what, slot in (
            ("Space", self.tr("Play / pause every clip"), self._on_play_clicked),
            ("Left", self.tr("Every clip one frame back"), lambda: self._step(-1)),
            ("Right", self.tr("Every clip one frame forward"), lambda: self._step(1)),
        ):
            shortcut = QShortcut(QKeySequence(keys), parent or self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(what)  # the shortcut sheet lists it
            shortcut.activated.connect(slot)
        self._draw_icons(False)

    def _button(self, tip: str, text: str = "") -> QToolButton:
        button = QToolButton(self)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        if text:
            button.setText(text)
        return button

    def bind(self, clock: Clock | None) -> None:
        """Drive `clock` from now on (None: nothing); its loop and speed follow the controls."""
        if self._clock is not None:
            for signal, slot in self._connections():
                signal.disconnect(slot)
        self._clock = clock
        if clock is None:
            return
        for signal, slot in self._connections():
            signal.connect(slot)
        clock.set_loop(self.loop_button.isChecked())
        clock.set_rate(float(self.speed.currentData()))
        self._on_duration_changed(clock.duration())
        self._on_position_changed(clock.position())
        self._draw_icons(clock.is_playing())

    def _connections(self) -> list[tuple[SignalInstance, object]]:
        assert self._clock is not None
        return [
            (self._clock.position_changed, self._on_position_changed),
            (self._clock.duration_changed, self._on_duration_changed),
            (self._clock.playing_changed, self._draw_icons),
        ]

    def _on_play_clicked(self) -> None:
        if self._clock is not None:
            self._clock.toggle()

    def _step(self, frames: int) -> None:
        if self._clock is not None:
            self._clock.step(frames)

    def _on_slider_value_changed(self, value: int) -> None:
        if self._clock is not None:
            self._clock.seek(value)

    def _on_loop_toggled(self, loop: bool) -> None:
        if self._clock is not None:
            self._clock.set_loop(loop)

    def _on_speed_changed(self, _index: int) -> None:
        if self._clock is not None:
            self._clock.set_rate(float(self.speed.currentData()))

    def _on_position_changed(self, ms: int) -> None:
        if not self.slider.isSliderDown():
            with QSignalBlocker(self.slider):
                self.slider.setValue(ms)
        self._show_time(ms)

    def _on_duration_changed(self, ms: int) -> None:
        with QSignalBlocker(self.slider):
            self.slider.setRange(0, max(ms, 0))
        self._show_time(self._clock.position() if self._clock is not None else 0)

    def _show_time(self, ms: int) -> None:
        total = self._clock.duration() if self._clock is not None else 0
        self.time_label.setText(f"{_clock_text(ms)} / {_clock_text(total)}")

    def _draw_icons(self, playing: bool) -> None:
        colour = self.palette().color(QPalette.ColorRole.ButtonText)
        self.play_button.setIcon(media_icon(MediaGlyph.PAUSE if playing else MediaGlyph.PLAY,
                                            colour))  # fmt: skip
        self.loop_button.setIcon(media_icon(MediaGlyph.LOOP, colour))


def _clock_text(ms: int) -> str:
    """m:ss.t — tenths matter when stepping frame by frame."""
    return f"{format_clock(ms)}.{max(ms, 0) % 1000 // 100}"
