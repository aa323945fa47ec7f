"""One model's column in a comparison: its name, status, first output and "Use this one"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from studio.core.jobs import Job, JobStatus, format_duration
from studio.ui.compare.elided_label import ElidedLabel
from studio.ui.compare.fitted_image import FittedImage
from studio.ui.job_preview import preview_items
from studio.ui.preview import PreviewItem, PreviewKind, PreviewPane
from studio.ui.queue.model import status_label
from studio.ui.theme import ERROR, WARNING, follow_theme, pick

if TYPE_CHECKING:
    from datetime import datetime

    from studio.core.api import Endpoint

_LEVEL_COLOURS = {"error": ERROR, "warning": WARNING}


def status_text(job: Job, now: datetime | None = None) -> str:
    """The column's status line: the state word and how long it has taken so far."""
    elapsed = job.elapsed_s(now)
    if job.status is JobStatus.SUCCEEDED:
        took = f" · took {format_duration(elapsed)}" if elapsed is not None else ""
        extra = len(job.outputs) - 1
        more = f" · +{extra} more in the gallery" if extra > 0 else ""
        return f"Done{took}{more}"
    if job.status.is_running and elapsed is not None:
        return f"{status_label(job)} · {format_duration(elapsed)}"
    return status_label(job)


class CompareColumn(QFrame):
    """Follows one job of a comparison; the panel feeds it snapshots and clock ticks.

    Signals:
        use_requested(Job): "Use this one" was pressed under a finished result.
    """

    use_requested = Signal(object)

    def __init__(self, endpoint: Endpoint, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.endpoint = endpoint
        self.job: Job | None = None
        self._shown_output: str | None = None
        self._dark = False
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(220)
        self.name_label = ElidedLabel(endpoint.name or endpoint.slug, self)
        bold = QFont(self.name_label.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.15)
        self.name_label.setFont(bold)
        self.slug_label = ElidedLabel(endpoint.slug, self)
        self.slug_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.status_label = ElidedLabel("Loading the model's settings…", self)
        self.detail_label = self._label("")
        self.detail_label.hide()
        self.notes_label = self._label("", muted=True)
        self.notes_label.hide()
        self.placeholder = self._label("")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.image_view = FittedImage(self)
        self.pane: PreviewPane | None = None  # made on first video/audio/text output
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.image_view)
        self.use_button = QPushButton("Use this one", self)
        self.use_button.setToolTip("Open this model with these exact settings in Create")
        self.use_button.setEnabled(False)
        self.use_button.clicked.connect(self._on_use_clicked)
        self._lay_out()
        follow_theme(self._restyle)

    def _label(self, text: str, *, muted: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setTextFormat(Qt.TextFormat.PlainText)  # model names and errors come from the server
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        if muted:
            label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        return label

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        for label in (self.name_label, self.slug_label, self.status_label):
            layout.addWidget(label)
        layout.addWidget(self.detail_label)
        layout.addSpacing(4)
        layout.addWidget(self.stack, 1)
        # Below the result, so results of different models start at the same height.
        layout.addWidget(self.notes_label)
        layout.addWidget(self.use_button)

    # --- what the panel calls --------------------------------------------------------------------

    @property
    def is_running(self) -> bool:
        return self.job is not None and self.job.status.is_running

    def set_notes(self, notes: tuple[str, ...]) -> None:
        """Shared settings this model could not take, said once under the status."""
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))

    def show_skipped(self, reason: str) -> None:
        """This model was not sent anything; say why, plainly."""
        self.status_label.setText("Not sent")
        self._show_detail(reason, level="warning")
        self.placeholder.setText("")
        self.stack.setCurrentWidget(self.placeholder)
        self.use_button.hide()

    def show_job(self, job: Job, now: datetime | None = None) -> None:
        self.job = job
        status = status_text(job, now)
        self.use_button.setEnabled(job.status is JobStatus.SUCCEEDED)
        if job.status is JobStatus.SUCCEEDED:
            self._show_detail("")
            self._show_result(job)
            if self.stack.currentWidget() is self.image_view:
                status = f"{status} · {self.image_view.size_text()}"
        elif job.status.is_settled:
            self._show_detail(job.error or f"The task ended: {status_label(job).lower()}.")
            self.placeholder.setText("No result.")
            self.stack.setCurrentWidget(self.placeholder)
        else:
            self.placeholder.setText("Waiting for the result…")
            self.stack.setCurrentWidget(self.placeholder)
        self.status_label.setText(status)

    def refresh_elapsed(self, now: datetime) -> None:
        if self.job is not None and self.job.status.is_running:
            self.status_label.setText(status_text(self.job, now))

    def release(self) -> None:
        """Stop any playing media before the column goes away."""
        if self.pane is not None:
            self.pane.clear()

    # --- internals -------------------------------------------------------------------------------

    def _show_detail(self, text: str, *, level: str = "error") -> None:
        self.detail_label.setProperty("level", level)
        self.detail_label.setText(text)
        self.detail_label.setVisible(bool(text))
        self._restyle(self._dark)

    def _show_result(self, job: Job) -> None:
        items = preview_items(job)
        first = items[0] if items else None
        key = f"{job.local_id}:{first.path if first else ''}:{first.text if first else ''}"
        if key == self._shown_output:
            return  # the same snapshot again: keep the view (and any playing media) as it is
        self._shown_output = key
        if first is None:
            self.placeholder.setText("The model returned no output.")
            self.stack.setCurrentWidget(self.placeholder)
        elif first.kind == PreviewKind.IMAGE and first.path is not None:
            self._show_image(first)
        else:
            self._show_in_pane(first)

    def _show_image(self, item: PreviewItem) -> None:
        assert item.path is not None
        problem = self.image_view.load(item.path)
        if problem:
            self.placeholder.setText(problem)
            self.stack.setCurrentWidget(self.placeholder)
            return
        self.stack.setCurrentWidget(self.image_view)

    def _show_in_pane(self, item: PreviewItem) -> None:
        if self.pane is None:
            # Several videos side by side must not all start talking at once.
            self.pane = PreviewPane(self, autoplay_video=False)
            self.pane.title_label.hide()  # the column's own header already names the model
            self.stack.addWidget(self.pane)
        self.pane.show_outputs([item])
        self.stack.setCurrentWidget(self.pane)

    def _on_use_clicked(self) -> None:
        if self.job is not None and self.job.status is JobStatus.SUCCEEDED:
            self.use_requested.emit(self.job)

    def _restyle(self, dark: bool) -> None:
        self._dark = dark
        colours = _LEVEL_COLOURS.get(str(self.detail_label.property("level")))
        self.detail_label.setStyleSheet(f"color: {pick(colours, dark)};" if colours else "")
