"""The queue as Qt sees it: a list model of Job snapshots, and the words each row shows."""

from __future__ import annotations

import logging
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QUrl,
)
from typing_extensions import override

from studio.core.jobs import Job, JobStatus, utc_now
from studio.ui.chain.outputs_drag import outputs_mime
from studio.ui.i18n.core_words import (
    SAVING,
    WAITING,
    core_text,
    duration_text,
    eta_text,
    status_key,
    status_word,
)
from studio.ui.plain import plain_tooltip
from studio.ui.plural import english_plural

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from datetime import datetime


log = logging.getLogger("studio.ui")

TICK_MS = 1000


class QueueRole(IntEnum):
    """Custom data roles of QueueModel."""

    JOB = Qt.ItemDataRole.UserRole + 1
    STATUS = Qt.ItemDataRole.UserRole + 2
    PROMPT = Qt.ItemDataRole.UserRole + 3
    ELAPSED = Qt.ItemDataRole.UserRole + 4
    ETA = Qt.ItemDataRole.UserRole + 5
    ERROR = Qt.ItemDataRole.UserRole + 6
    DETAIL = Qt.ItemDataRole.UserRole + 7
    STATUS_LABEL = Qt.ItemDataRole.UserRole + 8
    WARNING = Qt.ItemDataRole.UserRole + 9  # a lasting connection problem of a running row, or ""


JobRole = QueueRole.JOB


class QueueModel(QAbstractListModel):
    """One row per Job, newest first. A single 1 s timer repaints only rows that are running."""

    def __init__(
        self, parent: QObject | None = None, *, now: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._jobs: list[Job] = []  # oldest first: appending keeps every stored position valid
        self._positions: dict[str, int] = {}
        self._names: dict[str, str] = {}
        self._inputs: dict[str, list[str]] = {}  # local_id -> "file → field" of its sources
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._on_ticker_timeout)

    # --- Qt model API ----------------------------------------------------------------------------

    @override
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return len(self._jobs)

    @override
    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        job = self.job_at(index.row()) if index.isValid() else None
        if job is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._names.get(job.endpoint) or job.endpoint
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(tooltip(job, self._now(), self._inputs.get(job.local_id, ())))
        getter = _ROLE_GETTERS.get(role)
        return getter(job, self._now()) if getter is not None else None

    @override
    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        flags = super().flags(index)
        job = self.job_at(index.row()) if index.isValid() else None
        if job is not None and job.outputs:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    @override
    def mimeTypes(self) -> list[str]:
        return ["text/uri-list"]

    @override
    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """A row dragged onto a media input becomes that input: its outputs' local files (never
        the server's URLs, which expire), marked as the studio's own outputs."""
        mime = QMimeData()
        jobs = [job for index in indexes if (job := self.job_at(index.row())) is not None]
        urls = [
            QUrl.fromLocalFile(str(output.path))
            for job in jobs
            for output in job.outputs
            if output.path is not None
        ]
        mime.setUrls(urls)
        if jobs:
            outputs_mime(mime, local_id=jobs[0].local_id)
        return mime

    def set_input_names(self, names: Mapping[str, list[str]]) -> None:
        """The library files each job used as inputs, named in its tooltip."""
        for local_id, files in names.items():
            self._inputs[local_id] = list(files)
            row = self.row_of(local_id)
            if row is not None:
                index = self.index(row)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.ToolTipRole])

    def knows_inputs(self, local_id: str) -> bool:
        return local_id in self._inputs

    @override
    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(role): QByteArray(role.name.lower().encode()) for role in QueueRole})
        return names

    # --- queue API -------------------------------------------------------------------------------

    def upsert(self, job: Job) -> None:
        """Replace the row of ``job.local_id`` or insert it at the top."""
        position = self._positions.get(job.local_id)
        if position is None:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._positions[job.local_id] = len(self._jobs)
            self._jobs.append(job)
            self.endInsertRows()
        else:
            self._jobs[position] = job
            index = self.index(self._row_of_position(position))
            self.dataChanged.emit(index, index)
        self._update_ticker()

    def remove(self, local_id: str) -> bool:
        position = self._positions.get(local_id)
        if position is None:
            return False
        row = self._row_of_position(position)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._jobs[position]
        self._positions = {job.local_id: i for i, job in enumerate(self._jobs)}
        self.endRemoveRows()
        self._update_ticker()
        return True

    def job_at(self, row: int) -> Job | None:
        if 0 <= row < len(self._jobs):
            return self._jobs[len(self._jobs) - 1 - row]
        return None

    def job(self, local_id: str) -> Job | None:
        position = self._positions.get(local_id)
        return self._jobs[position] if position is not None else None

    def row_of(self, local_id: str) -> int | None:
        position = self._positions.get(local_id)
        return self._row_of_position(position) if position is not None else None

    def jobs(self) -> list[Job]:
        """Every row's job, in row order (newest first)."""
        return list(reversed(self._jobs))

    def running_count(self) -> int:
        return sum(1 for job in self._jobs if job.status.is_running)

    def set_endpoint_names(self, names: Mapping[str, str]) -> None:
        """Human names for slugs, shown instead of the slug."""
        self._names = dict(names)
        if self._jobs:
            self.dataChanged.emit(self.index(0), self.index(len(self._jobs) - 1))

    @property
    def ticking(self) -> bool:
        return self._ticker.isActive()

    def _row_of_position(self, position: int) -> int:
        return len(self._jobs) - 1 - position

    def _update_ticker(self) -> None:
        if self.running_count() and not self._ticker.isActive():
            self._ticker.start()
        elif not self.running_count() and self._ticker.isActive():
            self._ticker.stop()

    def _on_ticker_timeout(self) -> None:
        rows = [
            self._row_of_position(i) for i, job in enumerate(self._jobs) if job.status.is_running
        ]
        if not rows:
            self._ticker.stop()
            return
        # WARNING and DETAIL carry the "not now" countdown of a submit waiting to go again.
        roles = [
            int(QueueRole.ELAPSED),
            int(QueueRole.ETA),
            int(QueueRole.WARNING),
            int(QueueRole.DETAIL),
            int(Qt.ItemDataRole.ToolTipRole),
        ]
        self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)), roles)


