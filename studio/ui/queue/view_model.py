"""The queue's view-model: runner coroutines turned into Qt signals, QueueModel kept current."""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from studio.core.jobs import Job, JobStateError
from studio.ui.background import BackgroundTasks
from studio.ui.queue.model import QueueModel

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from studio.core.jobs import JobRunner

log = logging.getLogger("studio.ui")


class QueueViewModel(QObject):
    """Turns JobRunner coroutines into Qt signals and keeps QueueModel up to date.

    Signals:
        job_changed(Job): any change of a row, newest snapshot.
        job_finished(Job): a row reached a settled state (succeeded, failed, canceled, ...).
        error_raised(str): an action could not be done; the text is fit to show.
        counts_changed(int running, int total)
    """

    job_changed = Signal(object)
    job_finished = Signal(object)
    error_raised = Signal(str)
    counts_changed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = QueueModel(self)
        self._runner: JobRunner | None = None
        self._consumer: asyncio.Task[None] | None = None
        self._retry_history: Callable[[str], object] | None = None
        self._forget: Callable[[str], object] | None = None
        self._tasks = BackgroundTasks(self.error_raised.emit)
        self.model.rowsInserted.connect(self._emit_counts)
        self.model.rowsRemoved.connect(self._emit_counts)

    @property
    def runner(self) -> JobRunner | None:
        return self._runner

    def attach(
        self,
        runner: JobRunner,
        *,
        retry: Callable[[str], object] | None = None,
        forget: Callable[[str], object] | None = None,
    ) -> None:
        """Show ``runner``'s jobs and follow its changes until detach().

        ``retry`` and ``forget`` handle rows the runner does not hold (history from the library).
        """
        if self._consumer is not None:
            self._consumer.cancel()
        self._runner = runner
        self._retry_history = retry
        self._forget = forget
        for job in runner.jobs():
            self.model.upsert(job)
        self._consumer = asyncio.ensure_future(self._consume(runner))
        self._emit_counts()

    async def detach(self) -> None:
        """Stop following the runner; rows stay visible."""
        consumer, self._consumer, self._runner = self._consumer, None, None
        if consumer is not None:
            consumer.cancel()
            await asyncio.gather(consumer, return_exceptions=True)

    async def aclose(self) -> None:
        await self._tasks.aclose()
        await self.detach()

    # --- actions (slots) -------------------------------------------------------------------------

    def submit(
        self, endpoint: str, input: Mapping[str, Any], webhook_url: str | None = None
    ) -> Job | None:
        runner = self._require_runner("The task was not sent")
        if runner is None:
            return None
        try:
            return runner.submit(endpoint, input, webhook_url)
        except Exception as exc:
            log.exception("submit failed")
            self.error_raised.emit(f"The task was not sent: {exc}")
            return None

    def cancel(self, local_id: str) -> None:
        runner = self._require_runner("Nothing was cancelled")
        if runner is not None and runner.get(local_id) is not None:
            self._tasks.spawn(runner.cancel(local_id))

    def cancel_all(self) -> None:
        runner = self._require_runner("Nothing was cancelled")
        if runner is not None:
            self._tasks.spawn(runner.cancel_all(), name="cancel-all")

    def retry(self, local_id: str) -> None:
        runner = self._require_runner("The task was not retried")
        if runner is None:
            return
        try:
            if runner.get(local_id) is not None:
                runner.retry(local_id)
            elif self._retry_history is not None:
                self._retry_history(local_id)
        except (JobStateError, KeyError) as exc:
            self.error_raised.emit(str(exc))

    def remove(self, local_id: str) -> None:
        """Forget a finished row (a row of a detached runner just leaves the list)."""
        runner = self._runner
        if runner is not None and runner.get(local_id) is not None:
            try:
                runner.remove(local_id)
            except JobStateError as exc:
                self.error_raised.emit(str(exc))
                return
        if self._forget is not None:
            self._forget(local_id)
        self.model.remove(local_id)

    # --- internals -------------------------------------------------------------------------------

    async def _consume(self, runner: JobRunner) -> None:
        async for job in runner.changes():
            if runner.get(job.local_id) is None:
                continue  # removed meanwhile: a late snapshot must not bring it back
            self._show(job)

    def _show(self, job: Job) -> None:
        before = self.model.job(job.local_id)
        self.model.upsert(job)
        self.job_changed.emit(job)
        if before is not None and before.status != job.status:
            self._emit_counts()
            if job.status.is_settled:
                self.job_finished.emit(job)

    def _require_runner(self, what: str) -> JobRunner | None:
        if self._runner is None:
            self.error_raised.emit(f"Not connected: {what.lower()}.")
        return self._runner

    def _emit_counts(self) -> None:
        self.counts_changed.emit(self.model.running_count(), self.model.rowCount())
