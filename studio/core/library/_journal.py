"""The task runner's journal in the library: every queue row durable, every change recorded.

State written while a submit is in flight: the row stays "submitting" but its error already says
that the task may exist. A crash at any moment thus leaves one of three readable states: no
error (never sent: safe to send), that error (ambiguous: never re-sent silently) or a remote id.
That mark is written durably (fsynced) before the request leaves, so it outlives a power loss
too. Every row also records the journal's backend, since its task ids mean nothing elsewhere.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from studio.core.api import MediaKind, MediaRef, MountseaError, Task, TaskStatus, parse_task
from studio.core.jobs import (
    AMBIGUOUS_SUBMIT_MESSAGE,
    Job,
    JobStatus,
    SavedOutput,
    text_media,
    text_result,
)
from studio.core.library._submits import ANSWERED, NOT_SENT, SENDING
from studio.core.library._types import UNSET, LibraryError, OutputKind

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from studio.core.api import Endpoint
    from studio.core.library._library import Library
    from studio.core.library._types import JobRecord, OutputRecord

log = logging.getLogger(__name__)

NOT_DOWNLOADED_MESSAGE = "Not downloaded yet."
_MEDIA_KINDS = {kind.value: kind for kind in MediaKind}


@dataclass(frozen=True, slots=True)
class EndpointFacts:
    """What the library stores about an endpoint beside each job, when the app knows it."""

    capability: str = ""
    model: str = ""
    schema_fingerprint: str = ""


class LibraryJournal:
    """A JobJournal over a Library: small synchronous writes, in the caller's thread. The app
    calls it through QueuedJournal (_queued), whose own thread runs them, off the event loop.

    Output rows are added (without files) as soon as the server reports success, before the row
    is marked succeeded, so a crash in between leaves them for start-up to fetch. Hashing,
    probing and metadata of the files come later (the session records them in a thread).
    """

    def __init__(self, library: Library, *, backend: str = "") -> None:
        self._library = library
        self._backend = backend
        self._facts: dict[str, EndpointFacts] = {}
        self._facts_missing: dict[str, set[str]] = {}  # endpoint → rows created without them
        self._written: dict[str, tuple[Any, ...]] = {}
        self._remote_id: dict[str, str | None] = {}
        self._outputs_added: set[str] = set()
        self._sending: dict[str, datetime] = {}  # submit logged as leaving, not yet answered
        self._unwritten: dict[str, Job] = {}  # the last change of these rows failed to write

    @property
    def backend(self) -> str:
        """Where this journal's jobs are sent: "demo", an API base URL, or '' (unnamed)."""
        return self._backend

    # --- endpoint facts ------------------------------------------------------------------------

    def remember_endpoints(self, endpoints: Iterable[Endpoint]) -> None:
        """Capability and model of catalog endpoints, stored with their jobs (also earlier ones
        this journal created before the catalog was known)."""
        for endpoint in endpoints:
            known = self._facts.get(endpoint.slug, EndpointFacts())
            self._learn(
                endpoint.slug,
                EndpointFacts(endpoint.capability, endpoint.model, known.schema_fingerprint),
            )

    def set_schema_fingerprint(self, endpoint: str, fingerprint: str) -> None:
        known = self._facts.get(endpoint, EndpointFacts())
        self._learn(endpoint, EndpointFacts(known.capability, known.model, fingerprint))

    def _learn(self, endpoint: str, facts: EndpointFacts) -> None:
        self._facts[endpoint] = facts
        waiting = self._facts_missing.get(endpoint, set())
        for local_id in sorted(waiting):
            try:
                self._library.update_job(
                    local_id,
                    capability=facts.capability,
                    model=facts.model,
                    schema_fingerprint=facts.schema_fingerprint,
                )
            except (LibraryError, sqlite3.Error):
                # Descriptive only (gallery filters); the job itself is safely recorded.
                log.warning("endpoint facts of %s not recorded", local_id, exc_info=True)
        if facts.capability and facts.model:  # what the catalog tells; the rest is optional
            self._facts_missing.pop(endpoint, None)

    # --- JobJournal ---------------------------------------------------------------------------

    def job_created(self, job: Job) -> None:
        facts = self._facts.get(job.endpoint, EndpointFacts())
        self._library.create_job(
            job.local_id,
            job.endpoint,
            job.input,
            capability=facts.capability,
            model=facts.model,
            schema_fingerprint=facts.schema_fingerprint,
            webhook_url=job.webhook_url,
            backend=self._backend,
        )
        if not (facts.capability and facts.model):
            self._facts_missing.setdefault(job.endpoint, set()).add(job.local_id)
        self._written[job.local_id] = _row_values(job)
        self._remote_id[job.local_id] = None

    def job_changed(self, job: Job) -> None:
        local_id = job.local_id
        if is_sending(job) and self._sending.get(local_id) != job.submitted_at:
            self._note_sending(job)  # raises when not on disk: then the request does not leave
        if job.task_id is not None and job.task_id != self._remote_id.get(local_id):
            self._library.set_remote_id(local_id, job.task_id)
            self._remote_id[local_id] = job.task_id
            self._note_quietly(ANSWERED, local_id, remote_id=job.task_id)
        elif job.status is JobStatus.FAILED and job.task_id is None and local_id in self._sending:
            # A clear refusal (or a send that never started): no task exists.
            self._note_quietly(NOT_SENT, local_id, error=job.error)
        if job.status is not JobStatus.SUBMITTING:
            self._sending.pop(local_id, None)
        if job.task is not None and job.task.status is TaskStatus.SUCCEEDED:
            self._add_outputs(local_id, job.task)
        values = _row_values(job)
        if values != self._written.get(local_id):
            try:
                self._write_row(job)
            except Exception:
                self._unwritten[local_id] = job  # written later: see flush
                raise
            self._unwritten.pop(local_id, None)
            self._written[local_id] = values
        if self._unwritten:
            self.flush()

    def flush(self) -> bool:
        """Write the rows whose last change could not be written (a full disk), now that a
        write went through; True when none is left. A queue row the user saw as "failed — not
        sent" must not stay "submitting" in the library, to be sent at the next start."""
        for local_id, job in list(self._unwritten.items()):
            try:
                self._write_row(job)
            except (LibraryError, sqlite3.Error):
                log.warning("the row of %s is still not written", local_id)
                continue
            self._written[local_id] = _row_values(job)
            del self._unwritten[local_id]
        return not self._unwritten

    def adopt(self, job: Job) -> None:
        """A job rebuilt from the library: what is already recorded need not be written again."""
        self._written[job.local_id] = _row_values(job)
        self._remote_id[job.local_id] = job.task_id
        if job.status is JobStatus.SUCCEEDED and job.task is not None:
            self._outputs_added.add(job.task.task_id)

    # --- the submit log ------------------------------------------------------------------------

    def _note_sending(self, job: Job) -> None:
        """The out-of-band mark that this submit may leave (see library._submits)."""
        facts = self._facts.get(job.endpoint, EndpointFacts())
        assert job.submitted_at is not None, "only a job being sent is noted"
        self._library.note_submit(
            SENDING,
            job.local_id,
            endpoint=job.endpoint,
            input=dict(job.input),
            backend=self._backend,
            model=facts.model,
            capability=facts.capability,
            webhook_url=job.webhook_url,
            attempt=job.attempt,
            remote_ids=list(job.remote_ids),
            created_at=job.created_at.timestamp(),
            submitted_at=job.submitted_at.timestamp(),
        )
        self._sending[job.local_id] = job.submitted_at

    def _note_quietly(self, event: str, local_id: str, **data: Any) -> None:
        """A line that helps a repair but guards nothing by itself: a failure is only logged."""
        try:
            self._library.note_submit(event, local_id, **data)
        except OSError:
            log.warning("submit log: %s of %s not written", event, local_id, exc_info=True)

    # --- writing -------------------------------------------------------------------------------

    def _write_row(self, job: Job) -> None:
        status, error, started, finished, elapsed_ms, _ = _row_values(job)
        task_json = job.task.raw if job.task is not None else None
        self._library.update_job(
            job.local_id,
            status=status,
            error=error,
            started_at=started,
            finished_at=finished,
            elapsed_ms=elapsed_ms,
            # Once the POST may have left, a crash must never find the row "never sent".
            durable=is_sending(job),
            task_json=UNSET if task_json is None else task_json,
        )

    def _add_outputs(self, local_id: str, task: Task) -> None:
        if task.task_id in self._outputs_added:
            return
        existing = self._library.outputs_for_job(local_id)
        indexes = output_indexes(existing, task.task_id, len(task.media))
        for position, (index, media) in enumerate(zip(indexes, task.media, strict=True)):
            self._library.add_output(
                local_id,
                index,
                media.kind.value,
                media.url,
                task_id=task.task_id,
                position=position,
            )
        if text_result(task) is not None and pending_text_row(existing) is None:
            self._library.add_output(
                local_id, free_index(existing), OutputKind.TEXT, task_id=task.task_id
            )
        self._outputs_added.add(task.task_id)


