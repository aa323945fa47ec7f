"""The runner's table of jobs: each job's newest snapshot, the change stream, the journal and
the asyncio task ("pipeline") that owns each running job."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from studio.core.jobs._models import (
    Job,
    JobJournal,
    JobStatus,
    job_status_of,
    task_error_text,
    utc_now,
)

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable, Coroutine
    from datetime import datetime

    from studio.core.api import Task

log = logging.getLogger("studio.core.jobs._runner")


class JobTable:
    """Snapshots in, changes out: every change replaces the job's snapshot, goes to the journal
    and onto ``changes()``. The runner builds on it; use both from the event loop."""

    def __init__(
        self, journal: JobJournal | None = None, now: Callable[[], datetime] = utc_now
    ) -> None:
        self._journal = journal
        self._now = now
        self._jobs: dict[str, Job] = {}
        self._pipelines: dict[str, asyncio.Task[None]] = {}
        self._changes: asyncio.Queue[Job | None] = asyncio.Queue()
        self._closed = False

    def jobs(self) -> list[Job]:
        """Every job, oldest first."""
        return list(self._jobs.values())

    def get(self, local_id: str) -> Job | None:
        return self._jobs.get(local_id)

    def has_unread_changes(self) -> bool:
        """Snapshots are waiting in ``changes()`` that its reader has not taken yet."""
        return not self._changes.empty()

    async def changes(self) -> AsyncIterator[Job]:
        """A snapshot of every job change, in order; ends after ``aclose()``. One consumer."""
        while True:
            job = await self._changes.get()
            if job is None:
                return
            yield job

    async def _stop_all_pipelines(self) -> None:
        """Cancel every pipeline, wait for them, then end the change stream."""
        self._closed = True
        pipelines = list(self._pipelines.values())
        for pipeline in pipelines:
            pipeline.cancel()
        await asyncio.gather(*pipelines, return_exceptions=True)
        self._changes.put_nowait(None)

    def _apply_task(self, local_id: str, task: Task) -> Job:
        """Take a non-final server state into the row (final states go through _finish)."""
        job = self._jobs[local_id]
        if task.status.is_terminal:
            return self._set(local_id, task=task)
        status = job_status_of(task.status)
        started_at = job.started_at
        if status is JobStatus.PROCESSING and started_at is None:
            started_at = task.started_at or self._now()
        return self._set(local_id, task=task, status=status, started_at=started_at, warning=None)

    def _warn(self, local_id: str, warning: str | None) -> None:
        """Show or clear a polling problem; a settled row has nothing left to warn about."""
        job = self._jobs.get(local_id)
        if job is not None and not job.status.is_settled:
            self._set(local_id, warning=warning)

    def _settle_ended(self, local_id: str, task: Task) -> Job:
        """Settle a job whose task ended without outputs to fetch."""
        status = job_status_of(task.status)
        error = task_error_text(task) if status is not JobStatus.CANCELED else None
        return self._settle(local_id, status, task=task, error=error)

    def _settle(self, local_id: str, status: JobStatus, **changes: Any) -> Job:
        return self._set(
            local_id,
            status=status,
            warning=None,
            retry_wait=None,
            finished_at=self._now(),
            **changes,
        )

    def _set(self, local_id: str, *, strict: bool = False, **changes: Any) -> Job:
        old = self._jobs[local_id]
        job = replace(old, **changes)
        if job == old:
            return old
        self._jobs[local_id] = job
        self._changes.put_nowait(job)
        if self._journal is not None:
            try:
                self._journal.job_changed(job)
            except Exception:
                if strict:
                    raise
                log.exception("journal failed to record a change of %s", local_id)
        return job

    def _start(self, local_id: str, pipeline: Coroutine[Any, Any, None]) -> None:
        task = asyncio.get_running_loop().create_task(pipeline, name=f"job {local_id}")
        self._pipelines[local_id] = task
        task.add_done_callback(lambda done: self._on_pipeline_done(local_id, done))

    def _stop_pipeline(self, local_id: str) -> None:
        pipeline = self._pipelines.pop(local_id, None)
        if pipeline is not None and pipeline is not asyncio.current_task():
            pipeline.cancel()

    def _on_pipeline_done(self, local_id: str, pipeline: asyncio.Task[None]) -> None:
        if self._pipelines.get(local_id) is pipeline:
            del self._pipelines[local_id]
        if pipeline.cancelled() or pipeline.exception() is None:
            return
        exc = pipeline.exception()
        log.error("job %s stopped unexpectedly", local_id, exc_info=exc)
        job = self._jobs.get(local_id)
        if job is not None and not job.status.is_settled:
            status = JobStatus.FAILED if job.submitted_at is None else JobStatus.UNKNOWN
            self._settle(local_id, status, error=f"Unexpected error: {exc}")

    def _require(self, local_id: str) -> Job:
        return self._jobs[local_id]  # KeyError(local_id) for an id the runner does not hold

    def _check_open(self) -> None:
        if self._closed:
            raise RuntimeError("the task runner is closed")
