"""The task runner: submit, follow, download, cancel and retry jobs within a concurrency limit.

Each job runs as one asyncio task ("pipeline") owned by the runner: wait for a slot → POST → follow
the remote task until it ends → download its outputs. Every change replaces the job's snapshot,
goes to the journal and onto the ``changes()`` stream (the JobTable underneath, in _table).
"""

from __future__ import annotations

import asyncio
import copy
import logging
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING, Any

from studio.core.api import (
    ConflictError,
    MountseaError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    Task,
    TaskDeadlineError,
    TaskStatus,
    ValidationError,
)
from studio.core.jobs._files import files_on_disk, save_outputs
from studio.core.jobs._models import (
    AMBIGUOUS_SUBMIT_MESSAGE,
    LOST_MESSAGE,
    NOT_RECORDED_MESSAGE,
    Job,
    JobJournal,
    JobStateError,
    JobStatus,
    JournalBehind,
    RetryWait,
    Sleep,
    TaskClient,
    job_status_of,
    utc_now,
)
from studio.core.jobs._pace import POLLING, first_poll
from studio.core.jobs._problems import (
    MAX_FOLLOW_ERRORS,
    FollowTrouble,
    ProblemWatch,
    problem_warning,
)
from studio.core.jobs._slots import Slots
from studio.core.jobs._submit import (
    SUBMIT_RETRY,
    NotNow,
    gave_up_text,
    not_now,
    not_now_delay,
    submit_failure,
)
from studio.core.jobs._table import JobTable

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from datetime import datetime
    from pathlib import Path

    from studio.core.api import RetryPolicy
    from studio.core.jobs._eta import DurationStats

log = logging.getLogger(__name__)

FOLLOW_DEADLINE_S = 3600.0  # MountseaClient.follow's default; kept across re-follows of a task
CANCELED_SAVING_MESSAGE = (
    "Saving was canceled; outputs not saved yet are fetched at the next start."
)