def _timestamp(value: datetime | None) -> float | None:
    return None if value is None else value.timestamp()


def is_sending(job: Job) -> bool:
    """Its submit request is about to leave or has left, and no answer has come yet."""
    submitting = job.status is JobStatus.SUBMITTING
    return submitting and job.submitted_at is not None and job.task_id is None


def _row_values(job: Job) -> tuple[Any, ...]:
    """(status, error, started_at, finished_at, elapsed_ms, task) as the library stores them."""
    error = AMBIGUOUS_SUBMIT_MESSAGE if is_sending(job) else job.error
    status = job.status.value
    if job.status is JobStatus.SUBMITTING and job.task_id is not None:
        status = JobStatus.QUEUED.value  # answered: the task exists on the server
    elapsed = job.elapsed_s() if job.finished_at is not None else None
    elapsed_ms = None if elapsed is None else round(elapsed * 1000)
    started, finished = _timestamp(job.started_at), _timestamp(job.finished_at)
    return (status, error, started, finished, elapsed_ms, job.task)


def output_indexes(existing: Sequence[OutputRecord], task_id: str, count: int) -> list[int]:
    """Library indexes for a task's ``count`` media: the task's own rows by position, else the
    first free numbers.

    Never by URL: a task's media URLs may change between reports (a restarted simulator on a new
    port, signed CDN links), and its Nth media must land in the same row every time. A retried
    job keeps the outputs of earlier attempts, so new ones must not overwrite them.
    """
    own = {
        row.position: row.index
        for row in existing
        if row.task_id == task_id and row.position is not None
    }
    taken = {row.index for row in existing}
    indexes = []
    for position in range(count):
        index = own.get(position)
        if index is None:
            index = position
            while index in taken:
                index += 1
        taken.add(index)
        indexes.append(index)
    return indexes


