"""The queue as Qt sees it: a list model of Job snapshots, and the words each row shows."""

from __future__ import annotations

import bisect
import logging
from enum import IntEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QUrl,
)
from typing_extensions import override

from studio.core.jobs import Job, JobStatus, is_text_media, utc_now
from studio.ui.chain.outputs_drag import outputs_mime
from studio.ui.i18n.core_words import core_text
from studio.ui.plain import plain_tooltip
from studio.ui.queue.words import (
    elapsed_text,
    eta_text,
    input_line,
    paused_detail,
    prompt_excerpt,
    status_detail,
    status_label,
    status_word,
    tooltip,
    warning_text,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence
    from datetime import datetime
    from pathlib import Path


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
    THUMBNAIL = Qt.ItemDataRole.UserRole + 10  # (Path, kind) of a finished row's first media
    PAUSED = Qt.ItemDataRole.UserRole + 11  # its task runs on the other backend (bool)
    WORDS = Qt.ItemDataRole.UserRole + 12  # all the row says at once (RowWords)


JobRole = QueueRole.JOB


class RowWords(NamedTuple):
    """All a row says, as the roles of the same names give it one at a time."""

    name: str  # DisplayRole
    prompt: str
    status: str  # the pill's word in English (its glyph is chosen by it)
    label: str  # the pill's word, translated
    detail: str
    warning: str
    elapsed: str
    eta: str
    paused: bool


class QueueModel(QAbstractListModel):
    """One row per Job, newest first. A single 1 s timer repaints only rows that are running.

    A running row whose job belongs to another backend than the one in use (``set_backend``)
    is paused: its task is followed again only when that backend is in use.
    """

    def __init__(
        self, parent: QObject | None = None, *, now: Callable[[], datetime] = utc_now
    ) -> None:
        super().__init__(parent)
        self._now = now
        self._jobs: list[Job] = []  # oldest first: appending keeps every stored position valid
        self._positions: dict[str, int] = {}
        self._names: dict[str, str] = {}
        self._inputs: dict[str, list[str]] = {}  # local_id -> "file → field" of its sources
        self._local_files: dict[str, list[str]] = {}  # local_id -> local files chosen for it
        self._backend: str | None = None  # the identity of the backend in use, if known
        # The words of rows that no longer change with the clock, by local id, with the job
        # snapshot they were made from: a row is painted again and again (each second while
        # others run, at each new row and scroll), and its words took a dozen calls to make.
        self._kept_words: dict[str, tuple[Job, RowWords]] = {}
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
            return self.endpoint_name(job.endpoint)
        if role == QueueRole.WORDS:
            return self.row_words(job)
        paused_on = self.paused_on(job)
        if role == Qt.ItemDataRole.ToolTipRole:
            inputs = self._inputs.get(job.local_id, ())
            return plain_tooltip(tooltip(job, self._now(), inputs, paused_on))
        if role == QueueRole.PROMPT:
            return self._prompt_line(job)
        if paused_on is not None and role in _PAUSED_GETTERS:
            return _PAUSED_GETTERS[role](job, paused_on)
        getter = _ROLE_GETTERS.get(role)
        return getter(job, self._now()) if getter is not None else None

    def row_words(self, job: Job) -> RowWords:
        """What ``job``'s row says now (kept while it cannot change without a new snapshot)."""
        kept = self._kept_words.get(job.local_id)
        if kept is not None and kept[0] is job:
            return kept[1]
        paused_on = self.paused_on(job)
        paused = paused_on is not None
        now = self._now()
        words = RowWords(
            name=self.endpoint_name(job.endpoint),
            prompt=self._prompt_line(job),
            status=status_word(job, paused),
            label=status_label(job, paused),
            detail=paused_detail(paused_on) if paused_on is not None else status_detail(job, now),
            warning="" if paused else warning_text(job, now),
            elapsed="" if paused else elapsed_text(job, now),
            eta="" if paused else eta_text(job, now),
            paused=paused,
        )
        # A settled row's time runs from sending to finishing; a paused row shows none.
        if paused or (job.status.is_settled and (job.finished_at or not job.submitted_at)):
            self._kept_words[job.local_id] = (job, words)
        return words

    def _prompt_line(self, job: Job) -> str:
        sources = self._inputs.get(job.local_id, ())
        return input_line(job, sources, self._local_files.get(job.local_id, ()))

    def endpoint_name(self, slug: str) -> str:
        """The catalog's name of an endpoint, else its slug."""
        return self._names.get(slug) or slug

    def paused_on(self, job: Job) -> str | None:
        """The other backend a running job's task runs on (its identity), or None."""
        if not job.status.is_running or not job.backend or self._backend is None:
            return None
        return job.backend if job.backend != self._backend else None

    def set_backend(self, identity: str | None) -> None:
        """The backend in use ("demo", an API base URL; None while not known)."""
        if identity == self._backend:
            return
        self._backend = identity
        self._kept_words.clear()  # rows pause or go on
        self._update_ticker()
        if self._jobs:
            self.dataChanged.emit(self.index(0), self.index(len(self._jobs) - 1))

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
        """The library files each job used as inputs, named in its tooltip (and on its prompt
        line when it has no prompt)."""
        for local_id, files in names.items():
            self._inputs[local_id] = list(files)
            self._kept_words.pop(local_id, None)
            self._changed(local_id, [Qt.ItemDataRole.ToolTipRole, QueueRole.PROMPT])

    def set_local_files(self, local_id: str, names: Sequence[str]) -> None:
        """The names of the local files a job was given (known in this session only)."""
        self._local_files[local_id] = list(names)
        self._kept_words.pop(local_id, None)
        self._changed(local_id, [QueueRole.PROMPT])

    def _changed(self, local_id: str, roles: Sequence[int]) -> None:
        row = self.row_of(local_id)
        if row is not None:
            index = self.index(row)
            self.dataChanged.emit(index, index, [int(role) for role in roles])

    def knows_inputs(self, local_id: str) -> bool:
        return local_id in self._inputs

    @override
    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({int(role): QByteArray(role.name.lower().encode()) for role in QueueRole})
        return names

    # --- queue API -------------------------------------------------------------------------------

    def upsert(self, job: Job) -> None:
        """Replace the row of ``job.local_id`` or insert it: at the top, unless it is older
        than the top row (a row put back by an Undo goes where its time puts it)."""
        position = self._positions.get(job.local_id)
        if position is None and self._jobs and job.created_at < self._jobs[-1].created_at:
            self._insert_older(job)
        elif position is None:
            self.beginInsertRows(QModelIndex(), 0, 0)
            self._positions[job.local_id] = len(self._jobs)
            self._jobs.append(job)
            self.endInsertRows()
        else:
            self._jobs[position] = job
            index = self.index(self._row_of_position(position))
            self.dataChanged.emit(index, index)
        self._update_ticker()

    def _insert_older(self, job: Job) -> None:
        position = bisect.bisect_right([j.created_at for j in self._jobs], job.created_at)
        row = self._row_of_position(position) + 1
        self.beginInsertRows(QModelIndex(), row, row)
        self._jobs.insert(position, job)
        self._positions = {j.local_id: i for i, j in enumerate(self._jobs)}
        self.endInsertRows()

    def remove(self, local_id: str) -> bool:
        position = self._positions.get(local_id)
        if position is None:
            return False
        row = self._row_of_position(position)
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._jobs[position]
        self._kept_words.pop(local_id, None)
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
        """Rows running on the backend in use (not those paused on the other one)."""
        return sum(1 for job in self._jobs if self._ticks(job))

    def settled_ids(self) -> list[str]:
        """The local ids of every settled row, newest first (what "Clear finished" removes)."""
        return [job.local_id for job in reversed(self._jobs) if job.status.is_settled]

    def _ticks(self, job: Job) -> bool:
        return job.status.is_running and self.paused_on(job) is None

    def set_endpoint_names(self, names: Mapping[str, str]) -> None:
        """Human names for slugs, shown instead of the slug."""
        self._names = dict(names)
        self._kept_words.clear()
        if self._jobs:
            self.dataChanged.emit(self.index(0), self.index(len(self._jobs) - 1))

    @property
    def ticking(self) -> bool:
        return self._ticker.isActive()

    def _row_of_position(self, position: int) -> int:
        return len(self._jobs) - 1 - position

    def _update_ticker(self) -> None:
        # Once per row change: any() stops at the first row that ticks (a count walked every
        # row, twice, for each of a busy queue's hundreds of changes), newest first, where the
        # running rows are (the settled ones pile up behind them).
        ticks = any(self._ticks(job) for job in reversed(self._jobs))
        if ticks and not self._ticker.isActive():
            self._ticker.start()
        elif not ticks and self._ticker.isActive():
            self._ticker.stop()

    def _on_ticker_timeout(self) -> None:
        rows = [self._row_of_position(i) for i, job in enumerate(self._jobs) if self._ticks(job)]
        if not rows:
            self._ticker.stop()
            return
        # WARNING and DETAIL carry the "not now" countdown of a submit waiting to go again.
        roles = [
            int(QueueRole.ELAPSED),
            int(QueueRole.ETA),
            int(QueueRole.WARNING),
            int(QueueRole.DETAIL),
            int(QueueRole.WORDS),
            int(Qt.ItemDataRole.ToolTipRole),
        ]
        self.dataChanged.emit(self.index(min(rows)), self.index(max(rows)), roles)


def _first_media(job: Job) -> tuple[Path, str] | None:
    """The file and kind ("image", "video", "audio", "text") a finished row's thumbnail shows."""
    if job.status is not JobStatus.SUCCEEDED:
        return None
    for output in job.outputs:
        kind = "text" if is_text_media(output.media) else str(output.media.kind.value)
        if output.path is not None and kind in _THUMB_KINDS:
            return output.path, kind
    return None


_THUMB_KINDS = frozenset({"image", "video", "audio", "text"})  # text: a transcript
_ROLE_GETTERS: dict[int, Callable[[Job, datetime], Any]] = {
    QueueRole.JOB: lambda job, _now: job,
    QueueRole.STATUS: lambda job, _now: job.status.value,
    QueueRole.PROMPT: lambda job, _now: prompt_excerpt(job),
    QueueRole.ELAPSED: elapsed_text,
    QueueRole.ETA: eta_text,
    QueueRole.ERROR: lambda job, _now: core_text(job.error or ""),
    QueueRole.DETAIL: status_detail,
    QueueRole.STATUS_LABEL: lambda job, _now: status_label(job),
    QueueRole.WARNING: warning_text,
    QueueRole.THUMBNAIL: lambda job, _now: _first_media(job),
    QueueRole.PAUSED: lambda _job, _now: False,
}
# A row whose task runs on the other backend: no timer, no warning, it says where it waits.
_PAUSED_GETTERS: dict[int, Callable[[Job, str], Any]] = {
    QueueRole.ELAPSED: lambda _job, _on: "",
    QueueRole.ETA: lambda _job, _on: "",
    QueueRole.WARNING: lambda _job, _on: "",
    QueueRole.DETAIL: lambda _job, on: paused_detail(on),
    QueueRole.STATUS_LABEL: lambda job, _on: status_label(job, paused=True),
    QueueRole.PAUSED: lambda _job, _on: True,
}
