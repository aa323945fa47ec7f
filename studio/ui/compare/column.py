"""One column of results: the model, its status and time taken, its result (a synced picture, a
video frame, a waveform or a transcript), the verdict, and what can be done with it.

Signals:
    verdict_requested(int column, object Verdict) — Winner or Reject was toggled.
    use_requested(object Job) — "Use this one".
    retry_requested(int column) — Retry (a failed job again, or a column not sent).
    request_requested(int column) — "Show request".
    send_requested(object Job) — "Send to…" (the hook for the Send to… menu).
    solo_requested(int column) — this column's audio should be the one heard.
    picture_loaded(int column) — its picture is decoded and shown.
"""

from __future__ import annotations

import asyncio
import functools
import math
from typing import TYPE_CHECKING, Final

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from studio.core import media
from studio.core.compare import Verdict
from studio.core.jobs import JobStatus
from studio.ui.background import spawn_if_running
from studio.ui.compare.audio_sync import AlignedWaveform
from studio.ui.compare.elided_label import ElidedLabel
from studio.ui.compare.images import SyncedCanvas
from studio.ui.compare.video_sync import FrameView
from studio.ui.i18n.core_words import duration_text
from studio.ui.job_preview import preview_items
from studio.ui.pixels import pixmap_of
from studio.ui.preview.saving import SaveAsFlow
from studio.ui.theme import ERROR, SUCCESS, WARNING, follow_theme, pick

if TYPE_CHECKING:
    from datetime import datetime
    from pathlib import Path

    from PySide6.QtGui import QPixmap

    from studio.core.jobs import Job

RETRYABLE: Final = frozenset(
    {JobStatus.FAILED, JobStatus.TIMEOUT, JobStatus.CANCELED, JobStatus.UNKNOWN, JobStatus.LOST}
)
_BODY_MIN: Final = QSize(200, 140)


