"""The core for one backend, without Qt: task runner + library journal, start-up reconciliation.

Start-up (``reconcile``) reads the library and makes sure nothing is forgotten or done twice:

* a job still running remotely is followed again (a 404 then makes it "lost", never "done");
* a job recorded but never sent (it waited for a slot) is sent now;
* a job whose submit left but got no answer becomes "unknown" and is never re-sent silently;
* a succeeded job with outputs not on disk gets only those fetched (a ``.part`` is resumed);
  a text result (transcript) not written yet is written from the stored task.

Only the jobs of this core's backend are reconciled: a task id of the demo simulator means nothing
to the real API and the other way round. Another backend's unfinished jobs are left as they are
(history shows them) and followed the next time that backend is current. Rows from before jobs
had a backend are claimed by the first backend that starts (``Library.claim_legacy_jobs``).

After a job's files are on disk, a worker thread writes the sidecar, embeds metadata in images
and records hash, size and media facts of the final file. A job with a text result and no media
gets it written as a file (see text_outputs), recorded as a "text" output once, and its queue
row then shows that file.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Self

from studio.core.api import MountseaError
from studio.core.jobs import (
    Job,
    JobRunner,
    JobStateError,
    JobStatus,
    destination_of,
    text_output_path,
    text_saved_output,
)
from studio.core.library import (
    LibraryError,
    LibraryJournal,
    job_from_record,
    pending_text_row,
    request_for,
    saved_outputs,
    task_of,
)
from studio.core.media import finish_file, text_result, write_text_output

if TYPE_CHECKING:
    from collections.abc import Callable, Coroutine, Mapping
    from pathlib import Path

    from studio.core.api import MediaRef, Task
    from studio.core.jobs import DurationStats, SavedOutput, Sleep, TaskClient
    from studio.core.library import JobRecord, Library, OutputRecord, ReconcilePlan

log = logging.getLogger(__name__)

INTERRUPTED_SUBMIT_MESSAGE = (
    "The app stopped while this request was being sent. The task may exist and may be charged; "
    "it was not sent again. Retry only if you are sure it did not start."
)

_RUNNING_ELSEWHERE_MESSAGE = (
    "This job is still running on another backend; it is followed again when that backend is "
    "in use."
)


@dataclass(frozen=True, slots=True)
class ReconcileReport:
    """What start-up did, by local job id."""

    followed: tuple[str, ...] = ()  # running remotely: followed again
    sent: tuple[str, ...] = ()  # recorded but never sent: sent now
    unknown: tuple[str, ...] = ()  # submit interrupted: may exist on the server; user decides
    fetching: tuple[str, ...] = ()  # succeeded, some files missing: fetched in the background
    elsewhere: tuple[str, ...] = ()  # unfinished on another backend: left for it


def _is_inside(folder: Path, root: Path) -> bool:
    return folder.resolve().is_relative_to(root.resolve())


class CoreServices:
    """Runner, journal and library of one backend. Use from the event loop; close with aclose()."""

    def __init__(
        self,
        client: TaskClient,
        library: Library,
        journal: LibraryJournal,
        runner: JobRunner,
        outputs_dir: Path,
    ) -> None:
        """Prefer ``open``; the backend is the journal's."""
        self._client = client
        self._library = library
        self._journal = journal
        self._runner = runner
        self._outputs_dir = outputs_dir
        self._fetch_slots = asyncio.Semaphore(runner.max_concurrent)
        self._background: set[asyncio.Task[None]] = set()
        self._outputs_listener: Callable[[str], None] | None = None
        journal.outputs_ready = self._on_outputs_ready

    @classmethod
    async def open(
        cls,
        client: TaskClient,
        *,
        library: Library,
        outputs_dir: Path,
        max_concurrent: int = 4,
        stats: DurationStats | None = None,
        follow_options: Mapping[str, Any] | None = None,
        sleep: Sleep = asyncio.sleep,
        backend: str = "",
    ) -> Self:
        """Compose the core; ``outputs_dir`` must be the library's outputs root or inside it.

        ``backend`` names the service ``client`` talks to ("demo", an API base URL); jobs are
        recorded with it and only its jobs are reconciled.
        """
        if not await asyncio.to_thread(_is_inside, outputs_dir, library.outputs_root):
            raise ValueError(f"outputs folder {outputs_dir} is not inside the library's")
        journal = LibraryJournal(library, backend=backend)
        runner = JobRunner(
            client,
            outputs_dir=outputs_dir,
            max_concurrent=max_concurrent,
            journal=journal,
            follow_options=follow_options,
            stats=stats,
            sleep=sleep,
        )
        return cls(client, library, journal, runner, outputs_dir)

    @property
    def backend(self) -> str:
        return self._journal.backend

    @property
    def runner(self) -> JobRunner:
        return self._runner

    @property
    def journal(self) -> LibraryJournal:
        return self._journal

    @property
    def library(self) -> Library:
        return self._library

    def set_outputs_listener(self, listener: Callable[[str], None] | None) -> None:
        """``listener(local_id)`` runs on the loop once a job's files are in the library."""
        self._outputs_listener = listener

    # --- start-up ------------------------------------------------------------------------------

    async def reconcile(self) -> ReconcileReport:
        """Pick up what an earlier run left (see the module docstring); fetching goes on after."""
        plan = await asyncio.to_thread(self._plan)
        pending = [*plan.to_mark_unknown]
        followed, sent, unknown = [], [], []
        for record in plan.to_follow:
            if record.status is JobStatus.SUBMITTING:
                pending.append(record)  # a retry whose new POST was not answered
            else:
                self._adopt(job_from_record(record))
                followed.append(record.local_id)
        for record in pending:
            if record.error is None:
                self._adopt(job_from_record(record))
                sent.append(record.local_id)
            else:
                self._adopt(self._mark_interrupted(record))
                unknown.append(record.local_id)
        for record in plan.to_download:
            self._spawn(self._fetch_missing(record), f"fetch {record.local_id}")
        fetching = tuple(record.local_id for record in plan.to_download)
        elsewhere = tuple(record.local_id for record in plan.elsewhere)
        return ReconcileReport(tuple(followed), tuple(sent), tuple(unknown), fetching, elsewhere)

    def _plan(self) -> ReconcilePlan:
        claimed = self._library.claim_legacy_jobs(self.backend)
        if claimed:
            log.info(
                "%d job(s) recorded without a backend now belong to %s",
                len(claimed),
                self.backend,
            )
        return self._library.jobs_to_reconcile(self.backend)

    def _mark_interrupted(self, record: JobRecord) -> Job:
        """Its error says the submit was in flight when the app stopped: the task may exist."""
        if record.remote_id is None:
            self._library.mark_unknown(record.local_id)
        self._library.update_job(
            record.local_id, status=JobStatus.UNKNOWN, error=INTERRUPTED_SUBMIT_MESSAGE
        )
        updated = self._library.get_job(record.local_id)
        assert updated is not None, "the row was just updated"
        return job_from_record(updated)

    def _adopt(self, job: Job) -> Job:
        live = self._runner.get(job.local_id)
        if live is not None:
            return live  # reconciled twice: the queue already has it
        self._journal.adopt(job)
        return self._runner.resume(job)

    # --- queue rows ----------------------------------------------------------------------------

    def recent_jobs(self, limit: int = 200) -> list[Job]:
        """Newest first: the runner's live row where it has one, else rebuilt from the library."""
        jobs = []
        for record in self._library.recent_jobs(limit):
            live = self._runner.get(record.local_id)
            jobs.append(live or self._history_job(record))
        return jobs

    def retry(self, local_id: str) -> Job:
        """Retry a settled row, also one only in the library (e.g. "unknown" after a restart)."""
        if self._runner.get(local_id) is None:
            record = self._library.get_job(local_id)
            if record is None:
                raise KeyError(local_id)
            if not record.status.is_settled:
                if record.backend != self.backend:
                    raise JobStateError(_RUNNING_ELSEWHERE_MESSAGE)
                raise JobStateError("This job is still running.")
            if record.backend != self.backend:
                # Its next task is sent here, so from now on this backend follows it.
                self._library.update_job(local_id, backend=self.backend)
            self._adopt(self._history_job(record))
        return self._runner.retry(local_id)

    def _history_job(self, record: JobRecord) -> Job:
        rows = self._library.outputs_for_job(record.local_id)
        return job_from_record(record, saved_outputs(self._library, rows))

    # --- files ---------------------------------------------------------------------------------

    def _on_outputs_ready(self, job: Job) -> None:
        self._spawn(self._finish_job(job), f"finish {job.local_id}")

    async def _finish_job(self, job: Job) -> None:
        record = self._library.get_job(job.local_id)
        if record is None:
            return
        rows = {row.remote_url: row for row in self._library.outputs_for_job(job.local_id)}
        for saved in job.outputs:
            row = rows.get(saved.media.url)
            if saved.path is not None and row is not None and row.local_path is None:
                await self._record_file(record, row, saved.path)
        if job.task is not None:
            await self._write_text(record, job, job.task)
        self._notify(job.local_id)

    async def _fetch_missing(self, record: JobRecord) -> None:
        """Download only the outputs of a succeeded job that have no file yet, then finish them."""
        task = task_of(record)
        if task is None:
            log.warning("job %s has no stored task: its outputs cannot be fetched", record.local_id)
            return
        job = job_from_record(record)
        media_by_url = {media.url: (index, media) for index, media in enumerate(task.media)}
        async with self._fetch_slots:
            for row in self._library.outputs_for_job(record.local_id):
                found = media_by_url.get(row.remote_url or "")
                if row.local_path is not None or row.trashed_at is not None or found is None:
                    continue
                dest = destination_of(self._outputs_dir, job, task.task_id, *found)
                if await self._fetch(found[1], dest):
                    await self._record_file(record, row, dest)
            await self._write_text(record, job, task)
        self._notify(record.local_id)

    async def _fetch(self, media: MediaRef, dest: Path) -> bool:
        """True when ``dest`` holds the whole file (already there, or downloaded now)."""
        if await asyncio.to_thread(dest.is_file):  # downloads land by rename: it is complete
            return True
        try:
            await asyncio.to_thread(dest.parent.mkdir, parents=True, exist_ok=True)
            await self._client.download(media.url, dest)
        except (MountseaError, OSError) as exc:
            log.warning("could not fetch %s: %r", dest.name, exc)
            return False
        return True

    async def _record_file(self, record: JobRecord, row: OutputRecord, path: Path) -> None:
        try:
            facts = await asyncio.to_thread(finish_file, path, request_for(record))
            self._library.set_output_file(
                row.id,
                path,
                facts.sha256,
                facts.size,
                media_type=facts.media.media_type,
                width=facts.media.width,
                height=facts.media.height,
                duration=facts.media.duration,
            )
        except (OSError, LibraryError) as exc:
            # Left without a file in the library: the next start-up finishes it.
            log.warning("could not record %s: %r", path.name, exc)

    async def _write_text(self, record: JobRecord, job: Job, task: Task) -> None:
        """Write the task's text result into its pending "text" row, if it has both."""
        output = text_result(task)
        row = pending_text_row(self._library.outputs_for_job(record.local_id))
        if output is None or row is None:
            return
        path = text_output_path(self._outputs_dir, job, task.task_id, row.index)
        try:
            facts = await asyncio.to_thread(write_text_output, path, output, request_for(record))
            self._library.set_output_file(
                row.id, path, facts.sha256, facts.size, media_type=facts.media_type
            )
        except (OSError, LibraryError) as exc:
            log.warning("could not record %s: %r", path.name, exc)  # start-up tries again
            return
        self._show_text_file(job.local_id, task.task_id, text_saved_output(path, facts.size))

    def _show_text_file(self, local_id: str, task_id: str, saved: SavedOutput) -> None:
        """Give the settled queue row its text file, so its preview can save and open it."""
        live = self._runner.get(local_id)
        if live is None or live.status is not JobStatus.SUCCEEDED or live.outputs:
            return
        if live.task is None or live.task.task_id != task_id:
            return  # retried meanwhile: that row is another task's now
        # A settled row is replaced by the runner's public means: forget it, adopt the new one.
        try:
            self._runner.remove(local_id)
            self._runner.resume(replace(live, outputs=(saved,)))
        except (RuntimeError, JobStateError):
            log.info("queue row of %s not updated: the runner is closing", local_id)

    def _notify(self, local_id: str) -> None:
        if self._outputs_listener is not None:
            self._outputs_listener(local_id)

    # --- background work -----------------------------------------------------------------------

    def _spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        task = asyncio.get_running_loop().create_task(work, name=name)
        self._background.add(task)
        task.add_done_callback(self._on_background_done)

    def _on_background_done(self, task: asyncio.Task[None]) -> None:
        self._background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("%s failed", task.get_name(), exc_info=task.exception())

    async def wait_idle(self) -> None:
        """Until every background fetch and file finishing has ended (settled jobs' files done)."""
        while self._background:
            await asyncio.gather(*self._background, return_exceptions=True)

    def is_settled(self) -> bool:
        """No job is running and no file work is pending."""
        running = any(job.status.is_running for job in self._runner.jobs())
        return not running and not self._background

    async def aclose(self) -> None:
        """Stop the runner, then background file work (redone at the next start if unfinished)."""
        await self._runner.aclose()
        background = list(self._background)
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
