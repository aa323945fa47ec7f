"""The frame picker: scrub a video, then "Use this frame", "First frame" or "Last frame".

Frames are decoded in a worker thread (PyAV, shrunk for the screen); only the newest asked-for
frame is shown. The chosen time goes out with ``frame_chosen``; the full-size PNG is made by the
session (see SendToFlow.pick_frame), never here.

Signals:
    frame_chosen(object) — seconds into the video, or None for the last frame.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from studio.core.chain import FrameError, decode_frame
from studio.core.units import human_duration
from studio.ui.background import spawn
from studio.ui.keyboard.typing_guard import guard_typing
from studio.ui.plain import plain_label

if TYPE_CHECKING:
    from studio.core.chain import Frame, Source, VideoFacts

PREVIEW_SIDE = 720


class FramePickerDialog(QDialog):
    """Scrub through one video and choose a frame of it."""

    frame_chosen = Signal(object)

    def __init__(self, video: Source, facts: VideoFacts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(
            QCoreApplication.translate("FramePicker", "Pick a frame — %1").replace("%1", video.name)
        )
        self._video = video
        self._facts = facts
        self._step_ms = max(1, round(1000 / facts.frame_rate))
        self._shown_at: float | None = None
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(480, 270)
        self.picture.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, max(0, round(facts.duration_s * 1000) - 1))
        self.slider.setSingleStep(self._step_ms)
        self.slider.setPageStep(1000)
        self.time_label = plain_label(wrap=False)
        self.first_button = QPushButton(QCoreApplication.translate("FramePicker", "First frame"))
        self.last_button = QPushButton(QCoreApplication.translate("FramePicker", "Last frame"))
        self.use_button = QPushButton(QCoreApplication.translate("FramePicker", "Use this frame"))
        self.use_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.slider, 1)
        row.addWidget(self.time_label)
        actions = QHBoxLayout()
        for button in (self.first_button, self.last_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.use_button)
        actions.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addLayout(row)
        layout.addWidget(
            plain_label(
                QCoreApplication.translate(
                    "FramePicker", "←/→ one frame, Home/End the first or last"
                ),
                small=True,
            )
        )
        layout.addLayout(actions)
        self.slider.valueChanged.connect(self._on_slider_value_changed)
        self.first_button.clicked.connect(lambda: self._choose(0.0))
        self.last_button.clicked.connect(lambda: self._choose(None))
        self.use_button.clicked.connect(lambda: self._choose(self.position_s()))
        back = QCoreApplication.translate("FramePicker", "One frame back")
        on = QCoreApplication.translate("FramePicker", "One frame on")
        for keys, delta, what in (("Left", -1, back), ("Right", 1, on)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setWhatsThis(what)  # the shortcut sheet lists it
            shortcut.activated.connect(lambda d=delta: self.step(d))
        guard_typing(self)
        self.resize(760, 560)
        self._show_time()
        self._load(0.0)

    def position_s(self) -> float:
        return self.slider.value() / 1000

    def shown_at(self) -> float | None:
        """The time of the frame on show (None until the first arrives)."""
        return self._shown_at

    def step(self, frames: int) -> None:
        self.slider.setValue(self.slider.value() + frames * self._step_ms)

    def _choose(self, at_s: float | None) -> None:
        self.frame_chosen.emit(at_s)
        self.accept()

    def _on_slider_value_changed(self, _value: int) -> None:
        self._show_time()
        self._load(self.position_s())

    def _show_time(self) -> None:
        total = human_duration(self._facts.duration_s)
        self.time_label.setText(f"{self.position_s():.2f} s / {total}")

    def _load(self, at_s: float) -> None:
        spawn(self._decode(at_s), key=(self, "frame"), on_error=self._show_problem)

    async def _decode(self, at_s: float) -> None:
        path = self._video.file
        if path is None:
            return
        try:
            frame = await asyncio.to_thread(decode_frame, path, at_s, PREVIEW_SIDE)
        except FrameError as error:
            self._show_problem(str(error))
            return
        if shiboken6.isValid(self):
            self._show(frame)

    def _show(self, frame: Frame) -> None:
        image = QImage(
            frame.pixels, frame.width, frame.height, frame.width * 3, QImage.Format.Format_RGB888
        ).copy()
        pixmap = QPixmap.fromImage(image)
        self.picture.setPixmap(
            pixmap.scaled(
                self.picture.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self._shown_at = frame.timestamp_s

    def _show_problem(self, text: str) -> None:
        if shiboken6.isValid(self):
            self.picture.setText(text)
