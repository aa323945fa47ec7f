"""The queue's view-model: job events onto QueueModel, the user's actions to the session."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from studio.core.jobs import Job, JobStateError
from studio.core.session import NotConnectedError
from studio.ui.background import background, spawn, spawn_if_running
from studio.ui.queue.model import QueueModel

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from studio.core.chain import InputUse
    from studio.core.session import Session

log = logging.getLogger("studio.ui")


class QueueViewModel(QObject):
    """Keeps QueueModel up to date from ``show``/``forget`` and sends actions to the session.

    Signals:
        job_finished(Job): a row reached a settled state (succeeded, failed, canceled, ...).
        error_raised(str): an action could not be done; the text is fit to show.
        counts_changed(int running, int total)
    """

    job_finished = Signal(object)
    error_raised = Signal(str)
    counts_changed = Signal(int, int)

    def __init__(self, session: Session | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = QueueModel(self)
        self._session = session
        self._unnamed: set[str] = set()  # rows whose library inputs are not looked up yet
        self.model.rowsInserted.connect(self._emit_counts)
        self.model.rowsRemoved.connect(self._emit_counts)

    # --- what the session says -------------------------------------------------------------------

    def show(self, job: Job) -> None:
        """A job's newest snapshot: its row is updated or added."""
        before = self.model.job(job.local_id)
        self.model.upsert(job)
        if before is None and not self.model.knows_inputs(job.local_id):
            self._unnamed.add(job.local_id)
            self._name_inputs_later()
        if before is not None and before.status != job.status:
            self._emit_counts()
            if job.status.is_settled:
                self.job_finished.emit(job)

    def set_backend(self, identity: str | None) -> None:
        """The backend in use: rows of another backend's running tasks show as paused."""
        self.model.set_backend(identity)
        self._emit_counts()

    def forget(self, local_id: str) -> None:
        """The job left the queue (its outputs stay in the gallery)."""
        self.model.remove(local_id)

    # --- actions (slots) -------------------------------------------------------------------------

    def submit(
        self,
        endpoint: str,
        input: Mapping[str, Any],
        webhook_url: str | None = None,
        uses: Sequence[InputUse] = (),
    ) -> Job | None:
        session = self._session
        if session is None:
            self.error_raised.emit(self.tr("Not connected: the task was not sent."))
            return None
        try:
            return session.submit(endpoint, input, webhook_url, uses)
        except NotConnectedError as exc:
            self.error_raised.emit(str(exc))
        except Exception as exc:
            log.exception("submit failed")
            self.error_raised.emit(self.tr("The task was not sent: %1").replace("%1", str(exc)))
        return None

    def cancel(self, local_id: str) -> None:
        if self._session is not None:
            spawn(self._session.cancel(local_id), on_error=self.error_raised.emit)

    def cancel_all(self) -> None:
        if self._session is not None:
            spawn(
                self._session.cancel_all(),
                key=(self, "cancel-all"),
                on_error=self.error_raised.emit,
            )

    def retry(self, local_id: str) -> None:
        if self._session is None:
            return
        try:
            self._session.retry(local_id)
        except (JobStateError, KeyError, NotConnectedError) as exc:
            self.error_raised.emit(str(exc))

    def follow_again(self, local_id: str) -> None:
        """Follow the task of a row that lost contact with it; nothing is sent again."""
        if self._session is None:
            return
        try:
            self._session.follow_again(local_id)
        except (JobStateError, KeyError, NotConnectedError) as exc:
            self.error_raised.emit(str(exc))

    def remove(self, local_id: str) -> None:
        """Forget a finished row; the session answers with the job's removal."""
        if self._session is None:
            self.forget(local_id)
            return
        try:
            self._session.remove(local_id)
        except (JobStateError, NotConnectedError) as exc:
            self.error_raised.emit(str(exc))

    def remove_many(self, local_ids: Sequence[str]) -> None:
        """Take these settled rows out of the queue; their outputs stay in the gallery."""
        session = self._session
        if session is None:
            for local_id in local_ids:
                self.forget(local_id)
            return
        spawn(session.remove_many(list(local_ids)), on_error=self.error_raised.emit)

    def restore(self, local_ids: Sequence[str]) -> None:
        """Put rows taken out back (Undo)."""
        if self._session is not None:
            spawn(self._session.restore(list(local_ids)), on_error=self.error_raised.emit)

    def _name_inputs_later(self) -> None:
        session = self._session
        if session is None or background().is_running((self, "inputs")):
            return
        spawn_if_running(self._name_inputs(session), key=(self, "inputs"), on_error=log.warning)

    async def _name_inputs(self, session: Session) -> None:
        """Rows arrive one by one (history at start): their sources are looked up in batches."""
        while self._unnamed:
            batch, self._unnamed = self._unnamed, set()
            names = await session.input_names(batch)
            self.model.set_input_names({local_id: names.get(local_id, []) for local_id in batch})

    def _emit_counts(self) -> None:
        self.counts_changed.emit(self.model.running_count(), self.model.rowCount())
