"""The jobs of one backend, without Qt: the runner, its journal, finished files, start-up checks.

Start-up (``reconcile``) reads the library and makes sure nothing is forgotten or done twice:

* a job still running remotely is followed again (a 404 then makes it "lost", never "done");
* a job recorded but never sent (it waited for a slot) is sent now, unless the library could not
  be brought up to date with its submit log (a full disk): then nothing is sent by itself;
* a job whose submit left but got no answer becomes "unknown" and is never re-sent silently;
* a succeeded job with outputs not on disk gets only those fetched (a ``.part`` is resumed),
  from the task's links as the server gives them now, each into the row of its position;
  a text result (transcript) not written yet is written from the stored task.

Only the jobs of this core's backend are reconciled: a task id of the demo simulator means nothing
to the real API and the other way round. Another backend's unfinished jobs are left as they are
(history shows them) and followed the next time that backend is current. Rows from before jobs
had a backend are claimed by the first backend that starts (``Library.claim_legacy_jobs``).

The runner's journal is written behind, from a thread of its own (library.QueuedJournal): the
loop never waits for the disk, and a submit still leaves only once its row and its "may have left"
mark are on disk.

This object is the runner's one reader: every snapshot goes out as a ``JobChanged`` event. After a
job's files are on disk (media downloaded and any text result written by the runner), a worker
thread writes each sidecar, embeds metadata in images and records hash, size and media facts of
the final file; then ``OutputsRecorded`` goes out. A file that cannot be saved for lack of room
is reported once per disk (``on_disk_full``); its partial download is removed.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Self

from studio.core import paths
from studio.core.api import MountseaError, TaskStatus
from studio.core.jobs import (
    Job,
    JobRunner,
    JobStateError,
    JobStatus,
    destination_of,
    is_text_media,
    save_text_output,
    text_result,
)
from studio.core.library import (
    LibraryError,
    LibraryJournal,
    OutputKind,
    QueuedJournal,
    job_from_record,
    pending_text_row,
    request_for,
    saved_outputs,
    sidecar_facts,
    task_of,
)
from studio.core.media import finish_file
from studio.core.session._events import Event, JobChanged, JobRemoved, OutputsRecorded

if TYPE_CHECKING:
    from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
    from pathlib import Path
    from typing import TypeAlias

    from studio.core.api import MediaRef, Task
    from studio.core.chain import InputUse
    from studio.core.jobs import DurationStats, Sleep, TaskClient
    from studio.core.library import JobRecord, Library, OutputRecord, ReconcilePlan
    from studio.core.media import FileFacts

    # media.finish_file's arguments, awaited on the event loop wherever the work is done (the
    # studio's thumbnail processes: Thumbnailer.finish_file).
    FileFinisher: TypeAlias = Callable[
        [Path, Mapping[str, Any], Mapping[str, Any] | None], Awaitable[FileFacts]
    ]

log = logging.getLogger(__name__)

INTERRUPTED_SUBMIT_MESSAGE = (
    "The app stopped while this request was being sent. The task may exist and may be charged; "
    "it was not sent again. Retry only if you are sure it did not start."
)

_OTHER_BACKEND_MESSAGE = (
    "This job's task belongs to another backend; it can be followed again when that backend is "
    "in use."
)
HELD_MESSAGE = (
    "Not sent: the library could not be brought up to date at start-up (is the disk full?), "
    "so this job is not sent by itself. Retry it once there is room."
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


class BackendJobs:
    """Runner, journal and library of one backend. Use from the event loop; close with aclose()."""

    def __init__(
        self,
        client: TaskClient,
        library: Library,
        journal: QueuedJournal,
        runner: JobRunner,
        outputs_dir: Path,
        *,
        publish: Callable[[Event], None],
        on_disk_full: Callable[[Path], None] | None = None,
        finish: FileFinisher | None = None,
    ) -> None:
        """Prefer ``open``; the backend is the journal's."""
        self._on_disk_full = on_disk_full
        self._finish = finish or _finish_in_thread
        self._client = client
        self._library = library
        self._journal = journal
        self._runner = runner
        self._outputs_dir = outputs_dir
        self._publish = publish
        self._fetch_slots = asyncio.Semaphore(runner.max_concurrent)
        self._background: set[asyncio.Task[None]] = set()
        self._finished: set[str] = set()  # task ids whose files were recorded (or are being)
        self._recording: dict[str, asyncio.Task[None]] = {}  # lineage of new jobs being written
        self._reader: asyncio.Task[None] | None = None

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
        publish: Callable[[Event], None] | None = None,
        runner_options: Mapping[str, Any] | None = None,
        on_disk_full: Callable[[Path], None] | None = None,
        finish: FileFinisher | None = None,
    ) -> Self:
        """Compose and start reading the runner; ``outputs_dir`` must be inside the library's.

        ``backend`` names the service ``client`` talks to ("demo", an API base URL); jobs are
        recorded with it and only its jobs are reconciled. Events go to ``publish``;
        ``on_disk_full`` is told the folder when a file cannot be saved for lack of room.
        ``runner_options`` are further JobRunner arguments (retry policies, for the soak).
        ``finish`` finishes each saved file (media.finish_file; in a thread when not given).
        """
        if not await asyncio.to_thread(_is_inside, outputs_dir, library.outputs_root):
            raise ValueError(f"outputs folder {outputs_dir} is not inside the library's")
        # Written behind by a thread of its own: the loop never waits for the disk (_queued).
        journal = QueuedJournal(LibraryJournal(library, backend=backend))
        runner = JobRunner(
            client,
            outputs_dir=outputs_dir,
            max_concurrent=max_concurrent,
            journal=journal,
            follow_options=follow_options,
            stats=stats,
            sleep=sleep,
            backend=backend,
            **dict(runner_options or {}),
        )
        jobs = cls(
            client,
            library,
            journal,
            runner,
            outputs_dir,
            publish=publish or _ignore,
            on_disk_full=on_disk_full,
            finish=finish,
        )
        jobs._reader = asyncio.get_running_loop().create_task(jobs._read_runner(), name="runner")
        return jobs

    @property
    def backend(self) -> str:
        return self._journal.backend

    @property
    def runner(self) -> JobRunner:
        return self._runner

    @property
    def journal(self) -> QueuedJournal:
        return self._journal

    @property
    def library(self) -> Library:
        return self._library

    # --- the runner's changes ------------------------------------------------------------------

    async def _read_runner(self) -> None:
        async for job in self._runner.changes():
            if self._runner.get(job.local_id) is None:
                continue  # removed meanwhile: a late snapshot must not bring its row back
            self._publish(JobChanged(job))
            for saved in job.outputs:
                if saved.disk_full is not None:
                    self._disk_full(saved.disk_full)
            task = job.task
            if job.status is not JobStatus.SUCCEEDED or task is None:
                continue
            if task.task_id in self._finished or not any(o.path for o in job.outputs):
                continue
            self._finished.add(task.task_id)
            self._spawn(self._finish_job(job), f"finish {job.local_id}")

    async def _finish_job(self, job: Job) -> None:
        recording = self._recording.pop(job.local_id, None)
        if recording is not None:
            await asyncio.gather(recording, return_exceptions=True)
        await self._journal.written()  # its output rows are in the library
        for record, row, path in await asyncio.to_thread(self._files_to_record, job):
            await self._record_file(record, row, path)
        self._publish(OutputsRecorded(job.local_id))

    def _files_to_record(self, job: Job) -> list[tuple[JobRecord, OutputRecord, Path]]:
        """Blocking: the job's saved files whose library rows have no file yet."""
        record = self._library.get_job(job.local_id)
        if record is None:
            return []
        rows = self._library.outputs_for_job(job.local_id)
        task_id = job.task.task_id if job.task is not None else None
        # The saved media come in the task's media order (then any text result): matched to
        # their rows by position, since URLs may differ from one report to the next.
        by_position = {row.position: row for row in rows if row.task_id == task_id}
        media = [saved for saved in job.outputs if not is_text_media(saved.media)]
        texts = [saved for saved in job.outputs if is_text_media(saved.media)]
        matched = [(by_position.get(position), saved) for position, saved in enumerate(media)]
        matched += [(pending_text_row(rows), saved) for saved in texts]
        return [
            (record, row, saved.path)
            for row, saved in matched
            if saved.path is not None and row is not None and row.local_path is None
        ]

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
        hold = self._library.submit_log_report.unapplied
        for record in pending:
            if record.error is None and hold:
                # The submit log could not be read back: it may say this one left. Not sent.
                held = job_from_record(record)
                self._adopt(replace(held, status=JobStatus.UNKNOWN, error=HELD_MESSAGE))
                unknown.append(record.local_id)
            elif record.error is None:
                self._adopt(job_from_record(record))
                sent.append(record.local_id)
            else:
                self._adopt(await asyncio.to_thread(self._mark_interrupted, record))
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
        """The runner follows ``job`` from now on: it is this backend's (a retry of another
        backend's job was just moved to this one)."""
        live = self._runner.get(job.local_id)
        if live is not None:
            return live  # reconciled twice: the queue already has it
        job = replace(job, backend=self.backend)
        self._journal.adopt(job)
        if job.status is JobStatus.SUCCEEDED and job.task is not None:
            self._finished.add(job.task.task_id)
        return self._runner.resume(job)

    # --- queue rows ----------------------------------------------------------------------------

    def recent_jobs(self, limit: int = 200) -> list[Job]:
        """Newest first: the runner's live row where it has one, else rebuilt from the library.

        Blocking (library reads): run it in a thread.
        """
        jobs = []
        for record in self._library.recent_jobs(limit):
            live = self._runner.get(record.local_id)
            jobs.append(live or self._history_job(record))
        return jobs

    def submit(
        self,
        endpoint: str,
        input: Mapping[str, Any],
        webhook_url: str | None,
        uses: Sequence[InputUse] = (),
    ) -> Job:
        """Queue a job; the library outputs it uses are recorded in a thread meanwhile (its
        files wait for that record, so their sidecars name them)."""
        job = self._runner.submit(endpoint, input, webhook_url)
        if uses:
            recording = asyncio.get_running_loop().create_task(
                self._record_inputs(job.local_id, list(uses)), name=f"inputs {job.local_id}"
            )
            self._recording[job.local_id] = recording
            recording.add_done_callback(functools.partial(self._on_inputs_recorded, job.local_id))
        return job

    async def _record_inputs(self, local_id: str, uses: list[InputUse]) -> None:
        """Once the job's own row is on disk (the journal writes behind): the inputs refer to it.
        Recording them at once lost the race now and then (a foreign key failed)."""
        await self._journal.on_disk(local_id)
        await asyncio.to_thread(self._library.record_inputs, local_id, uses)

    def _on_inputs_recorded(self, local_id: str, task: asyncio.Task[None]) -> None:
        if self._recording.get(local_id) is task:
            del self._recording[local_id]
        if not task.cancelled() and task.exception() is not None:
            # Lineage is descriptive: the job itself is recorded and goes ahead without it.
            log.warning("inputs of a job not recorded", exc_info=task.exception())

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

    def follow_again(self, local_id: str) -> Job:
        """Follow the task of a row that lost contact with it, also a row only in the library."""
        if self._runner.get(local_id) is None:
            record = self._library.get_job(local_id)
            if record is None:
                raise KeyError(local_id)
            if record.backend != self.backend:
                raise JobStateError(_OTHER_BACKEND_MESSAGE)
            self._adopt(self._history_job(record))
        return self._runner.follow_again(local_id)

    def remove(self, local_id: str) -> None:
        """Take a settled row out of the queue; its outputs stay in the library and gallery."""
        if self._runner.get(local_id) is not None:
            self._runner.remove(local_id)  # JobStateError while it runs
        self._journal.call(functools.partial(self._library.delete_jobs, [local_id]))
        self._publish(JobRemoved(local_id))

    async def remove_many(self, local_ids: Sequence[str]) -> list[str]:
        """Take these rows out of the queue in one library write; running ones stay."""
        ids = [
            i for i in local_ids if (live := self._runner.get(i)) is None or live.status.is_settled
        ]
        for local_id in ids:
            if self._runner.get(local_id) is not None:
                self._runner.remove(local_id)
        await asyncio.to_thread(self._library.delete_jobs, ids)
        for local_id in ids:
            self._publish(JobRemoved(local_id))
        return ids

    async def restore(self, local_ids: Sequence[str]) -> None:
        """Put rows taken out of the queue back (as history rows, oldest first)."""
        jobs = await asyncio.to_thread(self._restored_jobs, list(local_ids))
        for job in jobs:
            self._publish(JobChanged(job))

    def _restored_jobs(self, local_ids: list[str]) -> list[Job]:
        restored = set(self._library.restore_jobs(local_ids))
        records = [r for i in local_ids if i in restored and (r := self._library.get_job(i))]
        records.sort(key=lambda record: record.created_at)
        return [self._history_job(record) for record in records]

    def _history_job(self, record: JobRecord) -> Job:
        rows = self._library.outputs_for_job(record.local_id)
        return job_from_record(record, saved_outputs(self._library, rows))

    # --- files ---------------------------------------------------------------------------------

    async def _fetch_missing(self, record: JobRecord) -> None:
        """Save only the outputs of a succeeded job that have no file yet, then finish them."""
        task = await self._current_task(record)
        if task is None:
            log.warning("job %s has no stored task: its outputs cannot be fetched", record.local_id)
            return
        job = job_from_record(record)
        async with self._fetch_slots:
            rows = await asyncio.to_thread(self._library.outputs_for_job, record.local_id)
            for row in rows:
                if row.local_path is not None or row.trashed_at is not None:
                    continue
                if row.task_id != task.task_id:
                    continue  # an earlier attempt's: its task is not followed any more
                path = await self._save_missing(job, task, row)
                if path is not None:
                    await self._record_file(record, row, path)
        if self._runner.get(record.local_id) is None:  # a history row: show it with its files
            self._publish(JobChanged(await asyncio.to_thread(self._history_job, record)))
        self._publish(OutputsRecorded(record.local_id))

    async def _save_missing(self, job: Job, task: Task, row: OutputRecord) -> Path | None:
        """The file of one output row: its text result written, or its media downloaded."""
        text = text_result(task)
        if row.kind is OutputKind.TEXT:
            if text is None:
                return None
            return (await save_text_output(self._outputs_dir, job, task, text)).path
        position = row.position
        if position is None or not 0 <= position < len(task.media):
            return None
        media = task.media[position]
        dest = destination_of(self._outputs_dir, job, task.task_id, position, media)
        return dest if await self._fetch(media, dest) else None

    async def _current_task(self, record: JobRecord) -> Task | None:
        """The job's succeeded task as the server tells it now, else as last stored.

        Its media URLs may have changed since it was stored (the demo simulator comes back on a
        new port; signed links expire): the fresh ones are fetched, in the same places.
        """
        stored = task_of(record)
        if record.remote_id is None:
            return stored
        try:
            fresh = await self._client.get_task(record.remote_id)
        except MountseaError as exc:
            log.info("task of %s not read again (%r): stored links used", record.local_id, exc)
            return stored
        if fresh.status is not TaskStatus.SUCCEEDED or fresh.task_id != record.remote_id:
            return stored
        return fresh

    async def _fetch(self, media: MediaRef, dest: Path) -> bool:
        """True when ``dest`` holds the whole file (already there, or downloaded now)."""
        if await asyncio.to_thread(dest.is_file):  # downloads land by rename: it is complete
            return True
        try:
            await asyncio.to_thread(paths.private_dir, dest.parent)
            await self._client.download(media.url, dest)
        except (MountseaError, OSError) as exc:
            log.warning("could not fetch %s: %r", dest.name, exc)
            if paths.is_disk_full(exc):  # a partial file only takes the last writes' room
                await asyncio.to_thread(dest.with_name(dest.name + ".part").unlink, missing_ok=True)
                self._disk_full(dest.parent)
            return False
        return True

    async def _record_file(self, record: JobRecord, row: OutputRecord, path: Path) -> None:
        """Sidecar, metadata and facts of one file (``finish``), recorded in its output row."""
        try:
            sources = await asyncio.to_thread(self._library.source_facts, record.local_id)
            facts = await self._finish(
                path, request_for(record, sources), sidecar_facts(record, row)
            )
            await asyncio.to_thread(
                self._library.set_output_file,
                row.id,
                path,
                facts.sha256,
                facts.size,
                media_type=facts.media.media_type,
                width=facts.media.width,
                height=facts.media.height,
                duration=facts.media.duration,
            )
        except (OSError, sqlite3.Error, LibraryError) as exc:
            # Left without a file in the library: the next start-up finishes it.
            log.warning("could not record %s: %r", path.name, exc)
            if paths.is_disk_full(exc):
                self._disk_full(path.parent)

    def _disk_full(self, folder: Path) -> None:
        if self._on_disk_full is not None:
            self._on_disk_full(folder)

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
        """Until every background fetch and file finishing has ended (settled jobs' files done)
        and the library has every change, the outputs new jobs use (their lineage) included."""
        while self._busy():
            if self._background or self._recording:
                await asyncio.gather(
                    *self._background, *self._recording.values(), return_exceptions=True
                )
            elif not self._journal.idle:
                await self._journal.written()
            else:
                await asyncio.sleep(0)

    def is_settled(self) -> bool:
        """No job is running, every change was read and written, no file work is pending."""
        running = any(job.status.is_running for job in self._runner.jobs())
        return not (running or self._busy())

    def _busy(self) -> bool:
        """File work, lineage being written, or changes not yet read or written."""
        return bool(
            self._background
            or self._recording
            or self._runner.has_unread_changes()
            or not self._journal.idle
        )

    async def aclose(self) -> None:
        """Stop the runner, then background file work (redone at the next start if unfinished)."""
        await self._runner.aclose()  # ends the change stream: the reader stops after the last
        if not await self._journal.aclose():
            log.error("some queue rows could not be written to the library (is the disk full?)")
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)
        background = list(self._background)
        for task in background:
            task.cancel()
        await asyncio.gather(*background, *self._recording.values(), return_exceptions=True)


async def _finish_in_thread(
    path: Path, request: Mapping[str, Any], facts: Mapping[str, Any] | None
) -> FileFacts:
    return await asyncio.to_thread(finish_file, path, request, facts)


def _ignore(_event: Event) -> None:
    """Events of a BackendJobs nobody listens to (tests of the file work alone)."""