class ResultColumn(QFrame):
    """Follows one entry of a comparison round; see the module docstring for signals."""

    verdict_requested = Signal(int, object)
    use_requested = Signal(object)
    retry_requested = Signal(int)
    request_requested = Signal(int)
    send_requested = Signal(object)
    solo_requested = Signal(int)
    picture_loaded = Signal(int)

    def __init__(
        self, index: int, title: str, label: str, capability: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.index = index
        self.capability = capability
        self.job: Job | None = None
        self.verdict = Verdict.NONE
        self._shown_output: object = None
        self._picture_size = QSize()
        self._pixmap: QPixmap | None = None
        self._dark = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # so the results' keys work after a click
        self.setMinimumWidth(230)
        self.title_label = ElidedLabel(title, self)
        bold = QFont(self.title_label.font())
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.variant_label = ElidedLabel(label, self)
        self.variant_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.variant_label.setVisible(bool(label))
        self.status_label = ElidedLabel(self.tr("Sending…"), self)
        self.verdict_label = QLabel(self)
        # Always there, empty or not, so every column's result starts at the same height.
        self.verdict_label.setFixedHeight(self.verdict_label.fontMetrics().height() + 2)
        self.detail_label = self._wrapping_label()
        self.detail_label.hide()
        self.placeholder = self._wrapping_label()
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.canvas = SyncedCanvas(self)
        self.frame_view = FrameView(self)
        self.waveform = AlignedWaveform(self)
        self.text_view = QPlainTextEdit(self)
        self.text_view.setReadOnly(True)
        self.body = QStackedWidget(self)
        self.body.setMinimumSize(_BODY_MIN)
        for widget in (self.placeholder, self.canvas, self.frame_view, self.waveform,
                       self.text_view):  # fmt: skip
            self.body.addWidget(widget)
        self._make_buttons()
        self._lay_out()
        self._saver = SaveAsFlow(self)
        follow_theme(self._restyle)

    def _wrapping_label(self) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # errors come from the server
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        return label

    def _button(self, text: str, tip: str, *, checkable: bool = False) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setCheckable(checkable)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _make_buttons(self) -> None:
        self.winner_button = self._button(self.tr("★ Winner"), self.tr("Mark as the winner"),
                                          checkable=True)  # fmt: skip
        self.reject_button = self._button(self.tr("✕ Reject"), self.tr("Mark as rejected"),
                                          checkable=True)  # fmt: skip
        self.use_button = self._button(
            self.tr("Use this one"),
            self.tr("Open this model with these exact settings in Create, and show the result "
                    "in the preview"),
        )  # fmt: skip
        self.retry_button = self._button(self.tr("Retry"), self.tr("Run this column again"))
        self.request_button = self._button(
            self.tr("Show request"), self.tr("The exact body sent to this model")
        )
        self.save_button = self._button(self.tr("Save…"), self.tr("Save the result as a file"))
        self.send_button = self._button(
            self.tr("Send to…"), self.tr("Use this result as the input of another model")
        )
        self.mute_button = self._button(
            self.tr("Muted"), self.tr("Sound of this column on or off"), checkable=True
        )
        self.mute_button.toggled.connect(self._on_mute_toggled)
        self.mute_button.setChecked(True)
        self.solo_button = self._button(
            self.tr("Solo"), self.tr("Hear this column (keeps the position)"), checkable=True
        )
        self.winner_button.clicked.connect(lambda on: self._ask_verdict(Verdict.WINNER, on))
        self.reject_button.clicked.connect(lambda on: self._ask_verdict(Verdict.REJECTED, on))
        self.use_button.clicked.connect(self._on_use_clicked)
        self.retry_button.clicked.connect(lambda: self.retry_requested.emit(self.index))
        self.request_button.clicked.connect(lambda: self.request_requested.emit(self.index))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.send_button.clicked.connect(self._on_send_clicked)
        self.solo_button.clicked.connect(lambda: self.solo_requested.emit(self.index))
        self.mute_button.setVisible(self.capability == "video")
        self.solo_button.setVisible(self.capability == "audio")

    def _lay_out(self) -> None:
        buttons = QGridLayout()
        buttons.setSpacing(2)
        first = (self.winner_button, self.reject_button, self.use_button, self.mute_button,
                 self.solo_button)  # fmt: skip
        second = (self.retry_button, self.request_button, self.save_button, self.send_button)
        for row, group in enumerate((first, second)):
            for column, button in enumerate(group):
                buttons.addWidget(button, row, column)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(3)
        for widget in (self.title_label, self.variant_label, self.status_label,
                       self.verdict_label):  # fmt: skip
            layout.addWidget(widget)
        layout.addWidget(self.detail_label)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # --- what the results view calls -----------------------------------------------------------

    def show_not_sent(self, reason: str) -> None:
        """Nothing was sent for this column; say why, and keep Retry."""
        self.job = None
        self.status_label.setText(self.tr("Not sent"))
        self._show_detail(reason, "warning")
        self.placeholder.setText("")
        self.body.setCurrentWidget(self.placeholder)
        self._update_buttons(retry=True)

    def show_sending(self) -> None:
        self.status_label.setText(self.tr("Sending…"))
        self._show_detail("")
        self.body.setCurrentWidget(self.placeholder)
        self._update_buttons()

    def show_job(self, job: Job, now: datetime | None = None) -> None:
        self.job = job
        self.status_label.setText(self.status_text(job, now))
        if job.status is JobStatus.SUCCEEDED:
            self._show_detail("")
            self._show_result(job)
        elif job.status.is_settled:
            self._show_detail(job.error or self.status_text(job, now), "error")
            self.placeholder.setText(self.tr("No result."))
            self.body.setCurrentWidget(self.placeholder)
        else:
            self._show_detail("")
            self.placeholder.setText(self.tr("Waiting for the result…"))
            self.body.setCurrentWidget(self.placeholder)
        self._update_buttons()

    def refresh_elapsed(self, now: datetime) -> None:
        if self.job is not None and self.job.status.is_running:
            self.status_label.setText(self.status_text(self.job, now))

    def set_verdict(self, verdict: Verdict) -> None:
        self.verdict = verdict
        self.winner_button.setChecked(verdict is Verdict.WINNER)
        self.reject_button.setChecked(verdict is Verdict.REJECTED)
        words = {Verdict.WINNER: self.tr("★ Winner"), Verdict.REJECTED: self.tr("✕ Rejected")}
        self.verdict_label.setText(words.get(verdict, ""))
        self.setProperty("verdict", verdict.value)
        self._restyle(self._dark)

    def set_solo(self, solo: bool) -> None:
        self.solo_button.setChecked(solo)

    def picture(self) -> tuple[QPixmap | None, QSize]:
        """The decoded picture shown (for the wipe) and its own pixel size."""
        return self._pixmap, QSize(self._picture_size)

    def status_text(self, job: Job, now: datetime | None = None) -> str:
        elapsed = job.elapsed_s(now)
        took = duration_text(elapsed) if elapsed is not None else ""
        if job.status is JobStatus.SUCCEEDED:
            return self.tr("Done · took %1").replace("%1", took) if took else self.tr("Done")
        if job.is_waiting_locally:
            return self.tr("Waiting")
        word = {
            JobStatus.SUBMITTING: self.tr("Sending"),
            JobStatus.QUEUED: self.tr("Queued"),
            JobStatus.PROCESSING: self.tr("Running"),
            JobStatus.FAILED: self.tr("Failed"),
            JobStatus.TIMEOUT: self.tr("Timed out"),
            JobStatus.CANCELED: self.tr("Canceled"),
            JobStatus.UNKNOWN: self.tr("Unknown: the server never answered"),
            JobStatus.LOST: self.tr("Lost: the server no longer knows this task"),
        }[job.status]
        if job.status.is_running and took:
            return f"{word} · {took}"
        return f"{word} · {took}" if took and job.status in RETRYABLE else word

    # --- the result ------------------------------------------------------------------------------

    def _show_result(self, job: Job) -> None:
        items = preview_items(job)
        first = items[0] if items else None
        key = (job.local_id, first)
        if key == self._shown_output:
            return  # the same snapshot again: keep the view (and any playing media) as it is
        self._shown_output = key
        if first is None:
            self.placeholder.setText(self.tr("The model returned no output."))
            self.body.setCurrentWidget(self.placeholder)
        elif first.kind == "text" or self.capability == "transcribe":
            self.text_view.setPlainText(first.text or "")
            self.body.setCurrentWidget(self.text_view)
        elif first.path is None:
            self.placeholder.setText(first.text or self.tr("Not downloaded."))
            self.body.setCurrentWidget(self.placeholder)
        elif first.kind == "image":
            self._load_picture(first.path)
        elif first.kind == "video":
            self.body.setCurrentWidget(self.frame_view)
        else:
            self.body.setCurrentWidget(self.waveform)

    def result_path(self) -> Path | None:
        """The first output's file, once the job succeeded and it is downloaded."""
        if self.job is None or self.job.status is not JobStatus.SUCCEEDED:
            return None
        return next((out.path for out in self.job.outputs if out.path is not None), None)

    def _load_picture(self, path: Path) -> None:
        self.placeholder.setText(self.tr("Loading…"))
        self.body.setCurrentWidget(self.placeholder)
        screen = self.screen()
        ratio = screen.devicePixelRatio()
        box = (math.ceil(screen.size().width() * ratio), math.ceil(screen.size().height() * ratio))
        work = functools.partial(media.decode_preview, path, box)
        spawn_if_running(self._decode(work), key=(self, "decode"), on_error=self._on_decode_failed)

    async def _decode(self, work: functools.partial[media.DecodeResult | None]) -> None:
        # The worker gets a path and returns plain pixels; the pixmap is made here.
        result = await asyncio.to_thread(work)
        if result is None or not shiboken6.isValid(self):
            return
        if isinstance(result, media.DecodeFailure):
            self._on_decode_failed(result.message)
            return
        self._picture_size = QSize(result.source_width, result.source_height)
        self._pixmap = pixmap_of(result)
        self.canvas.set_picture(self._pixmap, self._picture_size, has_alpha=result.has_alpha)
        self.body.setCurrentWidget(self.canvas)
        self.status_label.setText(
            f"{self.status_label.text()} · {result.source_width} × {result.source_height}"
        )
        self.picture_loaded.emit(self.index)

    def _on_decode_failed(self, message: str) -> None:
        if shiboken6.isValid(self):
            self.placeholder.setText(message)
            self.body.setCurrentWidget(self.placeholder)

    # --- buttons ---------------------------------------------------------------------------------

    def _update_buttons(self, *, retry: bool = False) -> None:
        job = self.job
        done = job is not None and job.status is JobStatus.SUCCEEDED
        for button in (self.winner_button, self.reject_button, self.use_button, self.save_button,
                       self.send_button):  # fmt: skip
            button.setEnabled(done)
        self.retry_button.setVisible(retry or (job is not None and job.status in RETRYABLE))
        self.request_button.setEnabled(job is not None)

    def _on_mute_toggled(self, muted: bool) -> None:
        self.mute_button.setText(self.tr("Muted") if muted else self.tr("Sound on"))

    def _ask_verdict(self, verdict: Verdict, on: bool) -> None:
        self.verdict_requested.emit(self.index, verdict if on else Verdict.NONE)

    def _on_use_clicked(self) -> None:
        if self.job is not None and self.job.status is JobStatus.SUCCEEDED:
            self.use_requested.emit(self.job)

    def _on_send_clicked(self) -> None:
        if self.job is not None and self.job.status is JobStatus.SUCCEEDED:
            self.send_requested.emit(self.job)

    def _on_save_clicked(self) -> None:
        items = preview_items(self.job) if self.job is not None else []
        if items:
            self._saver.start(items[0])

    def _show_detail(self, text: str, level: str = "error") -> None:
        self.detail_label.setProperty("level", level)
        self.detail_label.setText(text)
        self.detail_label.setVisible(bool(text))
        self._restyle(self._dark)

    def _restyle(self, dark: bool) -> None:
        self._dark = dark
        colours = {"error": ERROR, "warning": WARNING}.get(str(self.detail_label.property("level")))
        self.detail_label.setStyleSheet(f"color: {pick(colours, dark)};" if colours else "")
        verdict = self.property("verdict")
        colour = {"winner": SUCCESS, "rejected": ERROR}.get(str(verdict))
        self.verdict_label.setStyleSheet(
            f"color: {pick(colour, dark)}; font-weight: bold;" if colour else ""
        )
        # The winner's frame is drawn in its colour.
        self.setStyleSheet(
            f"ResultColumn {{ border: 2px solid {pick(SUCCESS, dark)}; border-radius: 4px; }}"
            if verdict == "winner" else ""
        )  # fmt: skip