PROMPT_EXCERPT_CHARS = 200


def status_label_key(job: Job) -> str:
    """The English word for the status pill (a stable key)."""
    if job.is_waiting_locally:
        return WAITING
    if job.is_downloading:
        return SAVING
    return status_key(job.status)


def status_label(job: Job) -> str:
    """The word on the status pill, in the installed language."""
    return status_word(status_label_key(job))


def prompt_excerpt(job: Job) -> str:
    """The prompt on one line, cut short; the view elides it further to fit."""
    text = " ".join(job.prompt.split())
    if len(text) > PROMPT_EXCERPT_CHARS:
        return text[: PROMPT_EXCERPT_CHARS - 1] + "…"
    return text


def elapsed_text(job: Job, now: datetime) -> str:
    elapsed = job.elapsed_s(now)
    return duration_text(elapsed) if elapsed is not None else ""


def eta_line(job: Job, now: datetime) -> str:
    return eta_text(job.eta_s(now))


def warning_text(job: Job, now: datetime | None = None) -> str:
    """The row's transient problem (a "not now" countdown first); a settled row has none."""
    if not job.status.is_running:
        return ""
    if job.retry_wait is not None:
        return core_text(job.retry_wait.describe(now or utc_now()))
    return core_text(job.warning or "")


def status_detail(job: Job, now: datetime | None = None) -> str:
    """One plain line under the prompt: the problem if there is one, else what is going on."""
    return warning_text(job, now) or _progress_detail(job)


def _progress_detail(job: Job) -> str:
    if job.error:
        return core_text(" ".join(job.error.split()))
    if job.retry_wait is not None:
        return QCoreApplication.translate(
            "QueueModel", "Turned away by the server; nothing was created yet"
        )
    if job.is_waiting_locally:
        return QCoreApplication.translate("QueueModel", "Waiting for a free slot")
    details = {
        JobStatus.SUBMITTING: QCoreApplication.translate("QueueModel", "Sending the request…"),
        JobStatus.QUEUED: QCoreApplication.translate("QueueModel", "Queued on the server"),
        JobStatus.PROCESSING: QCoreApplication.translate("QueueModel", "Saving outputs…")
        if job.is_downloading
        else QCoreApplication.translate("QueueModel", "Generating…"),
        JobStatus.SUCCEEDED: _outputs_summary(job),
        JobStatus.CANCELED: QCoreApplication.translate("QueueModel", "Canceled"),
    }
    return details.get(job.status, "")


def _outputs_summary(job: Job) -> str:
    saved = sum(1 for output in job.outputs if output.path is not None)
    if saved:
        text = QCoreApplication.translate("QueueModel", "%n output(s) saved", "", saved)
        return english_plural(text, saved)
    return (
        QCoreApplication.translate("QueueModel", "Text result")
        if job.text
        else QCoreApplication.translate("QueueModel", "No outputs")
    )


def tooltip(job: Job, now: datetime, inputs: Sequence[str] = ()) -> str:
    """Everything about the row as plain lines; ``inputs`` name the library files it used."""
    lines = [job.endpoint, f"{status_label(job)} — {_progress_detail(job)}"]
    if inputs:
        made_from = QCoreApplication.translate("QueueModel", "Made from:")
        lines.append(f"{made_from} " + "; ".join(inputs))
    if warning := warning_text(job, now):
        lines.append(f"⚠ {warning}")
    if job.prompt:
        lines.append(prompt_excerpt(job))
    timing = " · ".join(t for t in (elapsed_text(job, now), eta_line(job, now)) if t)
    if timing:
        lines.append(timing)
    if job.task_id:
        lines.append(QCoreApplication.translate("QueueModel", "Task %1").replace("%1", job.task_id))
    if len(job.remote_ids) > 1:
        earlier = ", ".join(job.remote_ids[:-1])
        attempt = QCoreApplication.translate("QueueModel", "Attempt %1; earlier: %2").replace(
            "%1", str(job.attempt)
        )
        lines.append(attempt.replace("%2", earlier))
    return "\n".join(lines)


_ROLE_GETTERS: dict[int, Callable[[Job, datetime], Any]] = {
    QueueRole.JOB: lambda job, _now: job,
    QueueRole.STATUS: lambda job, _now: job.status.value,
    QueueRole.PROMPT: lambda job, _now: prompt_excerpt(job),
    QueueRole.ELAPSED: elapsed_text,
    QueueRole.ETA: eta_line,
    QueueRole.ERROR: lambda job, _now: core_text(job.error or ""),
    QueueRole.DETAIL: status_detail,
    QueueRole.STATUS_LABEL: lambda job, _now: status_label(job),
    QueueRole.WARNING: warning_text,
}