class JobRunner(JobTable):
    """Runs queue jobs against one shared client. Not thread-safe: use it from the event loop.

    ``follow_options`` go to every ``client.follow``; without them polls keep to the docs' pace
    (see _pace), and the first one after a submit waits for the endpoint's typical duration.
    A row warns of polling trouble only once it has lasted ``warn_after_s`` seconds. A submit
    answered 429/503 waits and goes again per ``submit_retry`` (see _submit); following stops
    after ``max_follow_errors`` unusable replies in a row ("lost contact", Follow again).
    """

    def __init__(
        self,
        client: TaskClient,
        *,
        outputs_dir: Path,
        max_concurrent: int = 4,
        journal: JobJournal | None = None,
        follow_options: Mapping[str, Any] | None = None,
        stats: DurationStats | None = None,
        sleep: Sleep = asyncio.sleep,
        now: Callable[[], datetime] = utc_now,
        reconnect_delays: tuple[float, float] = (2.0, 60.0),
        warn_after_s: float = 10.0,
        submit_retry: RetryPolicy = SUBMIT_RETRY,
        max_follow_errors: int = MAX_FOLLOW_ERRORS,
        backend: str = "",
    ) -> None:
        """``backend`` names the service ``client`` talks to; new jobs carry it."""
        if max_concurrent < 1:
            raise ValueError("max_concurrent must be at least 1")
        super().__init__(journal, now)
        self._client = client
        self._outputs_dir = outputs_dir
        self._follow_options = dict(POLLING if follow_options is None else follow_options)
        self._stats = stats
        self._sleep = sleep
        self._reconnect_delays = reconnect_delays
        self._warn_after_s = warn_after_s
        self._submit_retry = submit_retry
        self._max_follow_errors = max_follow_errors
        self._slots = Slots(max_concurrent)
        self._cancel_requested: set[str] = set()
        self._backend = backend

    # --- queries -------------------------------------------------------------------------------

    @property
    def max_concurrent(self) -> int:
        return self._slots.limit

    # --- actions -------------------------------------------------------------------------------

    def submit(
        self, endpoint: str, input: Mapping[str, Any], webhook_url: str | None = None
    ) -> Job:
        """Queue a new job; the POST happens once a slot is free. The journal hears of it first."""
        self._check_open()
        job = Job(
            endpoint=endpoint,
            input=copy.deepcopy(dict(input)),
            webhook_url=webhook_url,
            created_at=self._now(),
            backend=self._backend,
        )
        if self._journal is not None:
            self._journal.job_created(job)  # if this fails, nothing has been sent
        self._jobs[job.local_id] = job
        self._changes.put_nowait(job)
        self._start(job.local_id, self._submit_and_track(job.local_id))
        return job

    def retry(self, local_id: str) -> Job:
        """Run a settled job again in the same row: a new remote task, the old ids kept."""
        self._check_open()
        job = self._require(local_id)
        if not job.status.is_settled:
            raise JobStateError("Only a finished job can be retried.")
        job = self._set(
            local_id,
            status=JobStatus.SUBMITTING,
            task=None,
            task_id=None,
            error=None,
            field_errors=(),
            warning=None,
            submitted_at=None,
            started_at=None,
            finished_at=None,
            outputs=(),
            text=None,
            attempt=job.attempt + 1,
            expected_s=None,
        )
        self._start(local_id, self._submit_and_track(local_id))
        return job

    def follow_again(self, local_id: str) -> Job:
        """Follow a job's task again after following stopped ("lost contact", our deadline).

        Nothing is sent but GETs: the task is the same, so is its row.
        """
        self._check_open()
        job = self._require(local_id)
        if not job.can_follow_again:
            raise JobStateError("Only a job that lost track of its task can follow it again.")
        last = job.task
        status = JobStatus.QUEUED
        if last is not None and not last.status.is_terminal:
            status = job_status_of(last.status)
        job = self._set(local_id, status=status, error=None, warning=None, finished_at=None)
        self._start(local_id, self._track_with_slot(local_id))
        return job

    def remove(self, local_id: str) -> None:
        """Forget a settled job (its files stay on disk)."""
        job = self._require(local_id)
        if not job.status.is_settled:
            raise JobStateError("A running job must be cancelled before it can be removed.")
        del self._jobs[local_id]
        self._cancel_requested.discard(local_id)

    def set_max_concurrent(self, limit: int) -> None:
        if limit < 1:
            raise ValueError("max_concurrent must be at least 1")
        self._slots.set_limit(limit)

    def resume(self, job: Job) -> Job:
        """Adopt a job from an earlier run: follow its remote task, or send it if it never left."""
        self._check_open()
        if job.local_id in self._jobs:
            raise JobStateError("This job is already in the queue.")
        self._jobs[job.local_id] = job
        self._changes.put_nowait(job)
        if job.status.is_settled:
            return job
        if job.task_id is not None:
            self._start(job.local_id, self._track_with_slot(job.local_id))
        elif job.submitted_at is None:
            self._start(job.local_id, self._submit_and_track(job.local_id))
        else:
            job = self._settle(job.local_id, JobStatus.UNKNOWN, error=AMBIGUOUS_SUBMIT_MESSAGE)
        return job

    async def cancel(self, local_id: str) -> Job:
        """Cancel one job; others are untouched. A job not yet sent needs no HTTP call.

        Never raises for the server's sake: when it does not confirm the cancel, the row says so
        and goes on following the task (the user may cancel again).
        """
        job = self._require(local_id)
        if job.status.is_settled:
            return job
        if job.is_downloading:
            return self._cancel_saving(local_id)
        if job.is_waiting_locally:
            return self._cancel_waiting(local_id)
        if job.task_id is None:
            # The POST is in flight: its pipeline cancels the remote task once the id is known.
            self._cancel_requested.add(local_id)
            return job
        try:
            task = await self._cancel_remote(local_id, job.task_id)
        except MountseaError as exc:
            return self._cancel_unconfirmed(local_id, exc)
        job = self._jobs[local_id]
        if task is None or job.status.is_settled or job.is_downloading:
            return job  # lost, or the pipeline got there first
        if not task.status.is_terminal:
            return self._apply_task(local_id, task)
        # The old pipeline would only notice at its next poll, up to a poll interval from now.
        self._stop_pipeline(local_id)
        if task.status is TaskStatus.SUCCEEDED:
            self._start(local_id, self._track_with_slot(local_id, task))  # to download
            return self._apply_task(local_id, task)
        return self._settle_ended(local_id, task)

    def _cancel_unconfirmed(self, local_id: str, exc: MountseaError) -> Job:
        log.warning("cancel of %s not confirmed: %r", local_id, exc)
        job = self._jobs[local_id]
        if job.status.is_settled:
            return job
        return self._set(local_id, warning=f"Cancel not confirmed, still following: {exc}")

    async def cancel_all(self) -> None:
        """Cancel every running job; jobs not yet sent go first so no new POST starts."""
        running = [job for job in self._jobs.values() if job.status.is_running]
        for job in running:
            if job.is_waiting_locally:
                self._cancel_waiting(job.local_id)
        remote = [job.local_id for job in running if not job.is_waiting_locally]
        results = await asyncio.gather(*(self.cancel(i) for i in remote), return_exceptions=True)
        errors = [r for r in results if isinstance(r, BaseException)]
        if errors:
            raise errors[0]

    async def aclose(self) -> None:
        """Stop this runner's own work; remote tasks keep running and can be resumed later."""
        await self._stop_all_pipelines()

    # --- pipelines -----------------------------------------------------------------------------

    async def _submit_and_track(self, local_id: str) -> None:
        await self._slots.acquire()
        try:
            task = await self._post(local_id)
            if task is None:
                return
            if local_id in self._cancel_requested:
                try:
                    task = await self._cancel_remote(local_id, task.task_id)
                except MountseaError as exc:
                    self._cancel_unconfirmed(local_id, exc)
                if task is None:
                    return
            await self._track(local_id, task)
        finally:
            self._slots.release()

    async def _track_with_slot(self, local_id: str, task: Task | None = None) -> None:
        self._slots.take()
        try:
            await self._track(local_id, task)
        finally:
            self._slots.release()

    async def _post(self, local_id: str) -> Task | None:
        """Send the submit; a "not now" (429/503) is sent again after a wait, nothing else is."""
        attempt = 1
        while True:
            job = await self._mark_sending(local_id)
            if job is None:
                return None
            try:
                task = await self._client.run(job.endpoint, dict(job.input), job.webhook_url)
            except Exception as exc:
                wait = not_now(exc)
                if wait is None:
                    self._settle_submit_error(local_id, exc)
                    return None
                if not await self._wait_not_now(local_id, wait, attempt):
                    return None
                attempt += 1
                continue
            return self._record_task(local_id, job, task)

    async def _mark_sending(self, local_id: str) -> Job | None:
        """The mark that the submit may leave, on disk before it does; None = not recorded.

        A journal that writes behind (JournalBehind) is waited for: the request leaves only
        once the mark, and the row before it, are written.
        """
        try:
            # Strict: a send the journal could not record would be re-sent after a crash.
            job = self._set(local_id, strict=True, submitted_at=self._now(), retry_wait=None)
            if isinstance(self._journal, JournalBehind):
                await self._journal.on_disk(local_id)
        except Exception as exc:
            log.exception("could not record the submit of %s", local_id)
            error = f"{NOT_RECORDED_MESSAGE} ({exc})"
            self._settle(local_id, JobStatus.FAILED, submitted_at=None, error=error)
            return None
        return job

    def _settle_submit_error(self, local_id: str, exc: Exception) -> None:
        if isinstance(exc, ValidationError):
            self._settle(local_id, JobStatus.FAILED, error=str(exc), field_errors=exc.field_errors)
            return
        if not isinstance(exc, MountseaError):
            log.exception("submit of %s failed unexpectedly", local_id, exc_info=exc)
        status, error = submit_failure(exc)
        if status is JobStatus.UNKNOWN:
            log.warning("submit of %s had no clear answer: %r", local_id, exc)
        self._settle(local_id, status, error=error)

    async def _wait_not_now(self, local_id: str, wait: NotNow, attempt: int) -> bool:
        """Wait before sending again (True), or settle: cancelled meanwhile, or out of tries.

        Nothing exists on the server now, so the row is "not sent" again (``submitted_at``
        cleared): a cancel needs no HTTP call, and a restart may send it.
        """
        if local_id in self._cancel_requested:
            self._cancel_requested.discard(local_id)
            self._settle(local_id, JobStatus.CANCELED, submitted_at=None)
            return False
        policy = self._submit_retry
        if attempt >= policy.max_attempts:
            error = gave_up_text(wait, attempt)
            self._settle(local_id, JobStatus.FAILED, submitted_at=None, error=error)
            return False
        delay = not_now_delay(policy, attempt, wait.retry_after)
        log.info("submit of %s turned away (%s); again in %.1f s", local_id, wait.reason, delay)
        until = self._now() + timedelta(seconds=delay)
        retry_wait = RetryWait(wait.reason, until, attempt + 1, policy.max_attempts)
        self._set(local_id, submitted_at=None, retry_wait=retry_wait, warning=None)
        await self._sleep(delay)
        return True

    def _record_task(self, local_id: str, job: Job, task: Task) -> Task:
        expected = self._stats.median(job.endpoint) if self._stats is not None else None
        self._set(
            local_id,
            task_id=task.task_id,
            remote_ids=(*job.remote_ids, task.task_id),
            expected_s=expected,
        )
        return task

    async def _track(self, local_id: str, task: Task | None) -> None:
        """Follow the remote task to its end. Connection trouble is waited out within the follow
        deadline (kept across re-follows); unusable replies end it after a few in a row."""
        trouble = FollowTrouble(self._reconnect_delays, self._max_follow_errors)
        deadline = float(self._follow_options.get("deadline", FOLLOW_DEADLINE_S))
        started = self._now()
        pace: dict[str, float] = {}
        if task is not None:
            job = self._apply_task(local_id, task)
            pace = self._first_poll(job)  # its state is known: no poll right away
        while True:
            # Only the newest state is applied: after a failed poll the row keeps what it had.
            if task is not None and task.status.is_terminal:
                await self._finish(local_id, task)
                return
            remaining = deadline - (self._now() - started).total_seconds()
            try:
                followed = self._follow(local_id, trouble, max(remaining, 0.0), pace)
                pace = {}  # a follow again after trouble asks at once
                task = await followed or task
            except NotFoundError:
                self._settle(local_id, JobStatus.LOST, error=LOST_MESSAGE)
                return
            except TaskDeadlineError as exc:
                self._settle(local_id, JobStatus.TIMEOUT, error=str(exc))
                return
            except MountseaError as exc:
                if not await self._after_follow_error(local_id, exc, trouble):
                    return
                continue
            if task is None or not task.status.is_terminal:
                await self._sleep(trouble.next_delay())  # ended without a final state; never spin

    async def _after_follow_error(
        self, local_id: str, exc: MountseaError, trouble: FollowTrouble
    ) -> bool:
        """Warn and wait before following again (True), or stop: too many unusable replies."""
        if exc.transient:
            warning = problem_warning(exc)
        elif trouble.unusable():
            job = self._jobs[local_id]
            last_seen = job.task.status_text if job.task is not None else job.status.value
            log.warning("lost contact with the task of %s: %r", local_id, exc)
            error = trouble.lost_contact(last_seen or job.status.value, exc)
            self._settle(local_id, JobStatus.CONTACT_LOST, error=error)
            return False
        else:
            warning = trouble.warning(exc)
        self._set(local_id, warning=warning)
        advised = exc.retry_after if isinstance(exc, RateLimitedError | ServerError) else None
        await self._sleep(max(trouble.next_delay(), advised or 0.0))
        return True

    def _first_poll(self, job: Job) -> dict[str, float]:
        submitted = job.submitted_at or self._now()
        since = max(0.0, (self._now() - submitted).total_seconds())
        return first_poll(self._stats, job.endpoint, self._follow_options, since)

    async def _follow(
        self, local_id: str, trouble: FollowTrouble, deadline: float, pace: Mapping[str, float]
    ) -> Task | None:
        task_id = self._jobs[local_id].task_id
        assert task_id is not None, "only jobs with a remote id are followed"
        last: Task | None = None
        watch = ProblemWatch(partial(self._warn, local_id), self._warn_after_s, self._now)
        options = {**self._follow_options, **pace, "deadline": deadline}
        follow = self._client.follow(task_id, **options, on_problem=watch.report)
        async for task in follow:
            trouble.progressed()
            last = task
            if not task.status.is_terminal:
                self._apply_task(local_id, task)
        return last

    async def _finish(self, local_id: str, task: Task) -> None:
        if task.status is not TaskStatus.SUCCEEDED:
            self._settle_ended(local_id, task)
            return
        status = JobStatus.SUCCEEDED
        self._set(local_id, task=task, status=JobStatus.PROCESSING, warning=None)
        outputs = await save_outputs(
            self._client.download, self._outputs_dir, self._jobs[local_id], task
        )
        failures = [output.error for output in outputs if output.error]
        error = None
        if failures:
            error = f"{len(failures)} of {len(outputs)} outputs could not be saved: {failures[0]}"
        job = self._settle(local_id, status, outputs=outputs, text=task.text, error=error)
        elapsed = job.elapsed_s()
        if self._stats is not None and elapsed is not None:
            await asyncio.to_thread(self._stats.record, job.endpoint, elapsed)  # writes a file

    async def _cancel_remote(self, local_id: str, task_id: str) -> Task | None:
        """Ask the server to cancel; a 409 means it already ended, so read its final state."""
        self._cancel_requested.discard(local_id)
        try:
            try:
                return await self._client.cancel_task(task_id)
            except ConflictError:
                return await self._client.get_task(task_id)
        except NotFoundError:
            self._stop_pipeline(local_id)
            self._settle(local_id, JobStatus.LOST, error=LOST_MESSAGE)
            return None

    # --- state ---------------------------------------------------------------------------------

    def _cancel_waiting(self, local_id: str) -> Job:
        self._stop_pipeline(local_id)
        return self._settle(local_id, JobStatus.CANCELED)

    def _cancel_saving(self, local_id: str) -> Job:
        """Stop downloading: the task succeeded, so the row does too, with the files it has."""
        self._stop_pipeline(local_id)
        job = self._jobs[local_id]
        assert job.task is not None, "a job saving outputs has its task"
        outputs = files_on_disk(self._outputs_dir, job, job.task)
        return self._settle(
            local_id,
            JobStatus.SUCCEEDED,
            outputs=outputs,
            text=job.task.text,
            error=CANCELED_SAVING_MESSAGE,
        )