def pending_text_row(rows: Sequence[OutputRecord]) -> OutputRecord | None:
    """The text output still waiting for its file: the current task's (one at a time).

    A job followed again after a crash reports success twice; its row is then reused, not
    doubled. One left by an earlier attempt never got a file and its task is gone: the newer
    result takes it over, so no row waits forever for a file.
    """
    return next(
        (
            row
            for row in rows
            if row.kind is OutputKind.TEXT and row.local_path is None and row.trashed_at is None
        ),
        None,
    )


def free_index(rows: Sequence[OutputRecord]) -> int:
    taken = {row.index for row in rows}
    return next(index for index in range(len(taken) + 1) if index not in taken)


# --- rebuilding rows from the library ---------------------------------------------------------


def _datetime(value: float | None) -> datetime | None:
    return None if value is None else datetime.fromtimestamp(value, UTC)


def task_of(record: JobRecord) -> Task | None:
    """The last Task the server sent for this row, or None when none was stored or it is bad."""
    try:
        data = record.task()
        return None if data is None else parse_task(data)
    except (ValueError, MountseaError):
        log.warning("stored task of %s cannot be read", record.local_id)
        return None


def _media_of(row: OutputRecord) -> MediaRef:
    if row.kind is OutputKind.TEXT:
        return text_media(row.size)
    return MediaRef(
        url=row.remote_url or "",
        kind=_MEDIA_KINDS.get(row.kind.value, MediaKind.OTHER),
        content_type=row.media_type,
        file_size=row.size,
        width=row.width,
        height=row.height,
        duration=row.duration,
    )


def saved_outputs(library: Library, rows: Sequence[OutputRecord]) -> tuple[SavedOutput, ...]:
    """Queue-row outputs for library rows; a file not downloaded yet says so."""
    saved = []
    for row in rows:
        if row.trashed_at is not None:
            continue
        try:
            path = library.file_of(row)
        except LibraryError:
            path = None
        error = None if path is not None else NOT_DOWNLOADED_MESSAGE
        saved.append(SavedOutput(_media_of(row), path, error))
    return tuple(saved)


def job_from_record(record: JobRecord, outputs: tuple[SavedOutput, ...] = ()) -> Job:
    """The queue row for a library record. A "submitting" row is one whose new POST was not
    answered, so its current attempt has no remote id yet (an older attempt's may be stored)."""
    task = task_of(record)
    submitting = record.status is JobStatus.SUBMITTING
    attempts = len(record.remote_ids)
    return Job(
        endpoint=record.endpoint,
        input=record.input,
        local_id=record.local_id,
        webhook_url=record.webhook_url,
        status=JobStatus(record.status.value),
        task=None if submitting else task,
        task_id=None if submitting else record.remote_id,
        remote_ids=record.remote_ids,
        error=record.error,
        created_at=_datetime(record.created_at) or datetime.now(UTC),
        submitted_at=None if submitting else _datetime(record.submitted_at),
        started_at=_datetime(record.started_at),
        finished_at=_datetime(record.finished_at),
        outputs=outputs,
        text=task.text if task is not None and not submitting else None,
        attempt=attempts + 1 if submitting and attempts else max(1, attempts),
        backend=record.backend,
    )
